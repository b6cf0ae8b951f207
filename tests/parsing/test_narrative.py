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


def test_the_partial_coverage_pretest_never_hides_a_match() -> None:
    """Each letter of the words the pre-test looks for, in a phrase _PARTIAL reads, replaced by
    every character the case-blind pattern may read as a letter (upper case, ſ, K, İ, ı ...),
    gives the answer of the pattern alone."""
    import re

    from statements.parsing.sections import _PARTIAL, partial_notice

    letters = re.compile("[a-zé]", re.IGNORECASE)
    readable = [chr(code) for code in range(0x10000) if letters.match(chr(code))]
    phrases = [
        ("was not covered", "covered"),
        ("pas été couverte", "couvert"),
        ("liquidity crisis", "liquidit"),
        ("publiée ultérieurement", "ultérieurement"),
        ("financial constraints", "constraints"),
        ("budgetary cuts", "budget"),
        ("budget cuts", "cuts"),
        ("budget crisis", "crisis"),
        ("full coverage will", "full"),
        ("will be issued later", "will"),
        ("will be made available at a later", "later"),
    ]
    checked = 0
    for phrase, word in phrases:
        start = phrase.index(word)
        for index in range(start, start + len(word)):
            for char in readable:
                text = f"It {phrase[:index]}{char}{phrase[index + 1 :]} today."
                assert partial_notice(text) == bool(_PARTIAL.search(text)), (text, hex(ord(char)))
                checked += 1
    assert checked > 4000 and partial_notice("THE MEETING WAS NOT COVERED")
