"""The real seed release parses exactly as its hand-made gold file says, field by field."""

from __future__ import annotations

import datetime
import json
from functools import cache
from pathlib import Path

import pytest

from statements.parsing import ParsedRelease, ParsedStatement, parse_press_release
from statements.reference import delegation_by_code, lookup_delegation
from tests.seed import SEED_PATH

GOLDEN = Path(__file__).resolve().parent / "golden"
SEED = SEED_PATH  # the sample release as shipped
GOLD = GOLDEN / "ga_2021_11_23_trafficking.gold.json"


@cache
def gold() -> dict:
    """The gold file."""
    return json.loads(GOLD.read_text(encoding="utf-8"))


@cache
def parsed() -> ParsedRelease:
    """The seed, parsed once."""
    return parse_press_release(SEED.read_bytes(), filename=SEED.name)


def gold_code(delegation: str) -> str:
    """Resolve a gold delegation (an ISO3 code or an organization's name) to a reference code."""
    ref = delegation_by_code(delegation) or lookup_delegation(delegation)
    assert ref is not None, f"gold delegation {delegation!r} is not in the reference data"
    return ref.code


def full_statements() -> list[ParsedStatement]:
    """The statements the gold numbers: everything but the lead summaries, in order."""
    return [s for s in parsed().statements if s.kind != "summary"]


def test_meeting_matches_gold() -> None:
    """Body, session, meetings, headline and the inferred date match the gold."""
    meeting, expected = parsed().meeting, gold()["meeting"]
    assert meeting.body == expected["body"]
    assert meeting.session == expected["session"]
    assert list(meeting.meetings) == expected["meetings"]
    assert meeting.headline == expected["headline"]
    assert meeting.date == datetime.date.fromisoformat(expected["date"])
    assert meeting.date_inferred is (not expected["date_in_text"])
    assert meeting.part == "AM & PM"
    assert meeting.language == "en"


def test_date_evidence_explains_the_inference() -> None:
    """The evidence names the session, the opening day and the weekday of the next meeting."""
    evidence = parsed().meeting.date_evidence
    for needle in ("session 76", "22 November", "Wednesday, 24 November", "23 November 2021"):
        assert needle in evidence


def test_missing_symbol_is_a_warning_for_staff() -> None:
    """The seed has no symbol: None plus a warning that staff must supply it."""
    assert parsed().meeting.symbol is None
    warning = next(w for w in parsed().warnings if "symbol" in w)
    assert "staff must supply it" in warning
    assert "GA/12387" in warning


def test_statement_count_and_kinds() -> None:
    """70 numbered statements: 68 named statements and 2 rights of reply without a speaker."""
    statements = full_statements()
    assert len(statements) == len(gold()["statements"]) == 70
    assert [s.kind for s in statements].count("right_of_reply") == 2
    assert all(s.speaker is None for s in statements if s.kind == "right_of_reply")


@pytest.mark.parametrize("index", range(70))
def test_statement_matches_gold(index: int) -> None:
    """Each numbered statement matches the gold in order, field by field."""
    expected = gold()["statements"][index]
    statement = full_statements()[index]
    assert expected["order"] == index + 1
    assert statement.kind == expected["kind"]
    assert statement.speaker == expected["speaker"]
    assert statement.delegation_code == gold_code(expected["delegation"])
    assert statement.title == expected.get("title")
    assert statement.on_behalf_of == expected.get("on_behalf_of")
    assert statement.aligned_with == expected.get("aligned_with")
    assert statement.text.startswith(statement.speaker or "The representative of")


def test_summaries_link_to_full_statements() -> None:
    """The 7 lead summaries have no speaker and point at the same delegation's full statement."""
    statements = parsed().statements
    summaries = [s for s in statements if s.kind == "summary"]
    mentions = gold()["summary_mentions"]
    assert {s.delegation_code for s in summaries} == set(mentions)
    for summary in summaries:
        assert summary.speaker is None
        target = statements[summary.summary_of - 1]
        assert target.sequence == summary.summary_of > summary.sequence
        assert target.delegation_code == summary.delegation_code
        assert target.speaker == mentions[summary.delegation_code]


def test_sequences_follow_document_order() -> None:
    """Sequence numbers run 1..n and paragraphs never go backwards."""
    statements = parsed().statements
    assert [s.sequence for s in statements] == list(range(1, len(statements) + 1))
    paragraphs = [s.paragraph for s in statements]
    assert paragraphs == sorted(paragraphs)


def test_speakers_list_agrees_with_statements() -> None:
    """The lists name 63 delegations and the cross-check finds no difference."""
    release = parsed()
    assert len(release.speakers_list) == 63
    assert release.speakers_list[-2:] == ("Greece", "Belarus")
    assert not [w for w in release.warnings if "speakers list" in w or "Listed as" in w]
    assert release.errors == ()


def test_non_statements_are_left_out() -> None:
    """Lists, the reconvene notice, the panel summaries and the footer are not statements."""
    texts = "\n".join(s.text for s in parsed().statements)
    for needle in (
        "Also delivering statements",
        "spoke in their capacity as observers",
        "will reconvene",
        "panel discussions held on 22 November",
        "For information media",
    ):
        assert needle not in texts
