"""Records of other tables (decisions, votes, the dump's small tables): few enough to be written
in Python, with the same cell rules as the statement exports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime

from django.conf import settings

from statements.publish.exports.fields import LIST_SEPARATOR, Field
from statements.publish.exports.formulas import is_formula


def json_default(value: object) -> str:
    """Serialize what json cannot: dates and datetimes as ISO 8601."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def csv_cell(value: object) -> object:
    """A value as a CSV cell, as the statement export writes it: lists ';', formulas defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str) and is_formula(value):
        return "'" + value
    return value


def record_csv_chunks(fields: Sequence[Field], records: Iterable[dict]) -> Iterator[bytes]:
    """Records as UTF-8 CSV with a header row, in chunks of about EXPORT_FLUSH_BYTES."""
    names = [f.name for f in fields]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    for record in records:
        writer.writerow([csv_cell(record[name]) for name in names])
        if buffer.tell() >= settings.EXPORT_FLUSH_BYTES:
            yield _drain(buffer)
    yield _drain(buffer)


def record_jsonl_chunks(records: Iterable[dict]) -> Iterator[bytes]:
    """Records as JSON Lines (one UTF-8 object a line), in chunks of about EXPORT_FLUSH_BYTES."""
    encode = json.JSONEncoder(ensure_ascii=False, default=json_default).encode
    buffer = io.StringIO()
    for record in records:
        buffer.write(encode(record) + "\n")
        if buffer.tell() >= settings.EXPORT_FLUSH_BYTES:
            yield _drain(buffer)
    yield _drain(buffer)


def _drain(buffer: io.StringIO) -> bytes:
    data = buffer.getvalue().encode()
    buffer.seek(0)
    buffer.truncate()
    return data
