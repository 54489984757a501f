"""Sphinx configuration for the treatywithdraw documentation (MyST Markdown, furo theme).

Build with warnings as errors, as CI does::

    sphinx-build -W --keep-going -b html docs docs/_build/html

No extension here needs the network: intersphinx is left out on purpose.
"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.ext.napoleon import _process_docstring

# Document the checkout being built, installed or not.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

project = "treatywithdraw"
author = "treatywithdraw contributors"
copyright = "treatywithdraw contributors"
try:
    release = metadata.version("treatywithdraw")
except metadata.PackageNotFoundError:  # a source tree that was never installed
    release = "0+unknown"
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

# MyST: anchors for "#section" links up to ### headings.
myst_heading_anchors = 3

# Autodoc: Google-style docstrings (napoleon), members in source order. Types go into
# the description, next to each documented argument and as "Return type": signatures
# stay readable (a date argument's type is the union date | datetime | str).
napoleon_google_docstring = True
napoleon_numpy_docstring = False
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
autodoc_default_options = {"show-inheritance": True}
# Long signatures get one parameter a line.
python_maximum_signature_line_length = 88

nitpicky = False

html_theme = "furo"
html_title = f"treatywithdraw {release}"
html_theme_options = {
    "navigation_with_keys": True,
}
html_static_path = ["_static"]  # the chart (scripts/make_chart.py) and the stylesheet
html_css_files = ["treatywithdraw.css"]
# Declared, so that browsers do not ask for a /favicon.ico the site does not have.
html_favicon = "_static/favicon.svg"
pygments_style = "friendly"
pygments_dark_style = "monokai"


def _napoleon_without_inline_attribute_types(
    app: Sphinx, what: Any, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    """Napoleon, minus one rule: reading an attribute's first line as ``type: description``.

    The attribute and property docstrings here are prose ("Refuse: raise ...", "The day
    the withdrawal takes effect, or ``None``: ..."), and their types come from the
    annotations. Napoleon would print "Refuse" as the type. Given no name, it skips that
    rule and still reads sections such as ``Raises:`` in property docstrings.
    """
    inline_types = what in {"attribute", "data", "property"}
    _process_docstring(app, what, "" if inline_types else name, obj, options, lines)


def setup(app: Sphinx) -> None:
    for listener in list(app.events.listeners.get("autodoc-process-docstring", ())):
        if listener.handler is _process_docstring:
            app.disconnect(listener.id)
    app.connect("autodoc-process-docstring", _napoleon_without_inline_attribute_types)
