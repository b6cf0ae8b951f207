"""Golden files for the parser: find them, render a parse, and rewrite them on purpose.

Run ``python -m tests.parsing.regenerate`` after an intended parser change, then review the diff.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from statements.parsing import parse_press_release
from tests.seed import SEED_PATH

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
INPUT_SUFFIXES = (".txt", ".html")
# Inputs the project ships elsewhere, read where they are (no second copy): their golden name.
SHIPPED = {SEED_PATH: "ga_2021_11_23_trafficking"}


def golden_inputs() -> list[Path]:
    """Return every golden input file, sorted by name, then the shipped sample release."""
    found = sorted(p for p in GOLDEN_DIR.iterdir() if p.suffix in INPUT_SUFFIXES)
    return found + list(SHIPPED)


def expected_path(source: Path) -> Path:
    """Return the expected-output file of a golden input, in the golden folder."""
    return GOLDEN_DIR / f"{SHIPPED.get(source, source.stem)}.expected.json"


def render(source: Path) -> str:
    """Parse a golden input and render its to_dict() as stable, readable JSON."""
    parsed = parse_press_release(source.read_bytes(), filename=source.name)
    return json.dumps(parsed.to_dict(), ensure_ascii=False, indent=2) + "\n"


def regenerate() -> list[Path]:
    """Rewrite every expected file whose content changed; return the rewritten paths."""
    changed = []
    for source in golden_inputs():
        target = expected_path(source)
        rendered = render(source)
        if not target.exists() or target.read_text(encoding="utf-8") != rendered:
            target.write_text(rendered, encoding="utf-8")
            changed.append(target)
    return changed


def main() -> int:
    """Regenerate the golden files and report which ones changed."""
    changed = regenerate()
    for path in changed:
        print(f"rewrote {path.relative_to(GOLDEN_DIR.parent)}")
    print(f"{len(changed)} of {len(golden_inputs())} golden files changed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
