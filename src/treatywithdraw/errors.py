"""The error tree of treatywithdraw.

Every error the library raises on purpose derives from :class:`TreatyWithdrawError`.
Leaves also derive from the builtin a caller would expect (``LookupError`` for an
unknown key, ``ValueError`` for a bad value), so ``except ValueError`` keeps working.
Errors carry their context as attributes (``.candidates``, ``.reasons``, ``.field``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

__all__ = [
    "AmbiguousDateError",
    "CatalogueError",
    "CatalogueWarning",
    "EffectPendingError",
    "InvalidArgumentError",
    "InvalidDateError",
    "InvalidTransitionError",
    "MissingExtraError",
    "NoWithdrawalClauseError",
    "NotAWithdrawalError",
    "NoticeNotAllowedError",
    "TimelineFileError",
    "TreatyWithdrawError",
    "UnknownPartyError",
    "UnknownTreatyError",
]


class TreatyWithdrawError(Exception):
    """Root of every error treatywithdraw raises on purpose."""


class UnknownTreatyError(TreatyWithdrawError, LookupError):
    """No treaty in the catalogue has this key or alias.

    ``.key`` is what the caller gave, ``.suggestions`` the closest keys.
    """

    def __init__(self, key: str, suggestions: Sequence[str] = (), *, left_out: Sequence[str] = ()) -> None:
        self.key = key
        self.suggestions = tuple(suggestions)
        hint = (
            f"did you mean {', '.join(repr(s) for s in self.suggestions)}?"
            if self.suggestions
            else "treatywithdraw.treaties() lists every key"
        )
        if left_out:
            # The key may be an alias inside a file that could not be read.
            hint += (
                f" (the catalogue left out {', '.join(left_out)}: "
                "treatywithdraw.catalogue_problems() says why)"
            )
        super().__init__(f"no treaty {key!r} in the catalogue: {hint}")

    def __str__(self) -> str:  # LookupError would otherwise repr() the message
        return str(self.args[0])


class UnknownPartyError(TreatyWithdrawError, LookupError):
    """No procedure template for this party code."""

    def __str__(self) -> str:
        return str(self.args[0])


class InvalidDateError(TreatyWithdrawError, ValueError):
    """A date that cannot be read, does not exist, or is a naive ``datetime``.

    ``.value`` is what the caller gave, ``.field`` the argument it was given for.
    """

    def __init__(self, message: str, *, value: object = None, field: str = "") -> None:
        self.value = value
        self.field = field
        super().__init__(message)


class AmbiguousDateError(TreatyWithdrawError, ValueError):
    """Adding months landed on a day the month does not have.

    ``.candidates`` is ``(backward, forward)``: the last day of the month and the
    first day of the next. Choose one with ``rounding="backward"`` or
    ``rounding="forward"``.
    """

    def __init__(self, message: str, candidates: tuple[date, date]) -> None:
        self.candidates = candidates
        super().__init__(message)


class NoticeNotAllowedError(TreatyWithdrawError):
    """The treaty does not allow notice on that day.

    ``.earliest`` is the first day notice is allowed, when there is one.
    """

    def __init__(self, message: str, earliest: date | None = None) -> None:
        self.earliest = earliest
        super().__init__(message)


class NoWithdrawalClauseError(TreatyWithdrawError):
    """The treaty has no withdrawal clause and VCLT Art. 56 was not asked for."""


class EffectPendingError(TreatyWithdrawError):
    """A suspensive condition holds: the withdrawal has no effective date yet.

    ``.effect`` is the :class:`~treatywithdraw.Effect` with ``.pending`` set.
    """

    def __init__(self, message: str, effect: object = None) -> None:
        self.effect = effect
        super().__init__(message)


class InvalidTransitionError(TreatyWithdrawError, ValueError):
    """A step cannot be recorded. ``.reasons`` lists every violated rule at once."""

    def __init__(self, reasons: Sequence[str]) -> None:
        self.reasons = tuple(reasons)
        if len(self.reasons) == 1:
            message = self.reasons[0]
        else:
            message = f"{len(self.reasons)} rules violated: " + "; ".join(self.reasons)
        super().__init__(message)


def _located(message: str, file: str, field: str) -> str:
    """``file:field: message`` on one line: a name with a line break or a tab is quoted."""
    parts = [str(part) for part in (file, field) if part]
    where = ":".join(part if part.isprintable() else repr(part) for part in parts)
    return f"{where}: {message}" if where else message


class CatalogueError(TreatyWithdrawError, ValueError):
    """A treaty data file is malformed. Names the file and the field."""

    def __init__(self, message: str, *, file: str = "", field: str = "") -> None:
        self.file = file
        self.field = field
        super().__init__(_located(message, file, field))


class CatalogueWarning(UserWarning):
    """A catalogue file was refused and left out; the other treaties keep working.

    The message is the file's :class:`CatalogueError`, naming the file and the field.
    :func:`treatywithdraw.catalogue_problems` lists the same errors.
    """


class TimelineFileError(TreatyWithdrawError, ValueError):
    """A timeline file is malformed. Names the file and the field."""

    def __init__(self, message: str, *, file: str = "", field: str = "") -> None:
        self.file = file
        self.field = field
        super().__init__(_located(message, file, field))


class InvalidArgumentError(TreatyWithdrawError, ValueError):
    """An argument that is not a date has a value the library cannot use.

    ``.value`` is what the caller gave, ``.field`` the argument.
    """

    def __init__(self, message: str, *, value: object = None, field: str = "") -> None:
        self.value = value
        self.field = field
        super().__init__(message)


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
    is the missing module (``ImportError`` sets it).
    """
