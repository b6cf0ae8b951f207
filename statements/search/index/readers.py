"""From the engine's ids back to rows: what pages, exports and feeds share."""

from __future__ import annotations

from django.db.models import QuerySet


def rows(queryset: QuerySet, ids: list[int]) -> list:
    """The statements with these ids, in the ids' order (ids no longer there are skipped)."""
    found = queryset.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]
