"""Generate src/treatywithdraw/data/treaties/_compiled.json (and the name index and built treaties).

Run ``python scripts/gen_compiled_catalogue.py`` after changing a treaty file;
``tests/test_catalogue_index.py`` fails while the compiled catalogue is stale (the library
still reads a changed file from its TOML, so a stale copy is slower, never wrong).
``--check`` exits 1 instead of writing when the file differs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from treatywithdraw.catalogue import (
    BUILT_FILE,
    COMPILED_FILE,
    INDEX_FILE,
    _folder,
    build_catalogue,
    built_file_bytes,
    compile_catalogue,
    compile_index,
)


def render() -> str:
    return json.dumps(compile_catalogue(), ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def render_index() -> str:
    return json.dumps(compile_index(), ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file differs")
    args = parser.parse_args(argv)
    folder = Path(_folder())
    outputs = {folder / COMPILED_FILE: render(), folder / INDEX_FILE: render_index()}
    if args.check:
        return 0 if all(p.exists() and p.read_text("utf-8") == t for p, t in outputs.items()) else 1
    for path, text in outputs.items():
        path.write_text(text, "utf-8")
        print(f"wrote {path} ({len(text):,} bytes)")
    built = render_built()
    (folder / BUILT_FILE).write_bytes(built)
    print(f"wrote {folder / BUILT_FILE} ({len(built):,} bytes)")
    return 0


def render_built() -> bytes:
    """The built treaties (``_compiled.pickle``): the objects the one reader made of each file."""
    return built_file_bytes(build_catalogue())


if __name__ == "__main__":
    sys.exit(main())
