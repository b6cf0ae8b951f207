"""Tests' search-index reader: an in-memory index rebuilt from PostgreSQL when its rows changed.

Test data is written by factories and rolled back after each test, which no outbox can follow.
tests/conftest.py names this reader in settings.SEARCH_INDEX_READER (production code never calls
it): every search first reads the rows (a few hundred in a test) and rebuilds the in-memory index
if they differ. Its version names the rows, so the page cache and the per-commit memo work in the
tests as they do over the disk index. The outbox and indexer are tested on their own
(tests/search_index/), with the disk reader and an index folder of each test's own.
"""

from __future__ import annotations

import hashlib
import threading

import tantivy
from django.db import connection

from statements.search.index import documents
from statements.search.index.schema import build_schema, register


class MirrorReader:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._index: tantivy.Index | None = None
        self._digest: str | None = None
        self._test = 0  # a new test never sees the pages and values of an earlier one

    def open(self) -> tantivy.Index:
        """The mirror of the statements now in the database (rebuilt if they changed)."""
        return self._sync()[0]

    def version(self) -> str:
        return self._sync()[1]

    def _sync(self) -> tuple[tantivy.Index, str]:
        rows = _rows()
        digest = hashlib.sha256(repr(rows).encode()).hexdigest()
        with self._lock:
            if digest != self._digest or self._index is None:
                self._index = _build(rows)
                self._digest = digest
            return self._index, f"mirror-{self._test}-{digest[:16]}"

    def reset(self) -> None:
        """Forget the mirror: the next search rebuilds it under a new version."""
        with self._lock:
            self._index, self._digest = None, None
            self._test += 1


def _rows() -> list[tuple]:
    """documents.rows(), read past Django's query log: tests that count a page's queries count
    the page's own, not the mirror's."""
    connection.ensure_connection()
    with connection.connection.cursor() as cursor:
        cursor.execute(documents.ROWS.format(where=""))
        statements = cursor.fetchall()
        cursor.execute(documents.THEMES.format(where=""))
        return list(documents.joined(statements, cursor.fetchall()))


def _build(rows) -> tantivy.Index:
    index = register(tantivy.Index(build_schema()))
    writer = index.writer(heap_size=15_000_000, num_threads=1)
    for row in rows:
        writer.add_document(documents.document(row))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index


mirror = MirrorReader()
