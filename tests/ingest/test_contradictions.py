"""A release that contradicts the one stored under its symbol is refused; replacing is explicit."""

from __future__ import annotations

from datetime import date

import pytest

from meetings.models import Ingestion, Meeting, Release
from statements.ingest import IngestError, ingest_source
from statements.models import Statement
from tests.rows import changed_rows, row_counts
from tests.seed import council_bytes

pytestmark = pytest.mark.django_db
SYMBOL = "SC/12990"
STORED = {"symbol": SYMBOL, "date": date(2017, 9, 11)}


def ingest(source: bytes, **overrides):
    replace = overrides.pop("replace", False)
    return ingest_source(
        source=source, source_name="sc.txt", overrides=overrides, via="test", replace=replace
    )


def test_another_meeting_under_a_stored_symbol_is_refused_naming_both():
    ingest(council_bytes(number=8019), **STORED)
    before = row_counts()
    with pytest.raises(IngestError) as refused:
        ingest(council_bytes(number=9616), symbol=SYMBOL, date=date(2024, 4, 18))
    message = str(refused.value)
    assert "8019th meeting" in message and "9616th meeting" in message
    assert "11 Sep 2017" in message and "18 Apr 2024" in message
    assert "meeting numbers and date differ" in message
    assert changed_rows(before) == {}
    assert Release.objects.get(symbol=SYMBOL).date == date(2017, 9, 11)


def test_a_different_date_alone_is_a_contradiction():
    ingest(council_bytes(number=8019), **STORED)
    before = row_counts()
    with pytest.raises(IngestError, match="the date differ"):
        ingest(council_bytes(number=8019, extra="\nMore.\n"), symbol=SYMBOL, date=date(2017, 9, 12))
    assert changed_rows(before) == {}


def test_a_second_release_of_the_same_meeting_is_refused():
    ingest(council_bytes(number=9616), symbol="SC/15660", date=date(2024, 4, 18))
    before = row_counts()
    with pytest.raises(IngestError, match="SC/15660 already covers"):
        ingest(
            council_bytes(number=9616, extra="\nX.\n"), symbol="SC/15661", date=date(2024, 4, 18)
        )
    assert changed_rows(before) == {}


def test_replace_overwrites_and_logs_it():
    ingest(council_bytes(number=8019), **STORED)
    before = row_counts()
    result = ingest(council_bytes(number=9616), symbol=SYMBOL, date=date(2024, 4, 18), replace=True)
    assert result.action == "replaced"
    assert changed_rows(before) == {"Ingestion": 1}  # same texts: statements kept their ids
    meeting = Meeting.objects.get(release__symbol=SYMBOL)
    assert meeting.numbers == [9616] and meeting.date == date(2024, 4, 18)
    log = Ingestion.objects.filter(action="replaced").get()
    assert "replaced Security Council 8019th meeting (PM) (11 Sep 2017)" in log.report["changes"][0]


def test_an_update_of_the_same_meeting_is_not_a_contradiction():
    ingest(council_bytes(number=8019), **STORED)
    edited = council_bytes(number=8019).replace(b"He called for unity.", b"He called for calm.")
    result = ingest(edited, **STORED)
    assert result.action == "updated"
    assert Statement.objects.filter(text__contains="called for calm").count() == 1
