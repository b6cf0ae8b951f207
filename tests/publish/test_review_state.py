"""Researchers see what was checked: review state on pages, as a facet and filter, in the data."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from django.urls import reverse

from meetings.models import Meeting
from statements.ingest import ingest_source
from statements.ingest.correction_writes import record_correction
from statements.ingest.corrections import text_hash
from statements.models import Correction, Statement
from tests.seed import SEED_OVERRIDES, seed_bytes

pytestmark = pytest.mark.django_db
WARNING = "names_other_delegation: the text names 'Peru' with a reporting verb"


@pytest.fixture
def archive():
    """The sample release, one statement with a parser warning, one reviewed, one corrected."""
    ingest_source(
        source=seed_bytes(), source_name="seed.txt", overrides=dict(SEED_OVERRIDES), via="test"
    )
    meeting = Meeting.objects.get()
    full = list(meeting.statements.exclude(kind="summary").order_by("sequence"))
    record_correction(
        meeting=meeting,
        operation="reassign",
        params={"anchor": text_hash(full[2].text), "title": "Minister for Foreign Affairs"},
        description="Title of statement 3",
        reason="The release prints it",
        statement_id=full[2].pk,
    )
    record_correction(
        meeting=meeting,
        operation="review",
        params={"anchor": text_hash(full[3].text)},
        description="Reviewed statement 4",
        reason="Read against the release",
        statement_id=full[3].pk,
    )
    # A doubt the parser noted (the sample has none): as a parse of a doubtful release stores it.
    Statement.objects.filter(pk=full[4].pk).update(
        review_state="parser_warning",
        parser_warnings=[WARNING],
    )
    return meeting, full


def test_statement_pages_say_how_each_was_checked(client, archive):
    meeting, full = archive
    page = client.get(full[2].get_absolute_url()).content.decode()
    today = date.today().strftime("%-d %B %Y")
    assert f'Corrected by staff on <time datetime="{date.today():%Y-%m-%d}">{today}' in page
    assert "Reviewed by staff on" in client.get(full[3].get_absolute_url()).content.decode()
    warned = client.get(full[4].get_absolute_url()).content.decode()
    assert "Parser warning: the text names &#x27;Peru&#x27; with a reporting verb" in warned
    plain = client.get(full[5].get_absolute_url()).content.decode()
    assert "As parsed, not checked by a person" in plain
    meeting_page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Corrected by staff: 1" in meeting_page and "Reviewed: 1" in meeting_page
    assert "Title of statement 3" in meeting_page and "The release prints it" in meeting_page


def test_the_statements_page_has_a_review_facet_and_filter(client, archive):
    _, full = archive
    page = client.get(reverse("statements:statement-list")).content.decode()
    assert "Review state" in page and "Corrected by staff" in page
    response = client.get(reverse("statements:statement-list"), {"review": "corrected"})
    assert response.context["page"].total == 1
    assert full[2].get_absolute_url() in response.content.decode()


def test_api_and_csv_carry_the_review_fields(client, archive):
    _, full = archive
    body = json.loads(client.get("/api/v1/statements", {"review": "parser_warning"}).content)
    [item] = body["data"] if "data" in body else body["items"]
    assert item["id"] == full[4].pk and item["review_state"] == "parser_warning"
    assert item["parser_warnings"] == [WARNING]
    response = client.get(reverse("data:export-csv"), {"review": "corrected"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(r["id"], r["review_state"], r["review_date"]) for r in rows] == [
        (str(full[2].pk), "corrected", date.today().isoformat())
    ]
    response = client.get(reverse("data:export-jsonl"), {"review": "parser_warning"})
    lines = b"".join(response.streaming_content).decode().splitlines()
    [row] = [json.loads(line) for line in lines]
    assert (row["id"], row["review_state"], row["parser_warnings"], row["review_date"]) == (
        full[4].pk,
        "parser_warning",
        [WARNING],
        None,
    )


def test_the_checks_page_gives_the_archive_counts(client, archive):
    page = client.get(reverse("statements:checks")).content.decode()
    total = Statement.objects.exclude(kind="summary").count()
    assert f"({total} in all" in page
    assert '<td class="num">1</td>' in page  # one each of corrected, reviewed, warned
    assert Correction.objects.count() == 2
    assert "2 corrections in force, in 1 meeting" in page
