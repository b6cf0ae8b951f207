"""PostgreSQL writes the rows: a queryset becomes one ``COPY (...) TO STDOUT``, whose output is
passed on in chunks of about settings.EXPORT_FLUSH_BYTES, so memory stays flat."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from django.conf import settings
from django.db import connection, transaction
from django.db.models import QuerySet

from statements.publish.exports.expressions import statement_csv_rows, statement_json
from statements.publish.exports.fields import STATEMENT_FIELDS, Field

FORMATS = {
    "csv": "text/csv; charset=utf-8; header=present",
    "jsonl": "application/jsonl; charset=utf-8",
}


def copy_statement(queryset: QuerySet, fmt: str) -> str:
    """A COPY ... TO STDOUT statement for the queryset's rows in the format."""
    rows = statement_csv_rows(queryset) if fmt == "csv" else statement_json(queryset)
    sql, params = rows.query.sql_with_params()
    select = connection.ops.compose_sql(sql, params)
    if fmt == "csv":
        return f"COPY ({select}) TO STDOUT WITH (FORMAT csv, ENCODING 'UTF8')"
    # JSON text never holds raw control characters, so CSV with control-character quote and
    # delimiter passes each object through untouched (text format would double backslashes).
    return (
        f"COPY ({select}) TO STDOUT WITH "
        "(FORMAT csv, DELIMITER E'\\x1f', QUOTE E'\\x1e', ENCODING 'UTF8')"
    )


def copy_chunks(statement: str, *, head: bytes = b"") -> Iterator[bytes]:
    """Run a COPY TO STDOUT and pass its output on in chunks of about EXPORT_FLUSH_BYTES."""
    batch, size = [head], len(head)
    # If the client goes away, psycopg cancels the COPY; the atomic block (a savepoint inside a
    # caller's transaction) rolls that back, so the connection stays usable.
    with transaction.atomic(), connection.cursor() as cursor:
        # One long statement: its own time limit, not the public requests' (SET LOCAL ends with
        # the block).
        cursor.execute(f"SET LOCAL statement_timeout = {int(settings.EXPORT_STATEMENT_TIMEOUT_MS)}")
        yield from _copy_batches(cursor, statement, batch, size)


def _copy_batches(cursor, statement: str, batch: list[bytes], size: int) -> Iterator[bytes]:
    with cursor.cursor.copy(statement) as copy:
        for data in copy:
            batch.append(data)
            size += len(data)
            if size >= settings.EXPORT_FLUSH_BYTES:
                yield b"".join(batch)
                batch, size = [], 0
    yield b"".join(batch)


def csv_header(fields: Sequence[Field] = STATEMENT_FIELDS) -> bytes:
    return (",".join(f.name for f in fields) + "\n").encode()


def export_chunks(queryset: QuerySet, fmt: str) -> Iterator[bytes]:
    """The queryset's statements in the format (csv or jsonl), as byte chunks."""
    head = csv_header() if fmt == "csv" else b""
    return copy_chunks(copy_statement(queryset, fmt), head=head)


def ensure_database() -> None:
    """Raise the database's error now, in the view, if it does not answer (a streamed export
    could not turn it into a 503 once its first byte is sent)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
