"""Tests' mode: an in-memory index rebuilt from PostgreSQL whenever the rows it mirrors changed.

Test data is written by factories and rolled back after each test, which no outbox can follow;
with SEARCH_INDEX_MIRROR on, every search first checks the rows (a few hundred in a test) and
rebuilds the in-memory index if they differ. The outbox and indexer are tested on their own
(tests/search_index/), with the mirror off and a real index folder.
"""

from __future__ import annotations

import hashlib

import tantivy
from django.conf import settings

from statements.search_index import documents, store
from statements.search_index.schema import build_schema, register

_last: str | None = None


def sync() -> None:
    """Rebuild the in-memory index if mirror mode is on and the statements changed."""
    global _last
    if not getattr(settings, "SEARCH_INDEX_MIRROR", False):
        return
    rows = documents.rows()
    digest = hashlib.sha256(repr(rows).encode()).hexdigest()
    if digest == _last:
        return
    index = register(tantivy.Index(build_schema()))
    writer = index.writer(heap_size=15_000_000, num_threads=1)
    for row in rows:
        writer.add_document(documents.document(row))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    store.use_memory(index)
    _last = digest


def reset() -> None:
    """Forget the mirror (the next search rebuilds it, or reads from disk when mirror is off)."""
    global _last
    _last = None
    store.use_memory(None)
