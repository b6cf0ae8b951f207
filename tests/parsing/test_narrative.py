"""The narrative holds every body paragraph that is not part of a statement, in document order."""

from __future__ import annotations

from pathlib import Path

from statements.parsing import parse_press_release
from statements.parsing.model import NARRATIVE_KINDS

SAMPLE = Path(__file__).resolve().parents[2] / "statements" / "sample_data"


def _sample():
    """Parse the shipped sample release."""
    source = next(SAMPLE.glob("*.txt"))
    return parse_press_release(source.read_bytes(), filename=source.name)


def test_narrative_and_statements_interleave_without_overlap() -> None:
    """Narrative paragraphs are in order, typed, and never a statement's own paragraph."""
    parsed = _sample()
    numbers = [n.paragraph for n in parsed.narrative]
    assert numbers == sorted(numbers)
    assert {n.kind for n in parsed.narrative} <= set(NARRATIVE_KINDS)
    starts = {s.paragraph for s in parsed.statements}
    assert not starts & set(numbers)


def test_narrative_keeps_lists_and_meeting_times() -> None:
    """'Also delivering statements were ...' and the next-meeting line are procedural narrative."""
    kinds = {n.text[:30]: n.kind for n in _sample().narrative}
    assert kinds["Also delivering statements wer"] == "procedural"
    assert kinds["The General Assembly will reco"] == "procedural"


def test_vote_paragraph_is_narrative_not_statement() -> None:
    """A vote result after a statement stays in the narrative."""
    text = (
        "GA/99999\n\nSeventy-ninth session, 10th meeting (AM)\n\n"
        "JANE DOE (Norway) said the text was balanced.\n\n"
        "The draft resolution was adopted by a recorded vote of 120 in favour to 10 against, "
        "with 30 abstentions.\n"
    )
    parsed = parse_press_release(text)
    assert [s.delegation_code for s in parsed.statements] == ["NOR"]
    assert "recorded vote" not in parsed.statements[0].text
    assert [n.kind for n in parsed.narrative][-1] == "vote"
