"""The error tree of treatywithdraw.

Every error the library raises on purpose derives from :class:`TreatyWithdrawError`.
Leaves also derive from the builtin a caller would expect (``LookupError`` for an
unknown key, ``ValueError`` for a bad value), so ``except ValueError`` keeps working.

Errors are facts, not prose to be parsed: each carries what went wrong as attributes
(``.value``, ``.field``, ``.fixes``, and per kind ``.candidates``, ``.earliest``,
``.latest``, ``.reasons``, ``.problems``), and its message is rendered from them. A
front end renders the same facts in its own words: :meth:`TreatyWithdrawError.render`
writes a fix as a Python keyword (``rounding="backward"``), a command-line flag
(``--rounding backward``) or a timeline-file field (``options.rounding = "backward"``).

Every error pickles and unpickles to an equal message and attributes, so errors cross
process boundaries (``concurrent.futures.ProcessPoolExecutor``) intact.

>>> err = AmbiguousDateError(
...     "2025-08-31 + 6 months has no such day (2026-02-31 does not exist)",
...     (date(2026, 2, 28), date(2026, 3, 1)),
... )
>>> str(err)
'2025-08-31 + 6 months has no such day (2026-02-31 does not exist): pass rounding="backward" (2026-02-28) or rounding="forward" (2026-03-01)'
>>> err.render("cli")
'2025-08-31 + 6 months has no such day (2026-02-31 does not exist): pass --rounding backward (2026-02-28) or --rounding forward (2026-03-01)'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Literal, NamedTuple

__all__ = [
    "AmbiguousDateError",
    "CatalogueError",
    "CatalogueWarning",
    "EffectPendingError",
    "Fix",
    "InvalidArgumentError",
    "InvalidDateError",
    "InvalidTransitionError",
    "MissingExtraError",
    "NoWithdrawalClauseError",
    "NotAWithdrawalError",
    "NoticeNotAllowedError",
    "NoticeTooEarlyError",
    "NoticeTooLateError",
    "Problem",
    "Spelling",
    "TimelineFileError",
    "TreatyWithdrawError",
    "UnknownPartyError",
    "UnknownTreatyError",
]

Spelling = Literal["python", "cli", "file"]
"""How a fix names an option: a keyword argument, a command-line flag, a file field."""


class Fix(NamedTuple):
    """One way out of an error: pass an option (with a value), or drop one.

    ``option`` is the name of a :class:`~treatywithdraw.NoticeOptions` field or of the
    argument (``rounding``, ``later_date``, ``start``); ``value`` what to pass (``None``:
    the option alone, as in "pass party_since= to check it"); ``gives`` what it leads to,
    shown in brackets (a date, usually).

    >>> Fix("rounding", "backward", gives="2026-02-28").spelled("cli")
    '--rounding backward (2026-02-28)'
    >>> Fix("later_date", date(2025, 1, 1), action="drop").spelled("file")
    'options.later_date = 2025-01-01'
    """

    option: str
    value: object = None
    action: Literal["pass", "drop"] = "pass"
    gives: str = ""

    def spelled(self, spelling: Spelling = "python") -> str:
        """The option and its value as ``spelling`` writes them, with what it gives."""
        from treatywithdraw._dates import shown

        value = self.value
        if not isinstance(value, str | date | bool | int | None) or (
            isinstance(value, int) and abs(value) > 10**9
        ):
            value = shown(value)
        if spelling == "cli":
            flag = "--" + self.option.replace("_", "-")
            if value is None or value is True:
                text = flag
            else:
                text = f"{flag} {value.isoformat() if isinstance(value, date) else value}"
        else:
            if isinstance(value, str):
                shown_value = f'"{value}"'
            elif isinstance(value, date):
                shown_value = value.isoformat()
            elif value is None:
                shown_value = ""
            elif spelling == "file" and isinstance(value, bool):
                shown_value = str(value).lower()
            else:
                shown_value = str(value)
            if spelling == "file":
                text = f"options.{self.option} = {shown_value}" if shown_value else f"options.{self.option}"
            else:
                text = f"{self.option}={shown_value}"
        return f"{text} ({self.gives})" if self.gives else text


def render_fixes(fixes: Sequence[Fix], spelling: Spelling = "python") -> str:
    """``pass a (x) or b (y)``; ``drop c``: the fixes in words, grouped by action.

    >>> render_fixes([Fix("rounding", "backward"), Fix("rounding", "forward")])
    'pass rounding="backward" or rounding="forward"'
    """
    out: list[str] = []
    for action in ("drop", "pass"):
        items = [f.spelled(spelling) for f in fixes if f.action == action]
        if items:
            out.append(f"{action} " + " or ".join(items))
    return "; ".join(out)


class Problem(NamedTuple):
    """One problem of a data file: where (a dotted path, ``events[3].on``) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def _rebuild(
    cls: type[TreatyWithdrawError], args: tuple[Any, ...], state: dict[str, Any]
) -> TreatyWithdrawError:
    """Unpickle an error without calling its ``__init__`` (whose signature varies by kind)."""
    err = cls.__new__(cls)
    err.args = args
    err.__dict__.update(state)
    return err


class TreatyWithdrawError(Exception):
    """Root of every error treatywithdraw raises on purpose.

    Attributes every error has: ``.value`` (what the caller gave, when one value is at
    fault), ``.field`` (the argument or field it was given for), ``.fixes`` (the
    :class:`Fix` es the message suggests). The message is ``what`` followed by the
    fixes; :meth:`render` writes it with the fixes spelled for another front end.
    """

    def __init__(
        self,
        message: str = "",
        *,
        value: object = None,
        field: str = "",
        fixes: Iterable[Fix] = (),
        tail: str = "",
        joiner: str = ": ",
    ) -> None:
        self._what = message
        self.value = value
        self.field = field
        self.fixes = tuple(fixes)
        self._tail = tail
        self._joiner = joiner
        super().__init__(self.render())

    @property
    def what(self) -> str:
        """What went wrong, without the fixes (a front end adds them in its own words)."""
        return self._what

    def render(self, spelling: Spelling = "python") -> str:
        """The message, with its fixes written as ``spelling`` names options.

        ``"python"`` (``rounding="backward"``, what ``str()`` gives), ``"cli"``
        (``--rounding backward``) or ``"file"`` (``options.rounding = "backward"``).
        """
        if not self.fixes:
            return self._what + self._tail
        return f"{self._what}{self._joiner}{render_fixes(self.fixes, spelling)}{self._tail}"

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))

    def __eq__(self, other: object) -> bool:
        """Equal kind, message and attributes: what survives a round trip through pickle."""
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, TreatyWithdrawError)
        return self.args == other.args and _comparable(self.__dict__) == _comparable(other.__dict__)

    def __hash__(self) -> int:
        return hash((type(self), self.args))


def _comparable(state: dict[str, Any]) -> dict[str, Any]:
    # The traceback and chained exceptions are not facts of the error.
    return {k: v for k, v in state.items() if not k.startswith("__")}


class UnknownTreatyError(TreatyWithdrawError, LookupError):
    """No treaty in the catalogue has this key or alias.

    ``.key`` is what the caller gave, ``.suggestions`` the closest keys, ``.left_out``
    the catalogue files that could not be read (the key may be in one of them).
    """

    def __init__(self, key: str, suggestions: Sequence[str] = (), *, left_out: Sequence[str] = ()) -> None:
        from treatywithdraw._dates import shown

        self.key = key
        self.suggestions = tuple(suggestions)
        self.left_out = tuple(left_out)
        hint = (
            f"did you mean {', '.join(repr(s) for s in self.suggestions)}?"
            if self.suggestions
            else "treatywithdraw.treaties() lists every key"
        )
        if self.left_out:
            # The key may be an alias inside a file that could not be read.
            hint += (
                f" (the catalogue left out {', '.join(self.left_out)}: "
                "treatywithdraw.catalogue_problems() says why)"
            )
        super().__init__(f"no treaty {shown(key)} in the catalogue: {hint}", value=key, field="treaty")


class UnknownPartyError(TreatyWithdrawError, LookupError):
    """No procedure template for this party code. ``.value`` is the code asked for."""


class InvalidDateError(TreatyWithdrawError, ValueError):
    """A date that cannot be read, does not exist, or is a naive ``datetime``.

    ``.value`` is what the caller gave, ``.field`` the argument it was given for.
    """


class AmbiguousDateError(TreatyWithdrawError, ValueError):
    """Adding months landed on a day the month does not have.

    ``.candidates`` is ``(backward, forward)``: what each rounding gives. Choose one with
    ``rounding="backward"`` or ``rounding="forward"``; the message offers both.
    """

    def __init__(
        self,
        message: str,
        candidates: tuple[date, date],
        *,
        fixes: Iterable[Fix] | None = None,
        tail: str = "",
        joiner: str = ": ",
    ) -> None:
        self.candidates = candidates
        if fixes is None:
            fixes = (
                Fix("rounding", "backward", gives=candidates[0].isoformat()),
                Fix("rounding", "forward", gives=candidates[1].isoformat()),
            )
        super().__init__(message, field="rounding", fixes=fixes, tail=tail, joiner=joiner)


class NoticeNotAllowedError(TreatyWithdrawError):
    """The treaty does not allow this notice: on that day, or with that named date.

    Catch this to catch every refusal; :class:`NoticeTooEarlyError` and
    :class:`NoticeTooLateError` say which way the day misses, with the day that bounds it.
    """


class NoticeTooEarlyError(NoticeNotAllowedError):
    """Notice was received before the treaty allows it.

    ``.earliest`` is the first day on which notice is allowed (Paris Art. 28(1): three
    years after entry into force for the party).
    """

    def __init__(self, message: str, *, earliest: date, **kwargs: Any) -> None:
        self.earliest = earliest
        super().__init__(message, **kwargs)


class NoticeTooLateError(NoticeNotAllowedError):
    """Notice was received after the last day the treaty allows it.

    ``.latest`` is the last day on which notice was allowed (Genocide Convention
    Art. XIV: six months before the current period ends); ``.next_earliest`` the first
    day of the next window, where one exists (``None`` otherwise).
    """

    def __init__(
        self, message: str, *, latest: date, next_earliest: date | None = None, **kwargs: Any
    ) -> None:
        self.latest = latest
        self.next_earliest = next_earliest
        super().__init__(message, **kwargs)


class NoWithdrawalClauseError(TreatyWithdrawError):
    """The treaty has no withdrawal clause and VCLT Art. 56 was not asked for."""


class EffectPendingError(TreatyWithdrawError):
    """A suspensive condition holds: the withdrawal has no effective date yet.

    ``.effect`` is the :class:`~treatywithdraw.Effect` with ``.pending`` set.
    """

    def __init__(self, message: str, effect: object = None) -> None:
        self.effect = effect
        super().__init__(message)


MAX_LISTED = 20
"""The most findings a message lists; the attribute (``.problems``, ``.reasons``) keeps all."""


def _numbered(items: Sequence[str], attribute: str = "problems") -> str:
    """``(1) a; (2) b``: several findings on one line, each one findable, at most :data:`MAX_LISTED`.

    >>> _numbered([f"p{i}" for i in range(1, 23)]).partition("(19) ")[2]
    "p19; (20) p20; and 2 more (the error's .problems lists them)"
    """
    listed = "; ".join(f"({i}) {item}" for i, item in enumerate(items[:MAX_LISTED], 1))
    rest = len(items) - MAX_LISTED
    return listed if rest <= 0 else f"{listed}; and {rest:,} more (the error's .{attribute} lists them)"


class InvalidTransitionError(TreatyWithdrawError, ValueError):
    """A step cannot be recorded. ``.reasons`` lists every violated rule at once.

    With several reasons the message numbers them: ``2 rules violated: (1) ...; (2) ...``.
    """

    def __init__(self, reasons: Sequence[str]) -> None:
        self.reasons = tuple(reasons)
        if len(self.reasons) == 1:
            message = self.reasons[0]
        else:
            message = f"{len(self.reasons)} rules violated: {_numbered(self.reasons, 'reasons')}"
        super().__init__(message)


def _located(message: str, file: str, field: str) -> str:
    """``file:field: message`` on one line: a name with a line break or a tab is quoted."""
    parts = [str(part) for part in (file, field) if part]
    where = ":".join(part if part.isprintable() else repr(part) for part in parts)
    return f"{where}: {message}" if where else message


class _FileError(TreatyWithdrawError, ValueError):
    """A data file with problems: ``.file``, ``.problems`` (each a :class:`Problem`).

    ``.field`` is the path of the first problem. The message names the file and lists
    every problem, numbered when there are several.
    """

    def __init__(
        self,
        message: str = "",
        *,
        file: str = "",
        field: str = "",
        problems: Iterable[Problem] = (),
        value: object = None,
    ) -> None:
        found = tuple(problems) or (Problem(field, message),)
        self.file = file
        self.problems = found
        if len(found) == 1:
            text = _located(found[0].message, file, found[0].path)
        else:
            text = _located(f"{len(found)} problems: {_numbered([str(p) for p in found])}", file, "")
        super().__init__(text, value=value, field=found[0].path)


class CatalogueError(_FileError):
    """A treaty data file is malformed. Names the file and every field at fault."""


class CatalogueWarning(UserWarning):
    """A catalogue file was refused and left out; the other treaties keep working.

    The message is the file's :class:`CatalogueError`, naming the file and the field.
    :func:`treatywithdraw.catalogue_problems` lists the same errors.
    """


class TimelineFileError(_FileError):
    """A timeline file is malformed. Names the file and every field at fault."""


class InvalidArgumentError(TreatyWithdrawError, ValueError):
    """An argument that is not a date has a value the library cannot use.

    ``.value`` is what the caller gave, ``.field`` the argument.
    """


class NotAWithdrawalError(TreatyWithdrawError, ValueError):
    """The record is not a withdrawal (e.g. a suspension under VCLT Art. 62).

    It has no effective date, no notice period and no withdrawal status. ``.basis`` is
    the legal ground the state invoked.
    """

    def __init__(self, message: str, *, basis: str = "") -> None:
        self.basis = basis
        super().__init__(message)


class MissingExtraError(TreatyWithdrawError, ImportError):
    """An optional extra is not installed.

    The message names the extra and the ``pip install`` command that adds it; ``.name``
    is the missing module.
    """

    def __init__(self, message: str, *, name: str = "") -> None:
        super().__init__(message, value=name, field="extra")
        self.name = name
