"""Ingest writes narrative, decisions, votes and explanations; re-ingest keeps decision ids."""

from __future__ import annotations

import pytest

from statements.decisions.models import Decision, NarrativeParagraph, Vote, VoteExplanation
from tests.decisions.conftest import RELEASE, ingest_vote_release

pytestmark = pytest.mark.django_db


def test_recorded_vote_is_written_with_one_vote_per_delegation(vote_meeting):
    decision = Decision.objects.get(meeting=vote_meeting)
    assert decision.subject_symbols == ["A/61/L.52"]
    assert (decision.action, decision.method) == ("adopted", "recorded")
    assert (decision.yes, decision.no, decision.abstain, decision.absent) == (158, 0, 4, 3)
    iran = Vote.objects.get(decision=decision, delegation__code="IRN")
    assert (iran.delegation_label, iran.vote) == ("Iran", "abstaining")
    assert Vote.objects.filter(decision=decision).count() == 22
    assert Vote.objects.filter(decision=decision, delegation__isnull=True).count() == 0


def test_explanation_of_vote_is_linked_to_the_decision(vote_meeting):
    links = VoteExplanation.objects.filter(decision__meeting=vote_meeting)
    # Iran speaks "in explanation of vote"; Venezuela "could not accept the references".
    assert {link.statement.delegation.code for link in links} == {"IRN", "VEN"}
    iran = links.get(statement__delegation__code="IRN")
    assert "explanation of vote" in iran.statement.text


def test_narrative_keeps_every_non_statement_paragraph_in_order(vote_meeting):
    narrative = list(NarrativeParagraph.objects.filter(meeting=vote_meeting))
    numbers = [p.paragraph for p in narrative]
    assert numbers == sorted(numbers)
    kinds = {p.kind for p in narrative}
    assert {"vote", "procedural"} <= kinds
    statements = set(vote_meeting.statements.values_list("text", flat=True))
    assert not any(p.text in statements for p in narrative)


def test_reingest_keeps_decision_ids(vote_meeting):
    before = Decision.objects.get(meeting=vote_meeting).pk
    release = vote_meeting.release
    release.parser_version = "old"  # force a rewrite of the same bytes
    release.save(update_fields=["parser_version"])
    ingest_vote_release()
    assert Decision.objects.get(meeting=vote_meeting).pk == before
    assert Vote.objects.filter(decision_id=before).count() == 22
    assert RELEASE.exists()
