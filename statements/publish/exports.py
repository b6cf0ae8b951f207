"""Statement exports: every matching row, streamed as CSV or JSON Lines with flat memory.

One definition of a statement row (``STATEMENT_FIELDS``) serves the CSV and JSON Lines exports,
the API's statement objects, the full dump and the data dictionary, so their names agree.

Speed: a million rows must stream at 20,000 rows a second or more. Python cannot build and
quote a million CSV rows that fast beside the query, so PostgreSQL does it: the search index
gives the matches' ids in the page's order (``StatementFilter.spec()``), a queryset over each
batch of them selects one ORM expression per field, Django compiles it, and ``COPY (...) TO
STDOUT`` streams the rows, which are passed on in batches. JSON
Lines rows are ``json_build_object`` values streamed the same way. Memory stays flat: nothing
holds more than one batch.
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.fields import ArrayField
from django.db import connection, transaction
from django.db.models import (
    BigIntegerField,
    Case,
    Expression,
    F,
    Func,
    OuterRef,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Concat
from django.db.models.lookups import Regex
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from config.limits import too_many_requests
from config.public_urls import in_request_context, site_url
from statements.kinds import STATEMENT_KINDS, in_words
from statements.models import Statement
from statements.publish.problems import invalid_parameters
from statements.querysets import effective_theme_tags
from statements.review import REVIEW_STATES
from statements.search.filters import StatementFilter
from statements.search.index import engine
from statements.themes.models import StatementTheme

FLUSH_BYTES = 256 * 1024  # bytes gathered before a chunk is sent
LIST_SEPARATOR = ";"
# A spreadsheet runs a cell as a formula (CSV injection) when it starts with one of these, also
# after leading spaces or line breaks, and also in their full-width forms (＝＋－＠); a cell that
# starts with a tab, carriage return or line feed is defused as well.
FORMULA_CHARS = "=+\\-@\uff1d\uff0b\uff0d\uff20"
_FORMULA = re.compile(rf"[\s\u3000]*[{FORMULA_CHARS}]|[\t\r\n]")
_FORMULA_SQL = rf"^([[:space:]\u3000]*[{FORMULA_CHARS}]|[\t\r\n])"
_PROBE_ID = 987654321
EXPORT_BATCH = 2000  # ids a COPY orders by their position in the search's order


@dataclass(frozen=True)
class Field:
    """One column of an export or one property of an API object, as the dictionary lists it."""

    name: str
    type: str  # integer, string, date, datetime, url, boolean
    description: str
    lookup: str | None = None  # the ORM path of a stored value; None for a computed one
    many: bool = False
    nullable: bool = False

    @property
    def is_text(self) -> bool:
        return self.type == "string" and not self.many


def field_def(name: str, type_: str, description: str, lookup: str | None = "", **kw) -> Field:
    """A field whose lookup defaults to its own name (None: computed)."""
    return Field(name, type_, description, lookup=name if lookup == "" else lookup, **kw)


STATEMENT_FIELDS: tuple[Field, ...] = (
    field_def("id", "integer", "Stable statement id; it survives a re-import of the release."),
    field_def("permalink", "url", "Permanent public URL of the statement.", None),
    field_def("date", "date", "Date of the meeting (YYYY-MM-DD)."),
    field_def("body", "string", "UN body that met, e.g. General Assembly.", "meeting__body__name"),
    field_def(
        "body_slug",
        "string",
        "Stable key of the body, e.g. general-assembly.",
        "meeting__body__slug",
    ),
    field_def(
        "session", "integer", "Session number, when known.", "meeting__session", nullable=True
    ),
    field_def("meeting_id", "integer", "Id of the meeting (see meetings)."),
    field_def(
        "meeting_numbers",
        "integer",
        "Number(s) of the meeting(s) the release covers, e.g. 38 or 38;39.",
        "meeting__numbers",
        many=True,
    ),
    field_def("meeting_part", "string", "AM, PM, AM & PM, PM & Night, or empty.", "meeting__part"),
    field_def(
        "release_symbol",
        "string",
        "Press release symbol, e.g. GA/12388.",
        "meeting__release__symbol",
    ),
    field_def(
        "release_url", "string", "The release on un.org, or empty.", "meeting__release__source_url"
    ),
    field_def(
        "language",
        "string",
        "Language of the release the statement is read from (BCP 47: en, fr).",
        "meeting__release__language",
    ),
    field_def("sequence", "integer", "Order of the paragraph within the release, from 1."),
    field_def("kind", "string", in_words(STATEMENT_KINDS) + "."),
    field_def(
        "speaker", "string", "Speaker's name (the resolved person).", "speaker__name", nullable=True
    ),
    field_def(
        "speaker_slug", "string", "Stable key of the speaker.", "speaker__slug", nullable=True
    ),
    field_def("speaker_label", "string", "Speaker's name exactly as printed in the release."),
    field_def(
        "delegation",
        "string",
        "Delegation, by its UN short name.",
        "delegation__name",
        nullable=True,
    ),
    field_def(
        "delegation_code",
        "string",
        "Delegation code: ISO 3166-1 alpha-3 for States, a short code otherwise.",
        "delegation__code",
        nullable=True,
    ),
    field_def(
        "delegation_iso3",
        "string",
        "ISO 3166-1 alpha-3 code of a State; empty for other delegations.",
        "delegation__iso3",
        nullable=True,
    ),
    field_def("delegation_label", "string", "Delegation exactly as printed in the release."),
    field_def("title", "string", "Title or office the speaker held that day."),
    field_def("on_behalf_of", "string", "Group or delegation spoken for, as printed."),
    field_def(
        "on_behalf_of_code",
        "string",
        "Code of the group or delegation spoken for, when it resolves.",
        "on_behalf_of_delegation__code",
        nullable=True,
    ),
    field_def(
        "aligned_with", "string", "Groups or delegations the speaker aligned with, as printed."
    ),
    field_def(
        "summary_of_id",
        "integer",
        "For a lead-paragraph summary: the id of the statement it summarizes.",
        nullable=True,
    ),
    field_def(
        "themes", "string", "Theme slugs (see themes), staff corrections applied.", None, many=True
    ),
    field_def("text", "string", "What was said, as the press release reports it."),
    field_def(
        "review_state",
        "string",
        in_words(REVIEW_STATES)
        + ": written by the parser with no doubt noted, with a doubt noted (see "
        "parser_warnings), checked by staff, or corrected by staff.",
    ),
    field_def(
        "parser_warnings",
        "string",
        "The parser's doubts about this statement, each as code: words (kept after a "
        "review). Codes: names_other_delegation, vote_sentence, much_longer, "
        "unresolved_delegation.",
        many=True,
    ),
    field_def(
        "review_date",
        "date",
        "When staff last reviewed or corrected it (YYYY-MM-DD).",
        nullable=True,
    ),
)
STATEMENT_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in STATEMENT_FIELDS)


# Expressions ------------------------------------------------------------------------------------


class JSONBuildObject(Func):
    """json_build_object(k1, v1, ...) as text: keys keep their order (jsonb would sort them)."""

    function = "JSON_BUILD_OBJECT"
    template = "%(function)s(%(expressions)s)::text"
    output_field = TextField()


class ArrayToString(Func):
    function = "ARRAY_TO_STRING"
    output_field = TextField()


def effective_theme_slugs() -> ArraySubquery:
    """Each statement's effective theme slugs, in taxonomy order, each once."""
    tags = effective_theme_tags(StatementTheme.objects.filter(statement=OuterRef("pk")))
    order = ("theme__position", "theme__slug")
    return ArraySubquery(tags.order_by(*order).distinct(*order).values("theme__slug"))


def absolute_url_expression(route: str, key: str = "pk") -> Expression:
    """The public site + the route's path for the row's key, built in SQL."""
    prefix, suffix = reverse(route, args=[_PROBE_ID]).split(str(_PROBE_ID))
    parts = [Value(site_url() + prefix), Cast(F(key), TextField())]
    if suffix:
        parts.append(Value(suffix))
    return Concat(*parts, output_field=TextField())


def field_expression(field: Field) -> Expression:
    """The value of a statement field, as stored or computed."""
    if field.name == "permalink":
        return absolute_url_expression("statements:statement-detail")
    if field.name == "themes":
        return effective_theme_slugs()
    return F(field.lookup)


def csv_safe(expression: Expression) -> Expression:
    """Prefix an apostrophe to text a spreadsheet would run as a formula."""
    return Case(
        When(
            Regex(expression, Value(_FORMULA_SQL)),
            then=Concat(Value("'"), expression, output_field=TextField()),
        ),
        default=expression,
        output_field=TextField(),
    )


def is_formula(text: str) -> bool:
    """Whether a spreadsheet would run this cell as a formula."""
    return bool(_FORMULA.match(text))


def csv_expression(field: Field) -> Expression:
    """The field as one CSV cell: lists joined with ';', text defused."""
    expression = field_expression(field)
    if field.many:
        return ArrayToString(expression, Value(LIST_SEPARATOR))
    return csv_safe(expression) if field.is_text else expression


def json_expression(fields: Sequence[Field] = STATEMENT_FIELDS) -> JSONBuildObject:
    """One JSON object a row, keys in field order (absent lists are [], not null)."""
    pairs: list[Expression] = []
    for field in fields:
        value = field_expression(field)
        pairs += [Value(field.name), value]
    return JSONBuildObject(*pairs)


def statement_json(queryset: QuerySet, *extra: str) -> QuerySet:
    """(json text, *extra) tuples: the statement record as JSON, then extra columns."""
    return queryset.values_list(json_expression(), *extra)


def statement_csv_rows(queryset: QuerySet) -> QuerySet:
    """One tuple of CSV-ready cells a statement, in STATEMENT_FIELDS order."""
    return queryset.values_list(*(csv_expression(f) for f in STATEMENT_FIELDS))


# Streaming --------------------------------------------------------------------------------------


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
    """Run a COPY TO STDOUT and pass its output on in chunks of about FLUSH_BYTES."""
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
            if size >= FLUSH_BYTES:
                yield b"".join(batch)
                batch, size = [], 0
    yield b"".join(batch)


def csv_header(fields: Sequence[Field] = STATEMENT_FIELDS) -> bytes:
    return (",".join(f.name for f in fields) + "\n").encode()


def search_export_chunks(fs: StatementFilter, fmt: str) -> Iterator[bytes]:
    """Every match the search index finds for the filter, in the page's order, as byte chunks.

    The ids come from the index in order, here, before the response starts (with a check that
    the database answers), so a missing index or a database that is down is the 503 of its
    middleware, not a 200 cut short; each batch of them is then one COPY ordered by position.
    """
    ids = engine.all_ids(fs.spec(), sort=fs.sort_by)
    ensure_database()
    return _id_batches(ids, fmt)


def ensure_database() -> None:
    """Raise the database's error now, in the view, if it does not answer (a streamed export
    could not turn it into a 503 once its first byte is sent)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


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


def export_chunks(queryset: QuerySet, fmt: str) -> Iterator[bytes]:
    """The queryset's statements in the format (csv or jsonl), as byte chunks."""
    head = csv_header() if fmt == "csv" else b""
    return copy_chunks(copy_statement(queryset, fmt), head=head)


# Records of other tables (small: written in Python) ---------------------------------------------


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
    """Records as UTF-8 CSV with a header row, in chunks of about FLUSH_BYTES."""
    names = [f.name for f in fields]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    for record in records:
        writer.writerow([csv_cell(record[name]) for name in names])
        if buffer.tell() >= FLUSH_BYTES:
            yield _drain(buffer)
    yield _drain(buffer)


def record_jsonl_chunks(records: Iterable[dict]) -> Iterator[bytes]:
    """Records as JSON Lines (one UTF-8 object a line), in chunks of about FLUSH_BYTES."""
    encode = json.JSONEncoder(ensure_ascii=False, default=json_default).encode
    buffer = io.StringIO()
    for record in records:
        buffer.write(encode(record) + "\n")
        if buffer.tell() >= FLUSH_BYTES:
            yield _drain(buffer)
    yield _drain(buffer)


def _drain(buffer: io.StringIO) -> bytes:
    data = buffer.getvalue().encode()
    buffer.seek(0)
    buffer.truncate()
    return data


# Slow clients ------------------------------------------------------------------------------------

EXPORT_RETRY_AFTER = 30


class ExportSlots:
    """At most EXPORTS_PER_PROCESS streaming exports at once in this process.

    A slow reader holds its worker thread for as long as it reads; with a cap, slow readers of
    exports can never hold every thread, and the site keeps answering.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.active = 0

    def take(self) -> GuardedChunks | None:
        """A guard for one export's chunks, or None when every slot is taken."""
        with self._lock:
            if self.active >= settings.EXPORTS_PER_PROCESS:
                return None
            self.active += 1
        return GuardedChunks(self)

    def release(self) -> None:
        with self._lock:
            self.active -= 1


class GuardedChunks:
    """Chunks that give their slot back when the server closes the response (done or not)."""

    def __init__(self, slots: ExportSlots) -> None:
        self.slots = slots
        self.chunks: Iterator[bytes] = iter(())
        self.closed = False

    def guard(self, chunks: Iterator[bytes]) -> GuardedChunks:
        self.chunks = chunks
        return self

    def __iter__(self) -> GuardedChunks:
        return self

    def __next__(self) -> bytes:
        return next(self.chunks)

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            getattr(self.chunks, "close", lambda: None)()
            self.slots.release()


export_slots = ExportSlots()


# Views ------------------------------------------------------------------------------------------

FORMATS = {
    "csv": "text/csv; charset=utf-8; header=present",
    "jsonl": "application/jsonl; charset=utf-8",
}


@require_safe
def export_statements(request: HttpRequest, fmt: str) -> HttpResponse:
    """Every statement the statements page finds for this query string, in the page's order.

    It reads the query string as the page does (StatementFilter), but a value the page would
    ignore is a 400 problem document here: an export of something else than asked is worse than
    none. Paging parameters do not matter: the export holds every match.
    """
    fs = StatementFilter(request.GET)
    if fs.problems:
        return invalid_parameters(request, fs.problems)
    if request.method == "HEAD":
        response: HttpResponse = HttpResponse(content_type=FORMATS[fmt])
    else:
        slot = export_slots.take()
        if slot is None:
            return too_many_requests(request, "exports", EXPORT_RETRY_AFTER)
        try:
            chunks = slot.guard(in_request_context(search_export_chunks(fs, fmt)))
        except BaseException:
            slot.close()
            raise
        response = StreamingHttpResponse(chunks, content_type=FORMATS[fmt])
    filename = f"un-statements-{timezone.now():%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # No X-Accel-Buffering: no: the front server buffers the stream, so a slow client holds a
    # proxy connection, not a worker thread.
    return response
