"""Makes ``docs`` a package for pytest only: its ``conftest.py`` then imports as
``docs.conftest`` and does not clash with ``tests/conftest.py`` (both would otherwise be
the top-level module ``conftest``, which ``--doctest-modules`` refuses to import twice).
"""
