"""Pytest collects docs/ for its doctests (``--doctest-glob=*.md``, ``--doctest-modules``).

``conf.py`` is Sphinx's configuration, not a test module, and ``_build`` holds the
built site: neither is collected.
"""

collect_ignore = ["conf.py", "_build"]
collect_ignore_glob = ["_build/*"]
