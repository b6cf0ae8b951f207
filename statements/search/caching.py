"""Cache what is costly and changes only when data does: facet counts, charts, totals.

Keys hold the SQL of the matching queryset (so every filter is part of it) and a data version
that moves when a release is ingested or a theme tag is added; entries also expire after a few
minutes, which covers edits that change neither (a staff removal being undone).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models import Count, Max, QuerySet

from meetings.models import Release
from statements.models import StatementTheme

SECONDS = 300
T = TypeVar("T")


def data_version() -> str:
    """A token that changes when releases are ingested or themes tagged (one cheap query)."""
    release = Release.objects.aggregate(n=Count("id"), last=Max("ingested_at"))
    tags = StatementTheme.objects.aggregate(last=Max("id"))["last"]
    return f"{release['n']}:{release['last']}:{tags}"


def cached(name: str, key: str, compute: Callable[[], T], *, version: str) -> T:
    """Return the cached value for (name, key, version), computing and storing it if missing."""
    digest = hashlib.sha256(f"{name}\0{version}\0{key}".encode()).hexdigest()
    found = cache.get(f"ui:{digest}")
    if found is None:
        found = compute()
        cache.set(f"ui:{digest}", found, SECONDS)
    return found


def query_key(queryset: QuerySet) -> str:
    """The SQL of a queryset, as a cache key part ('empty' for one that can match nothing)."""
    try:
        return str(queryset.query)
    except EmptyResultSet:
        return "empty"
