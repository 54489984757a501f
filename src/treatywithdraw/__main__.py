"""``python -m treatywithdraw``: see :mod:`treatywithdraw.cli`."""

from __future__ import annotations

from treatywithdraw.cli import run

if __name__ == "__main__":
    run()
