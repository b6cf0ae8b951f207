"""The write path: idempotent, in place, atomic, never guessing."""

from __future__ import annotations

import pytest

from meetings.models import Ingestion, Meeting, Release
from statements.ingest import IngestError, ingest_source
from statements.ingest import write as ingest_module
from statements.models import RetiredStatement, Speaker, Statement
from tests.seed import SEED_DATE, SEED_OVERRIDES, SEED_SYMBOL, seed_bytes

pytestmark = pytest.mark.django_db


def ingest(source: bytes = b"", *, overrides=SEED_OVERRIDES, name="seed.txt", **kwargs):
    return ingest_source(
        source=source or seed_bytes(), source_name=name, overrides=overrides, via="test", **kwargs
    )


def test_seed_ingests_every_statement_with_links():
    result = ingest()
    assert result.action == "created"
    release = Release.objects.get(symbol=SEED_SYMBOL)
    assert release.date == SEED_DATE and release.date_inferred
    assert bytes(release.source_file.data) == seed_bytes()
    meeting = Meeting.objects.get(release=release)
    assert (meeting.body.name, meeting.session, meeting.numbers) == (
        "General Assembly",
        76,
        [38, 39],
    )
    full = Statement.objects.filter(meeting=meeting).exclude(kind="summary")
    assert full.count() == 70
    assert full.filter(kind="right_of_reply").count() == 2
    assert full.filter(delegation__isnull=True).count() == 0
    summaries = Statement.objects.filter(meeting=meeting, kind="summary")
    assert summaries.count() == 7
    assert all(s.summary_of.delegation_id == s.delegation_id for s in summaries)
    assert Speaker.objects.count() == 68
    assert result.counts["statements created"] == 77


def test_reingesting_the_same_release_changes_nothing():
    ingest()
    ids = set(Statement.objects.values_list("id", flat=True))
    result = ingest()
    assert result.action == "unchanged"
    assert set(Statement.objects.values_list("id", flat=True)) == ids
    assert Release.objects.count() == 1 and Speaker.objects.count() == 68
    assert Ingestion.objects.count() == 2


def test_reingesting_an_edited_release_updates_in_place_and_keeps_ids():
    ingest()
    chile = Statement.objects.get(delegation__code="CHL")
    canada = Statement.objects.get(delegation__code="CAN", kind="statement")
    edited = seed_bytes().replace(b"Since 2008, Chile", b"Since 2009, Chile")
    edited = _drop_paragraph(edited, b"ROBERT STEWART (Canada)")
    result = ingest(edited, name="seed-v2.txt")
    assert result.action == "updated"
    chile.refresh_from_db()
    assert "Since 2009, Chile" in chile.text
    assert not Statement.objects.filter(pk=canada.pk).exists()
    assert RetiredStatement.objects.filter(statement_id=canada.pk).exists()
    assert Release.objects.count() == 1
    assert any("removed" in change for change in result.changes)


def test_same_content_under_another_symbol_is_refused_when_that_symbol_exists():
    ingest()
    other_meeting = seed_bytes().replace(b"38th & 39th Meetings", b"40th Meeting")
    ingest(other_meeting, overrides={"symbol": "GA/99999", "confirm_date": True})
    with pytest.raises(IngestError, match="already in the archive as"):
        ingest(overrides={"symbol": "GA/99999", "confirm_date": True})


def test_missing_symbol_and_unconfirmed_date_are_refused_and_nothing_is_written():
    with pytest.raises(IngestError, match="no symbol"):
        ingest(overrides={"confirm_date": True})
    with pytest.raises(IngestError, match="inferred"):
        ingest(overrides={"symbol": SEED_SYMBOL})
    assert Release.objects.count() == 0 and Statement.objects.count() == 0


def test_a_crash_half_way_leaves_no_partial_rows(monkeypatch):
    def explode(meeting):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ingest_module, "tag_meeting", explode)
    with pytest.raises(RuntimeError):
        ingest()
    assert Release.objects.count() == 0
    assert Statement.objects.count() == 0 and Speaker.objects.count() == 0


def test_speakers_are_reused_by_name_and_delegation_across_releases():
    ingest()
    second = seed_bytes().replace(
        b"Seventy-sixth Session,\n38th & 39th", b"Seventy-sixth Session,\n40th"
    )
    ingest(second, overrides={"symbol": "GA/12390", "confirm_date": True})
    assert Speaker.objects.count() == 68
    galli = Speaker.objects.get(slug="juan-francisco-galli")
    assert galli.statements.count() == 2


def test_a_near_match_speaker_is_a_warning_not_a_merge():
    ingest()
    variant = seed_bytes().replace(b"JUAN FRANCISCO GALLI", b"JUAN FRANCESCO GALLI")
    variant = variant.replace(b"38th & 39th Meetings", b"41st Meeting")
    result = ingest(variant, overrides={"symbol": "GA/12391", "confirm_date": True})
    assert Speaker.objects.count() == 69
    assert any("resembles" in w and "Juan Francisco Galli" in w for w in result.warnings)


def _drop_paragraph(source: bytes, start: bytes) -> bytes:
    """Remove the paragraph that starts with start."""
    paragraphs = source.split(b"\n\n")
    return b"\n\n".join(p for p in paragraphs if not p.startswith(start))
