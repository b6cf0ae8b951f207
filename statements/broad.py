"""Broad searches (more than BROAD matches): estimated totals, sampled facets, a ranked pool.

PostgreSQL answers a search of a few thousand matches exactly and fast. A common word matches half
the archive: counting, faceting and ranking all of it visits every matching row (seconds at a
million statements). Past BROAD matches the page therefore:

- says "about N": N is counted on a 1% sample of the table's pages (TABLESAMPLE SYSTEM);
- counts each facet whose base (the matches without that facet's own filter) is broad, and the
  chart, on a sample of about SAMPLE_MATCHES of them, scaled (labelled ≈);
- ranks by relevance the RANK_POOL newest matches (labelled), found by walking the date index,
  which is fast when matches are dense — the planner cannot know that for phrases (it assumes
  the words of "root causes" independent), so the walk is asked for with SET LOCAL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import QuerySet

from statements.models import Statement

BROAD = 20_000
SAMPLE_MATCHES = 5_000
RANK_POOL = 2_000
ESTIMATE_PERCENT = 1.0
_TABLE = f'FROM "{Statement._meta.db_table}"'


@dataclass(frozen=True)
class Total:
    n: int
    exact: bool


def total(matches: QuerySet) -> Total:
    """Exact when a 1% sample says there are at most BROAD matches, else that estimate."""
    n = estimate(matches)
    if n > BROAD:
        return Total(n, False)
    return Total(matches.order_by().count(), True)


def estimate(matches: QuerySet, percent: float = ESTIMATE_PERCENT) -> int:
    """Matches counted on a sample of the table's pages, scaled (about ±1% for common words)."""
    sql, params = sampled_sql(matches.order_by().values("pk"), percent)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM ({sql}) s", params)
        return round(cursor.fetchone()[0] * 100 / percent)


def sampled_sql(queryset: QuerySet, percent: float) -> tuple[str, tuple]:
    """The queryset's SQL reading a sample of the statements table's pages."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing (an unknown delegation, say)
        return "SELECT NULL::bigint AS id WHERE false", ()
    sample = f"{_TABLE} TABLESAMPLE SYSTEM ({percent:.4f}) REPEATABLE (0)"
    return sql.replace(_TABLE, sample, 1), params


def sample(matches: QuerySet, n: int) -> tuple[QuerySet, float]:
    """About SAMPLE_MATCHES of the n matches, and the factor that scales their counts to n."""
    percent = min(100.0, max(0.2, 100 * SAMPLE_MATCHES / n))
    sql, params = sampled_sql(matches.order_by().values("pk"), percent)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        ids = [pk for (pk,) in cursor.fetchall()]
    return Statement.objects.filter(pk__in=ids), 100 / percent


class FacetSource:
    """Stands in for a StatementFilter in the facet functions: each facet counts its own base
    (the matches without that facet's filter) exactly when it is small, else on a sample."""

    def __init__(self, fs) -> None:
        self.fs = fs
        self.bases: dict[str, tuple[QuerySet, float]] = {}
        self.scale = 1.0

    def facet_queryset(self, name: str) -> QuerySet:
        base = self.fs.facet_queryset(name)
        key = str(base.query)
        if key not in self.bases:
            n = estimate(base)
            self.bases[key] = sample(base, n) if n > BROAD else (base, 1.0)
        queryset, self.scale = self.bases[key]
        return queryset

    def selected(self, name: str) -> list[str]:
        return self.fs.selected(name)


def scaled(facets: list, factor: float) -> list:
    """Facets with their counts multiplied by factor, rounded to two significant digits."""
    return [
        replace(
            f,
            groups=[
                replace(g, values=[replace(v, count=_round(v.count * factor)) for v in g.values])
                for g in f.groups
            ],
        )
        for f in facets
    ]


def _round(value: float) -> int:
    if value < 100:
        return round(value)
    digits = len(str(int(value))) - 2
    return int(round(value, -digits))


def rank_pool(matches: QuerySet) -> list[int]:
    """The RANK_POOL newest matches' ids, by walking the date index."""
    with walking_date_index():
        return list(matches.order_by("-date", "-id").values_list("pk", flat=True)[:RANK_POOL])


@contextmanager
def walking_date_index() -> Iterator[None]:
    """Ask the planner to walk the (date, id) index instead of building a bitmap of all matches."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        yield
