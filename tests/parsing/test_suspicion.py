"""Statements a reviewer should read in full carry machine-readable warnings."""

from __future__ import annotations

from statements.parsing import parse_press_release
from statements.parsing.suspicion import WARNING_CODES

HEAD = "SC/99903\n\nSecurity Council\n\n9903rd Meeting (AM)\n\n"


def _codes(text: str) -> list[list[str]]:
    """Parse a small release and return each statement's warning codes."""
    parsed = parse_press_release(HEAD + text)
    return [[w.split(":")[0] for w in s.warnings] for s in parsed.statements]


def test_plain_statements_have_no_warnings() -> None:
    """Two ordinary statements are not flagged."""
    text = "JANE DOE (Norway) said the text was fair.\n\nJOHN ROE (Chile) said it was late.\n"
    assert _codes(text) == [[], []]


def test_naming_another_delegation_with_a_verb_is_flagged() -> None:
    """Words credited to another delegation inside a statement are flagged."""
    text = (
        "JANE DOE (Norway) said the text was fair.  As the representative of Sweden stressed "
        "earlier, it was also late.\n"
    )
    assert _codes(text) == [["names_other_delegation"]]


def test_vote_sentence_is_flagged_and_release_warns() -> None:
    """A vote sentence left in a statement's later paragraph is flagged, also on the release."""
    text = (
        "JANE DOE (Norway) said the text was fair.\n\n"
        "She added that it was late.  Algeria and China voted against.\n"
    )
    parsed = parse_press_release(HEAD + text)
    assert [w.split(":")[0] for w in parsed.statements[0].warnings] == ["vote_sentence"]
    assert any(w.startswith("Statement 1 (paragraph") for w in parsed.warnings)


def test_unresolved_delegation_is_flagged() -> None:
    """A delegation the reference list does not know is flagged."""
    assert _codes("JANE DOE (Freedonia) said the text was fair.\n") == [["unresolved_delegation"]]


def test_much_longer_than_neighbours_is_flagged() -> None:
    """A statement four times longer than those around it is flagged."""
    short = "JOHN ROE (Chile) said it was late.\n\n"
    long = "JANE DOE (Norway) said " + "the text was fair and balanced. " * 80 + "\n\n"
    codes = _codes(short + short + long + short)
    assert codes[2] == ["much_longer"]
    assert set(sum(codes, [])) <= set(WARNING_CODES)


def test_matches_at_openings_finds_what_finditer_finds_on_every_golden_paragraph():
    """Matching only where a role word or "’s" is finds the same matches as a full scan."""
    from pathlib import Path

    from statements.parsing.suspicion import (
        _POSSESSIVE,
        _POSSESSIVE_MARKS,
        _ROLE_OF,
        _ROLE_STEMS,
        _matches_at,
    )

    golden = Path(__file__).parent / "golden"
    texts = [path.read_text() for path in sorted(golden.glob("*.txt"))]
    found = 0
    for text in texts:
        for pattern, openings in ((_ROLE_OF, _ROLE_STEMS), (_POSSESSIVE, _POSSESSIVE_MARKS)):
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in _matches_at(pattern, text, openings)] == expected
            found += len(expected)
    assert found > 20
