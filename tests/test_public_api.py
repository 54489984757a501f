"""The public surface: the names DESIGN.md promises, and the error tree."""

from __future__ import annotations

import pickle
from datetime import date

import pytest

import treatywithdraw as tw

CONTRACT = {
    "treaty",
    "treaties",
    "effective_date",
    "effect",
    "latest_receipt_date",
    "earliest_notice_date",
    "Period",
    "Rounding",
    "add_period",
    "Withdrawal",
    "load_timeline",
    "procedure",
    "TreatyWithdrawError",
    "UnknownTreatyError",
    "InvalidDateError",
    "AmbiguousDateError",
    "NoticeNotAllowedError",
    "NoWithdrawalClauseError",
    "EffectPendingError",
    "InvalidTransitionError",
    "CatalogueError",
    "TimelineFileError",
}


def test_all_names_exist() -> None:
    for name in tw.__all__:
        assert getattr(tw, name) is not None, name


def test_contract_names_are_public() -> None:
    assert set(tw.__all__) >= CONTRACT


def test_dir_lists_the_public_names() -> None:
    assert set(tw.__all__) <= set(dir(tw))


def test_version() -> None:
    assert isinstance(tw.__version__, str) and tw.__version__


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError):
        tw.no_such_thing  # noqa: B018


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (tw.UnknownTreatyError, LookupError),
        (tw.InvalidDateError, ValueError),
        (tw.AmbiguousDateError, ValueError),
        (tw.InvalidTransitionError, ValueError),
        (tw.InvalidArgumentError, ValueError),
    ],
)
def test_error_tree(error: type[Exception], builtin: type[Exception]) -> None:
    assert issubclass(error, tw.TreatyWithdrawError)
    assert issubclass(error, builtin)


def test_every_error_is_in_the_tree() -> None:
    for name in tw.__all__:
        value = getattr(tw, name)
        if isinstance(value, type) and issubclass(value, Exception) and not issubclass(value, Warning):
            assert issubclass(value, tw.TreatyWithdrawError), name


def test_the_only_warning_is_about_the_catalogue() -> None:
    warnings = [
        n for n in tw.__all__ if isinstance(getattr(tw, n), type) and issubclass(getattr(tw, n), Warning)
    ]
    assert warnings == ["CatalogueWarning"]
    assert issubclass(tw.CatalogueWarning, UserWarning)


def test_values_are_frozen_and_picklable() -> None:
    e = tw.effect("ottawa", date(2025, 6, 27))
    assert pickle.loads(pickle.dumps(e)) == e
    t = tw.treaty("ottawa")
    assert pickle.loads(pickle.dumps(t)) == t
    with pytest.raises(AttributeError):
        e.date = date(2000, 1, 1)  # type: ignore[misc]
