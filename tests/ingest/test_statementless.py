"""A release without statements is still a meeting: archived with its decisions and elections."""

from __future__ import annotations

from pathlib import Path

import pytest

from meetings.models import Meeting, Release
from statements.decisions.models import Decision, Election, NarrativeParagraph
from statements.ingest import IngestError, ingest_source
from statements.models import Statement

pytestmark = pytest.mark.django_db

GOLDEN = Path(__file__).resolve().parents[1] / "parsing" / "golden"


def _ingest(name: str):
    source = (GOLDEN / name).read_bytes()
    return ingest_source(source=source, source_name=name, via="test")


def test_a_not_covered_meeting_keeps_its_decision_election_and_narrative():
    result = _ingest("fr_not_covered.txt")
    assert result.action == "created"
    meeting = Meeting.objects.get(release__symbol="AG/EF/99906")
    assert not Statement.objects.filter(meeting=meeting).exists()
    decision = Decision.objects.get(meeting=meeting)
    assert decision.action == "adopted" and decision.subject_symbols == ["A/C.2/79/L.5"]
    election = Election.objects.get(meeting=meeting)
    assert (election.person, election.delegation.iso3, election.method) == (
        "Ana Pérez",
        "CHL",
        "acclamation",
    )
    assert NarrativeParagraph.objects.filter(meeting=meeting).count() == 4
    assert any("No statements" in w for w in result.warnings)


def test_an_elections_only_meeting_lists_each_officer():
    _ingest("en_elections_only.txt")
    meeting = Meeting.objects.get(release__symbol="GA/SHC/99905")
    offices = list(Election.objects.filter(meeting=meeting).values_list("person", "office"))
    assert offices == [
        ("Jane Doe", "Chair"),
        ("John Roe", "Vice-Chairs"),
        ("Ann Poe", "Vice-Chairs"),
        ("Li Wei", "Rapporteur"),
    ]


def test_a_decisions_only_meeting_is_archived_and_reingests_unchanged():
    _ingest("en_decisions_only.txt")
    assert Decision.objects.filter(meeting__release__symbol="SC/99907").count() == 1
    assert _ingest("en_decisions_only.txt").action == "unchanged"


def test_a_release_with_nothing_a_meeting_did_is_still_refused():
    text = b"SC/99908\nSecurity Council\n9908th Meeting (AM)\n14 March 2024\n\nA headline\n\n"
    text += b"The Council met today in the Chamber and heard nothing of note from anyone at all.\n"
    with pytest.raises(IngestError, match="No statements"):
        ingest_source(source=text, source_name="empty.txt", via="test")
    assert not Release.objects.exists()


def test_the_meeting_page_of_a_statementless_release_shows_what_it_did(client):
    _ingest("fr_not_covered.txt")
    meeting = Meeting.objects.get(release__symbol="AG/EF/99906")
    response = client.get(meeting.get_absolute_url(), follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Elections (1)" in page and "Ana Pérez" in page and "Decisions (1)" in page
    assert "n’a pas été couverte" in page
