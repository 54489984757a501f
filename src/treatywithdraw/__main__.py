"""``python -m treatywithdraw``: see :mod:`treatywithdraw.cli`."""

from __future__ import annotations

import sys

from treatywithdraw.cli import main

if __name__ == "__main__":
    sys.exit(main())
