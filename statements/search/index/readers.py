"""From the engine's ids back to rows: what pages, exports and feeds share.

The index is fed from the primary; pages read rows from the read replica when one is configured,
which may lag. An id the index returns that the replica does not have yet is read from the
primary, so a page never counts rows it cannot show. An id missing there too (a statement
deleted since the index's last commit) is skipped, and the request is marked `incomplete`: the
page cache does not keep such a page (statements/views/page_cache.py).
"""

from __future__ import annotations

from contextvars import ContextVar

from django.db import DEFAULT_DB_ALIAS
from django.db.models import QuerySet

PRIMARY = DEFAULT_DB_ALIAS
_incomplete: ContextVar[bool] = ContextVar("search_rows_incomplete", default=False)


def rows(queryset: QuerySet, ids: list[int]) -> list:
    """The statements with these ids, in the ids' order (ids no longer there are skipped)."""
    found = queryset.in_bulk(ids)
    missing = [pk for pk in ids if pk not in found]
    if missing and queryset.db != PRIMARY:
        found.update(queryset.using(PRIMARY).in_bulk(missing))
        missing = [pk for pk in missing if pk not in found]
    if missing:
        _incomplete.set(True)
    return [found[pk] for pk in ids if pk in found]


def watch():
    """Start watching this request for incomplete rows; return the token `incomplete` takes."""
    return _incomplete.set(False)


def incomplete(token) -> bool:
    """Whether rows were missing since `watch()`; stop watching."""
    seen = _incomplete.get()
    _incomplete.reset(token)
    return seen
