"""From a StatementFilter to the engine and back to rows: what pages, exports and feeds share."""

from __future__ import annotations

from django.db.models import QuerySet

from statements.search_index import engine
from statements.search_index.query import SearchSpec


def spec_for(fs) -> SearchSpec:
    """The engine's search for a StatementFilter's valid parameters (and its page's scope)."""
    d = fs.data_cleaned
    return SearchSpec(
        text=fs.query.text,
        delegations=tuple(d.get("delegation") or ()),
        themes=tuple(d.get("theme") or ()),
        bodies=tuple(d.get("body") or ()),
        sessions=tuple(int(s) for s in d.get("session") or ()),
        kinds=tuple(d.get("kind") or ()),
        speakers=tuple(d.get("speaker") or ()),
        reviews=tuple(d.get("review") or ()),
        date_from=d.get("date_from"),
        date_to=d.get("date_to"),
        scope=dict(getattr(fs, "search_scope", None) or {}),
    )


def rows(queryset: QuerySet, ids: list[int]) -> list:
    """The statements with these ids, in the ids' order (ids no longer there are skipped)."""
    found = queryset.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def matching(fs) -> QuerySet:
    """Every match as a queryset (by id): for readers that need SQL over the rows (API)."""
    from statements.models import Statement

    return Statement.objects.filter(pk__in=engine.all_ids(spec_for(fs)))


def newest(fs, limit: int) -> list[int]:
    return engine.search(spec_for(fs), sort="newest", limit=limit).ids
