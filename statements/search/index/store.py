"""Where the index lives: generations in a folder, a CURRENT pointer swapped atomically.

    <SEARCH_INDEX_DIR>/CURRENT          the name of the live generation (replaced with os.replace)
    <SEARCH_INDEX_DIR>/gen-<stamp>/     a tantivy index, plus state.json (the outbox position)

A rebuild writes a new generation and then swaps the pointer, so readers never see half an index.
Each process keeps its open index and reloads it when the pointer or the index's commit changes.

Searches read through the object settings.SEARCH_INDEX_READER names: `disk` here (production),
or the tests' mirror of the database (tests/search_mirror.py).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import tantivy
from django.conf import settings
from django.utils.module_loading import import_string

from statements.search.index.schema import build_schema, register

POINTER = "CURRENT"
STATE = "state.json"
KEEP_GENERATIONS = 2


class IndexUnavailable(Exception):
    """The search index is missing or cannot be read; searches answer 503 until it is rebuilt."""


@dataclass
class Opened:
    generation: Path
    index: tantivy.Index
    meta_stamp: tuple[int, int, int]  # meta.json's inode, mtime (ns) and size


_lock = threading.Lock()
_opened: Opened | None = None


def root() -> Path:
    return Path(settings.SEARCH_INDEX_DIR)


def current_generation() -> Path | None:
    """The live generation's folder, or None when no index was built."""
    try:
        name = (root() / POINTER).read_text("utf-8").strip()
    except FileNotFoundError:
        return None
    return root() / name if name else None


def exists() -> bool:
    generation = current_generation()
    return generation is not None and (generation / "meta.json").exists()


def new_generation() -> Path:
    """A fresh, empty folder for a rebuild."""
    # Two rebuilds in one second of one process (a test, a retry) must not share a folder.
    stamp = f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{secrets.token_hex(4)}"
    path = root() / f"gen-{stamp}"
    path.mkdir(parents=True)
    return path


def create(path: Path) -> tantivy.Index:
    return register(tantivy.Index(build_schema(), path=str(path), reuse=False))


def swap(generation: Path) -> None:
    """Point readers at the new generation, then remove all but the newest old ones."""
    tmp = root() / (POINTER + ".tmp")
    tmp.write_text(generation.name, "utf-8")
    os.replace(tmp, root() / POINTER)
    old = sorted(p for p in root().glob("gen-*") if p != generation)
    for path in old[: max(0, len(old) - (KEEP_GENERATIONS - 1))]:
        shutil.rmtree(path, ignore_errors=True)


def reader():
    """What searches read: the object settings.SEARCH_INDEX_READER names."""
    return import_string(settings.SEARCH_INDEX_READER)


def open_index() -> tantivy.Index:
    """The index searches read (IndexUnavailable if there is none)."""
    return reader().open()


def version() -> str | None:
    """A token that changes with every index commit and swap (a cache key's part), or None."""
    return reader().version()


def open_disk_index() -> tantivy.Index:
    """The live index, reloaded if a commit or a swap happened since; IndexUnavailable if none."""
    global _opened
    generation = current_generation()
    meta = generation / "meta.json" if generation else None
    try:
        found = meta.stat() if meta else None
        # tantivy rewrites meta.json on each commit (by rename): inode, ns time and size, not
        # a coarse float time that two commits in one clock tick share
        mtime = (found.st_ino, found.st_mtime_ns, found.st_size) if found else None
    except OSError:
        mtime = None
    if mtime is None:
        raise IndexUnavailable(f"No search index in {root()}: run manage.py rebuild_search_index.")
    with _lock:
        try:
            if _opened is None or _opened.generation != generation:
                index = register(tantivy.Index.open(str(generation)))
                _opened = Opened(generation, index, mtime)
            elif _opened.meta_stamp != mtime:
                _opened.index.reload()
                _opened.meta_stamp = mtime
        except BaseException as exc:  # tantivy: ValueError, OSError, or a Rust panic
            if not isinstance(exc, Exception) and type(exc).__name__ != "PanicException":
                raise
            _opened = None
            raise IndexUnavailable(
                f"The search index in {generation} cannot be read: {exc}"
            ) from exc
        return _opened.index


def forget() -> None:
    """Drop this process's opened index (after an engine failure): the next search reopens it."""
    global _opened
    with _lock:
        _opened = None


def disk_version() -> str | None:
    """The live generation's name and its meta.json's stamp (a commit rewrites it)."""
    open_disk_index()
    opened = _opened
    if opened is None:
        return None
    return f"{opened.generation.name}-" + "-".join(map(str, opened.meta_stamp))  # a cache-key token


class DiskReader:
    """Production's reader: the live generation in SEARCH_INDEX_DIR."""

    open = staticmethod(open_disk_index)
    version = staticmethod(disk_version)


disk = DiskReader()


def read_state(generation: Path) -> dict:
    try:
        return json.loads((generation / STATE).read_text("utf-8"))
    except (FileNotFoundError, ValueError):
        return {}


def write_state(generation: Path, state: dict) -> None:
    """Save the outbox position beside the index, after the index commit it describes."""
    tmp = generation / (STATE + ".tmp")
    tmp.write_text(json.dumps(state), "utf-8")
    os.replace(tmp, generation / STATE)
