"""Find press-release files on disk and the staff-supplied metadata kept beside them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

RELEASE_SUFFIXES = {".html", ".htm", ".txt", ".xhtml"}
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_KEYS = {"symbol", "date", "body", "session", "meetings", "part", "headline", "source_url"}


def iter_release_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Yield the files named, and the release files inside the folders named, in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in RELEASE_SUFFIXES
            )
        else:
            yield path


def read_sidecar(path: Path) -> dict:
    """Read NAME.meta.json beside NAME.ext: the symbol and date staff supplied, if any."""
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    values = {k: v for k, v in json.loads(sidecar.read_text("utf-8")).items() if k in SIDECAR_KEYS}
    if "date" in values:
        values["date"] = date.fromisoformat(values["date"])
    return values
