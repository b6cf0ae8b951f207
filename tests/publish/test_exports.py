"""CSV and JSON Lines exports: every match, the UI's filters, streamed, spreadsheet-safe."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.db import connection
from django.http import QueryDict, StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from statements.models import Statement
from statements.publish.exports.fields import STATEMENT_FIELD_NAMES
from statements.publish.exports.records import csv_cell
from statements.publish.exports.streaming import export_chunks
from statements.search.filters import StatementFilter
from statements.search.index import engine
from tests.factories import make_meeting, make_statement
from tests.publish.conftest import SITE, build

QUERIES = [
    "",
    "q=nuclear",
    "q=climate&sort=oldest",
    "delegation=NOR&delegation=SWE",
    "theme=climate-change",
    "theme=sustainable-development",  # a pillar stands for its themes
    "body=security-council&date_from=2020&date_to=2021",
    "kind=right_of_reply&kind=summary",
    "speaker=mona-juul",
    "session=76&delegation=bra",
    "q=100%25+o'clock+%22nuclear+weapons%22+-climate",  # quotes and % reach COPY safely
]


def get_csv(client, query: str = "") -> list[dict]:
    response = client.get(f"{reverse('data:export-csv')}?{query}")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text, newline="")))


def get_jsonl(client, query: str = "") -> list[dict]:
    response = client.get(f"{reverse('data:export-jsonl')}?{query}")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    return [json.loads(line) for line in body.splitlines()]


def ui_ids(query: str) -> list[int]:
    """The page's matches in the page's order, as the search index gives them."""
    fs = StatementFilter(QueryDict(query))
    return engine.all_ids(fs.spec(), sort=fs.sort_by)


@pytest.mark.parametrize("query", QUERIES)
def test_exports_hold_every_match_of_the_ui_search_in_its_order(client, archive, query):
    expected = ui_ids(query)
    assert [int(row["id"]) for row in get_csv(client, query)] == expected
    assert [row["id"] for row in get_jsonl(client, query)] == expected


def test_csv_row_has_the_documented_columns_and_values(client, archive):
    statement = archive.statements[0]
    rows = {int(r["id"]): r for r in get_csv(client)}
    row = rows[statement.pk]
    assert tuple(row) == STATEMENT_FIELD_NAMES
    meeting = statement.meeting
    assert row["permalink"] == f"{SITE}/statements/{statement.pk}/"
    assert row["date"] == statement.date.isoformat()
    assert row["body"] == "General Assembly"
    assert row["session"] == "76"
    assert row["meeting_numbers"] == ";".join(map(str, meeting.numbers))
    assert row["release_symbol"] == meeting.release.symbol
    assert row["speaker"] == "Mona Juul" and row["speaker_slug"] == "mona-juul"
    assert row["delegation"] == "Norway" and row["delegation_iso3"] == "NOR"
    assert row["kind"] == "statement"
    assert row["text"] == statement.text
    assert row["themes"] == "climate-change"  # from a rule and the agenda, listed once


def test_staff_removed_themes_are_not_exported(client, archive):
    brazil = {r["id"]: r for r in get_jsonl(client, "delegation=BRA")}
    assert brazil and all(row["themes"] == [] for row in brazil.values())


def test_jsonl_types_and_nulls(client, archive):
    reply = next(r for r in get_jsonl(client, "kind=right_of_reply"))
    assert isinstance(reply["id"], int) and isinstance(reply["meeting_numbers"], list)
    assert reply["speaker"] is None and reply["speaker_slug"] is None
    assert reply["on_behalf_of_code"] is None and reply["title"] == ""
    summary = get_jsonl(client, "kind=summary")[0]
    assert isinstance(summary["summary_of_id"], int)


def test_jsonl_rows_are_the_api_statement_objects(client, archive):
    exported = get_jsonl(client, "delegation=SWE")
    api = client.get(reverse("data:api-statements-list"), {"delegation": "SWE"}).json()["data"]
    assert exported == api


FORMULAS = [
    '=HYPERLINK("http://x")',
    "+1+2",
    "-2+3",
    "@SUM(A1)",
    "\tTab",
    "\rCR",
    " =1+1",  # after a space
    "\n=1+1",  # after a line break
    "  \r\n@SUM(A1)",
    "\uff1dHYPERLINK(1)",  # full-width equals sign
    "\u3000\uff0b1",  # ideographic space, full-width plus
]


@pytest.mark.parametrize("text", FORMULAS)
def test_csv_defuses_formulas_in_every_text_cell(client, db, text):
    meeting = make_meeting(title=text)
    make_statement(meeting=meeting, text=text, title=text, aligned_with=text, on_behalf_of=text)
    row = get_csv(client)[0]
    for column in ("text", "title", "aligned_with", "on_behalf_of"):
        assert row[column] == "'" + text, column
    # JSON Lines is for programs: never altered.
    assert get_jsonl(client)[0]["text"] == text


def test_csv_keeps_quotes_commas_and_line_breaks(client, db):
    text = 'He said, "No".\nThen: ünïcode — done.'
    make_statement(text=text)
    assert get_csv(client)[0]["text"] == text


def test_export_streams_with_the_same_queries_whatever_the_size(client, db, settings):
    settings.SITE_URL = SITE

    def count(years) -> int:
        build(years=years)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("data:export-csv"), {"q": "nuclear"})
            assert isinstance(response, StreamingHttpResponse)
            b"".join(response.streaming_content)
        return len(queries)

    small = count((2001,))
    Statement.objects.all().delete()
    assert count(range(2002, 2012)) == small


def test_export_is_sent_in_chunks(client, archive, settings):
    settings.EXPORT_FLUSH_BYTES = 200
    response = client.get(reverse("data:export-jsonl"))
    chunks = list(response.streaming_content)
    assert len(chunks) > 5
    assert sum(c.count(b"\n") for c in chunks) == len(ui_ids(""))


def test_export_headers(client, archive):
    response = client.get(
        reverse("data:export-csv"), {"q": "climate"}, HTTP_ORIGIN="https://elsewhere.example"
    )
    assert response["Content-Type"].startswith("text/csv; charset=utf-8")
    assert response["Content-Disposition"].startswith('attachment; filename="un-statements-')
    assert response["Access-Control-Allow-Origin"] == "*"
    b"".join(response.streaming_content)  # read (the test client then closes it): slot given back
    jsonl = client.get(reverse("data:export-jsonl"))
    assert jsonl["Content-Type"].startswith("application/jsonl")
    assert jsonl["Content-Disposition"].endswith('.jsonl"')
    b"".join(jsonl.streaming_content)


def test_head_answers_without_running_the_export(client, archive):
    with CaptureQueriesContext(connection) as queries:
        response = client.head(reverse("data:export-csv"))
    assert response.status_code == 200 and not response.content
    assert response["Content-Disposition"]
    assert len(queries) == 0


def test_export_refuses_writes(client, archive):
    assert client.post(reverse("data:export-csv")).status_code == 405


def test_empty_result_is_just_the_header(client, archive):
    nothing = {"date_from": "1950", "date_to": "1951"}
    response = client.get(reverse("data:export-csv"), nothing)
    assert b"".join(response.streaming_content).decode() == ",".join(STATEMENT_FIELD_NAMES) + "\n"
    empty = client.get(reverse("data:export-jsonl"), nothing)
    assert b"".join(empty.streaming_content) == b""


def test_an_abandoned_export_leaves_the_connection_usable(archive, settings):
    settings.EXPORT_FLUSH_BYTES = 100
    chunks = export_chunks(Statement.objects.all(), "jsonl")
    next(chunks)
    chunks.close()  # the client went away: the server closes the stream half-way
    assert Statement.objects.count() == len(archive.statements)


@pytest.mark.parametrize("text", ["Plain words", "1 = 1", "e-mail", "Mr. Smith said = no"])
def test_csv_leaves_ordinary_text_alone(client, db, text):
    make_statement(text=text)
    assert get_csv(client)[0]["text"] == text


@pytest.mark.parametrize("text", FORMULAS)
def test_python_csv_cells_defuse_the_same_formulas(text):
    assert csv_cell(text) == "'" + text
    assert csv_cell("ordinary") == "ordinary"
