"""The statements a search matches, in the page's order: the search index gives their ids, and
each batch of them is one COPY ordered by position in that list."""

from __future__ import annotations

from collections.abc import Iterator

from django.contrib.postgres.fields import ArrayField
from django.db.models import BigIntegerField, F, Func, Value

from statements.models import Statement
from statements.publish.exports.streaming import (
    copy_chunks,
    copy_statement,
    csv_header,
    ensure_database,
)
from statements.search.filters import StatementFilter
from statements.search.index import engine

EXPORT_BATCH = 2000  # ids a COPY orders by their position in the search's order


def search_export_chunks(fs: StatementFilter, fmt: str) -> Iterator[bytes]:
    """Every match the search index finds for the filter, in the page's order, as byte chunks.

    The ids come from the index in order, here, before the response starts (with a check that
    the database answers), so a missing index or a database that is down is the 503 of its
    middleware, not a 200 cut short; each batch of them is then one COPY ordered by position.
    """
    ids = engine.all_ids(fs.spec(), sort=fs.sort_by)
    ensure_database()
    return _id_batches(ids, fmt)


def _id_batches(ids: list[int], fmt: str) -> Iterator[bytes]:
    head = csv_header() if fmt == "csv" else b""
    if not ids:
        yield head
        return
    for start in range(0, len(ids), EXPORT_BATCH):
        batch = ids[start : start + EXPORT_BATCH]
        position = Func(
            Value(batch, output_field=ArrayField(BigIntegerField())),
            F("id"),
            function="array_position",
        )
        queryset = Statement.objects.filter(pk__in=batch).order_by(position)
        yield from copy_chunks(copy_statement(queryset, fmt), head=head)
        head = b""
