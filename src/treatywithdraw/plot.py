"""A chart of several withdrawals on one time axis (needs the ``plot`` extra: matplotlib).

One row per withdrawal: the domestic steps as markers (one marker and colour per step
kind), the notice period as a bar from receipt by the depositary to the effective date,
the effective date as a star with its ISO date, and an optional line for ``as_of``.
A withdrawal whose instrument is not received yet is projected
(:meth:`~treatywithdraw.timeline.Withdrawal.project`) and drawn hollow.

matplotlib is imported inside :func:`plot_timelines`, never at import time, and only
through its object-oriented API (``Figure`` and the Agg canvas): no pyplot, no
``matplotlib.use()``, so a backend the caller chose is left alone.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from treatywithdraw._dates import DateLike, as_date, shown
from treatywithdraw.effects import Effect
from treatywithdraw.errors import InvalidArgumentError, MissingExtraError, TreatyWithdrawError
from treatywithdraw.procedures import Step
from treatywithdraw.timeline import Withdrawal

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.dates import DateLocator
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

__all__ = ["plot_timelines"]

# How a file is written, by suffix: the format name matplotlib knows.
_FORMATS = {".png": "png", ".svg": "svg"}

# The same input gives the same bytes: a fixed salt for the SVG element ids, no date stamp.
_SVG_SALT = "treatywithdraw"

# One marker and colour per step kind (Okabe-Ito colours, distinguishable by colour-blind
# readers; the marker shape carries the kind in grey-scale print too).
_STEP_STYLE: dict[Step, tuple[str, str]] = {
    Step.INITIATIVE: ("o", "#8C8C8C"),
    Step.GOVERNMENT_DECISION: ("s", "#56B4E9"),
    Step.PRESIDENTIAL_SUBMISSION: ("P", "#CC79A7"),
    Step.PARLIAMENT_APPROVAL: ("D", "#0072B2"),
    Step.SENATE_APPROVAL: ("d", "#009E73"),
    Step.HEAD_OF_STATE_ACT: ("^", "#E69F00"),
    Step.DENUNCIATION_DECISION: ("v", "#D55E00"),
    Step.PARTIES_NOTIFIED: ("X", "#444444"),
    Step.REVOCATION: ("X", "#B2182B"),
    Step.LAW_RETURNED: ("<", "#F0E442"),
    Step.PUBLICATION_SUSPENDED: ("h", "#F0E442"),
    Step.PARLIAMENT_REJECTION: ("X", "#7F0000"),
}
_BAR_COLOUR = "#BFD7EA"
_BAR_EDGE = "#4A7BA6"
_EFFECT_COLOUR = "#D55E00"
_AS_OF_COLOUR = "#B2182B"
_MARKER_SIZE = 8.5
_BAR_HEIGHT = 0.34
_DODGE = 0.24  # rows between two markers spread apart


@attrs.frozen
class _Mark:
    step: Step
    on: date
    projected: bool


@attrs.frozen(kw_only=True)
class _Row:
    """What one withdrawal puts on the chart, worked out before anything is drawn."""

    label: str
    marks: tuple[_Mark, ...]
    undated: tuple[Step, ...]
    kind: str  # "effect", "pending", "revoked", "projected" or "none"
    received: date | None = None
    end: date | None = None  # where the bar stops: the effective date, the expiry, a revocation
    effective: date | None = None
    note: str = ""
    notice: str = ""  # the notice period, in words


def _row(w: Withdrawal) -> _Row:
    label = f"{w.party} · {w.treaty.short_name}"
    marks = [
        _Mark(e.step, e.on, False)
        for e in w.events
        if e.on is not None and e.step is not Step.INSTRUMENT_DEPOSITED
    ]
    undated = tuple(e.step for e in w.events if e.on is None)
    deposit = w.deposit
    received = deposit.on if deposit is not None else None
    revoked = next((e.on for e in w.events if e.step is Step.REVOCATION), None)
    if received is not None and revoked is not None:
        return _Row(
            label=label,
            undated=undated,
            marks=tuple(marks),
            received=received,
            end=revoked,
            kind="revoked",
            note="revoked",
        )
    if received is not None:
        effect = w.effect  # AmbiguousDateError etc. propagate: the Withdrawal must say how to round
        assert effect is not None  # received and not revoked
        notice = _notice(effect)
        if effect.date is not None:
            return _Row(
                label=label,
                undated=undated,
                marks=tuple(marks),
                received=received,
                end=effect.date,
                effective=effect.date,
                kind="effect",
                notice=notice,
            )
        return _Row(
            label=label,
            undated=undated,
            marks=tuple(marks),
            received=received,
            end=effect.expiry,
            kind="pending",
            note="effect pending",
            notice=notice,
        )
    if any(e.step is Step.PARLIAMENT_REJECTION for e in w.events):
        return _Row(label=label, undated=undated, marks=tuple(marks), kind="none", note="abandoned")
    try:
        projection = w.project()
    except TreatyWithdrawError:  # nothing dated to project from, or no computable effect
        return _Row(label=label, undated=undated, marks=tuple(marks), kind="none")
    marks += [_Mark(s.step, s.on, True) for s in projection.steps if s.step is not Step.INSTRUMENT_DEPOSITED]
    end = projection.effective_date
    return _Row(
        label=label,
        undated=undated,
        marks=tuple(marks),
        received=projection.deposit,
        end=end,
        effective=end,
        kind="projected",
        note="projected",
        notice=_notice(projection.effect),
    )


def _notice(effect: Effect | None) -> str:
    if effect is None or effect.notice_period is None:
        return ""
    return effect.notice_period.describe()


def _check_path(path: str | os.PathLike[str] | None) -> tuple[Path, str] | None:
    if path is None:
        return None
    if not isinstance(path, str | os.PathLike):
        raise InvalidArgumentError(
            f"path must be a str or a path ending in .png or .svg, not {type(path).__name__} {shown(path)}",
            value=path,
            field="path",
        )
    p = Path(path)
    fmt = _FORMATS.get(p.suffix.lower())
    if fmt is None:
        raise InvalidArgumentError(
            f"cannot save the chart as {str(path)!r}: "
            + (f"the suffix {p.suffix!r} is not supported" if p.suffix else "the path has no suffix")
            + "; use a path ending in .png or .svg",
            value=path,
            field="path",
        )
    return p, fmt


def _check_withdrawals(withdrawals: object) -> tuple[Withdrawal, ...]:
    # The exports' one reader: a Suspension gets NotAWithdrawalError, as from to_ics and Mermaid.
    from treatywithdraw.formats._entries import withdrawals_of

    return withdrawals_of(withdrawals, "plot_timelines")


def _text_pt(text: str, size: float) -> float:
    """About how wide ``text`` is in points (DejaVu Sans averages 0.6 em a character)."""
    return len(text) * size * 0.6


def _dodge(days: Sequence[date], close: float) -> list[float]:
    """Vertical offsets (in rows) spreading each run of markers closer than ``close`` days."""
    order = sorted(range(len(days)), key=lambda i: days[i])
    offsets = [0.0] * len(days)
    run: list[int] = []
    for i in [*order, -1]:
        if i >= 0 and run and (days[i] - days[run[-1]]).days < close:
            run.append(i)
            continue
        for j, k in enumerate(run):
            offsets[k] = (j - (len(run) - 1) / 2) * _DODGE
        run = [i]
    return offsets


def _span(rows: Sequence[_Row], as_of: date | None) -> tuple[date, date]:
    days = [m.on for r in rows for m in r.marks]
    days += [d for r in rows for d in (r.received, r.end) if d is not None]
    if as_of is not None:
        days.append(as_of)
    if not days:  # only undated steps: show the year of as_of, or an arbitrary empty axis
        centre = as_of or date(2000, 1, 1)
        return centre - timedelta(days=180), centre + timedelta(days=180)
    first, last = min(days), max(days)
    width = max((last - first).days, 60)
    # Room on the left for the first marker, on the right for the effective date's label
    # (never past the ends of the calendar).
    left = min(round(width * 0.03), (first - date.min).days)
    right = min(round(width * 0.16), (date.max - last).days)
    return first - timedelta(days=left), last + timedelta(days=right)


def plot_timelines(
    withdrawals: Iterable[Withdrawal],
    path: str | os.PathLike[str] | None = None,
    *,
    as_of: DateLike | None = None,
    title: str | None = None,
) -> Figure:
    """Draw several withdrawals side by side on one time axis; save it if ``path`` is given.

    One row per withdrawal, in the order given, labelled ``LV · Ottawa Convention``:
    dated domestic steps as markers (a legend names each kind), the notice period as a
    bar from receipt by the depositary to the effective date, which is starred and
    annotated with its ISO date. Undated steps are listed under their row. A withdrawal
    not yet received is projected (:meth:`Withdrawal.project`) and drawn hollow, with
    ``≈`` before its date; a pending effect (a suspensive condition) ends its bar at the
    expiry; a revoked one ends, grey, at the revocation.

    Args:
        withdrawals: the :class:`~treatywithdraw.timeline.Withdrawal` objects to draw.
        path: where to save the chart; the suffix chooses the format, ``.png`` or
            ``.svg``. The SVG is byte-for-byte reproducible (no date stamp, fixed ids).
        as_of: draw a vertical line on that day (a ``date`` or ISO string).
        title: the chart's title; by default one naming the treaty.

    Returns:
        The :class:`matplotlib.figure.Figure`, attached to an Agg canvas: no pyplot, no
        change to the backend the caller chose.

    Raises:
        MissingExtraError: matplotlib is not installed (``pip install 'treatywithdraw[plot]'``).
        InvalidArgumentError: nothing to draw, something that is not a Withdrawal, or a
            path ending in another suffix than ``.png`` or ``.svg``.
        InvalidDateError: ``as_of`` is not a date.
        AmbiguousDateError: as :attr:`Withdrawal.effect` does, when a month end is
            ambiguous and the withdrawal does not say how to round.

    >>> from treatywithdraw.timeline import Withdrawal
    >>> lv = (Withdrawal.start(party="LV", treaty="ottawa")
    ...       .record("parliament-approval", "2025-04-16")
    ...       .record("head-of-state-act", "2025-04-24")
    ...       .record("instrument-deposited", "2025-06-27"))
    >>> fig = plot_timelines([lv], "ottawa.svg", as_of="2025-12-27")  # doctest: +SKIP
    >>> plot_timelines([lv], "ottawa.pdf")
    Traceback (most recent call last):
    ...
    treatywithdraw.errors.InvalidArgumentError: cannot save the chart as 'ottawa.pdf': the suffix '.pdf' is not supported; use a path ending in .png or .svg
    """
    target = _check_path(path)
    items = _check_withdrawals(withdrawals)
    # An instant is read at the first withdrawal's depositary (the one line is one day).
    day = None if as_of is None else as_date(as_of, "as_of", items[0].treaty.depositary.time_zone)
    if title is not None and not isinstance(title, str):
        raise InvalidArgumentError(
            f"title must be a str or None, not {type(title).__name__} {shown(title)}",
            value=title,
            field="title",
        )
    try:
        import matplotlib  # noqa: F401  (fails first, with the clearest error, when absent)
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise MissingExtraError(
            "the chart needs the 'plot' extra: pip install 'treatywithdraw[plot]'", name="matplotlib"
        ) from exc

    rows = [_row(w) for w in items]
    fig = Figure(figsize=(10, 1.9 + 0.62 * len(rows)), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    _draw(ax, rows, day, width=fig.get_figwidth())
    treaties = {w.treaty.short_name for w in items}
    if title is None:
        title = f"Withdrawals from the {treaties.pop()}" if len(treaties) == 1 else "Treaty withdrawals"
    ax.set_title(title, loc="left", fontsize=12, fontweight="bold")
    _legend(fig, rows, day)

    if target is not None:
        file, fmt = target
        _save(fig, file, fmt)
    return fig


def _num(day: date) -> float:
    """Matplotlib's number for a day (it honours the caller's ``date.epoch`` setting)."""
    from matplotlib import dates as mdates

    return float(mdates.date2num(day))  # type: ignore[no-untyped-call]  # matplotlib.dates is unannotated


def _day(x: float) -> date:
    from matplotlib import dates as mdates

    moment: datetime = mdates.num2date(x)  # type: ignore[no-untyped-call]  # as above
    return moment.date()


def _draw(ax: Axes, rows: Sequence[_Row], as_of: date | None, *, width: float) -> None:
    from matplotlib import dates as mdates

    num = _num
    first, last = _span(rows, as_of)
    # Markers closer than about one marker width collide: spread them vertically.
    width_pt = width * 72 * 0.78  # the axes' share of the figure, roughly
    pt_per_day = width_pt / max((last - first).days, 1)
    close = _MARKER_SIZE * 0.8 / pt_per_day
    for y, r in enumerate(rows):
        projected = r.kind == "projected"
        if r.received is not None and r.end is not None:
            revoked = r.kind == "revoked"
            fill = "white" if projected else "#E4E4E4" if revoked else _BAR_COLOUR
            ax.barh(
                y,
                num(r.end) - num(r.received),
                left=num(r.received),
                height=_BAR_HEIGHT,
                color=fill,
                edgecolor="#8C8C8C" if revoked else _BAR_EDGE,
                linewidth=1,
                linestyle="--" if projected else "-",
                zorder=2,
            )
            # Inside the bar when it fits, else just above it, from the day of receipt.
            inside = f"{'≈ ' if projected else ''}received {r.received.isoformat()}"
            bar_pt = (r.end - r.received).days * pt_per_day
            if r.notice and _text_pt(f"{inside} · {r.notice}", 8) < bar_pt - 10:
                inside += f" · {r.notice}"
            if _text_pt(inside, 8) < bar_pt - 10:
                xy, ha, dy = ((num(r.received) + num(r.end)) / 2, y), "center", 0.0
            else:
                xy, ha, dy = (num(r.received), y), "left", -(_BAR_HEIGHT / 2 + 0.15)
            ax.text(
                xy[0],
                xy[1] + dy,
                inside,
                ha=ha,
                va="center",
                fontsize=8,
                color="#1F3B57",
                zorder=7,
                # An opaque background keeps the as_of line from striking through the text.
                bbox={
                    "boxstyle": "square,pad=0.1",
                    "facecolor": fill if dy == 0 else "white",
                    "edgecolor": "none",
                },
            )
        for m, dy in zip(r.marks, _dodge([m.on for m in r.marks], close), strict=True):
            marker, colour = _STEP_STYLE.get(m.step, ("o", "#000000"))
            ax.plot(
                num(m.on),
                y + dy,
                marker=marker,
                markersize=_MARKER_SIZE,
                markerfacecolor="white" if m.projected else colour,
                markeredgecolor=colour if m.projected else "white",
                markeredgewidth=1.4 if m.projected else 0.8,
                linestyle="none",
                zorder=4,
            )
        if r.effective is not None:
            ax.plot(
                num(r.effective),
                y,
                marker="*",
                markersize=15,
                markerfacecolor="white" if projected else _EFFECT_COLOUR,
                markeredgecolor=_EFFECT_COLOUR if projected else "white",
                markeredgewidth=1.2 if projected else 0.8,
                linestyle="none",
                zorder=5,
            )
            ax.annotate(
                f"{'≈ ' if projected else ''}{r.effective.isoformat()}",
                (num(r.effective), y),
                xytext=(9, 0),
                textcoords="offset points",
                ha="left",
                va="center",
                fontsize=9,
                fontweight="bold",
                color=_EFFECT_COLOUR,
            )
        elif r.end is not None:  # pending or revoked: say why the bar stops there
            ax.annotate(
                r.note,
                (num(r.end), y),
                xytext=(6, 0),
                textcoords="offset points",
                ha="left",
                va="center",
                fontsize=8,
                fontstyle="italic",
                color="#555555",
            )
        below = []
        if r.undated:
            below.append("undated: " + ", ".join(str(s) for s in r.undated))
        if r.note and r.end is None:
            below.append(r.note)
        if below:
            dated = [m.on for m in r.marks] + ([r.received] if r.received is not None else [])
            x = num(min(dated)) if dated else num(first)
            ax.text(
                x,
                y + 0.3,
                "; ".join(below),
                ha="left",
                va="center",
                fontsize=7.5,
                fontstyle="italic",
                color="#555555",
            )

    ax.set_xlim(num(first), num(last))
    ax.set_ylim(len(rows) - 0.45, -0.6)  # first withdrawal on top
    ax.set_yticks(range(len(rows)), labels=[r.label for r in rows], fontsize=10)
    ax.tick_params(axis="y", length=0)
    locator: DateLocator = mdates.AutoDateLocator(minticks=5, maxticks=14)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(_date_formatter(locator, first, last))
    ax.grid(axis="x", color="#E3E3E3", linewidth=0.8, zorder=0)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)

    if as_of is not None:
        ax.axvline(num(as_of), color=_AS_OF_COLOUR, linestyle="--", linewidth=1.1, zorder=6)


def _date_formatter(locator: DateLocator, first: date, last: date) -> FuncFormatter:
    """Month (or day and month) labels, with the year under the first one and each January.

    ``locator`` must already be the axis' locator, with the limits set.
    """
    from matplotlib.ticker import FuncFormatter

    yearly = (last - first).days > 3 * 366
    visible = [d for d in (_day(t) for t in locator()) if first <= d <= last]
    with_year = {d for i, d in enumerate(visible) if i == 0 or d.year != visible[i - 1].year}

    def label(x: float, pos: int | None = None) -> str:
        day = _day(x)
        if yearly:
            return str(day.year)
        text = f"{day:%b}" if day.day == 1 else f"{day.day} {day:%b}"
        return f"{text}\n{day.year}" if day in with_year else text

    return FuncFormatter(label)


def _legend(fig: Figure, rows: Sequence[_Row], as_of: date | None) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    present = {m.step for r in rows for m in r.marks}
    handles: list[Any] = []
    for step, (marker, colour) in _STEP_STYLE.items():  # template order, not order of appearance
        if step in present:
            handles.append(
                Line2D(
                    [],
                    [],
                    marker=marker,
                    markersize=_MARKER_SIZE,
                    markerfacecolor=colour,
                    markeredgecolor="white",
                    linestyle="none",
                    label=str(step).replace("-", " "),
                )
            )
    if any(r.received is not None and r.end is not None for r in rows):
        handles.append(
            Patch(facecolor=_BAR_COLOUR, edgecolor=_BAR_EDGE, label="notice period (from receipt)")
        )
    if any(r.effective is not None for r in rows):
        handles.append(
            Line2D(
                [],
                [],
                marker="*",
                markersize=13,
                markerfacecolor=_EFFECT_COLOUR,
                markeredgecolor="white",
                linestyle="none",
                label="effective date",
            )
        )
    if any(r.kind == "projected" for r in rows):
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                markersize=_MARKER_SIZE,
                markerfacecolor="white",
                markeredgecolor="#555555",
                linestyle="none",
                label="projected",
            )
        )
    if as_of is not None:
        handles.append(
            Line2D([], [], color=_AS_OF_COLOUR, linestyle="--", label=f"as of {as_of.isoformat()}")
        )
    if handles:
        fig.legend(
            handles=handles,
            loc="outside lower center",
            ncols=min(len(handles), 4),
            frameon=False,
            fontsize=9,
            handletextpad=0.4,
            columnspacing=1.6,
        )


def _save(fig: Figure, file: Path, fmt: str) -> None:
    import matplotlib

    if fmt == "svg":
        # svg.hashsalt fixes the element ids; Date None drops the timestamp.
        with matplotlib.rc_context({"svg.hashsalt": _SVG_SALT}):
            fig.savefig(file, format="svg", metadata={"Date": None})
    else:
        fig.savefig(file, format="png", dpi=150)
