"""Meeting lines: session, meeting numbers and part of the day."""

from __future__ import annotations

import pytest

from statements.parsing.meeting_line import ordinal_word_value, parse_meeting_line


@pytest.mark.parametrize(
    ("line", "session", "meetings", "part"),
    [
        ("Seventy-sixth Session, 38th & 39th Meetings (AM & PM)", 76, (38, 39), "AM & PM"),
        ("9507th Meeting (PM)", None, (9507,), "PM"),
        ("84thMeeting (PM)", None, (84,), "PM"),
        ("7th, 8th & 9th Meetings (PM & Night)", None, (7, 8, 9), "PM & Night"),
        ("Seventy-fourth Session, 7th & 8th Meetings (AM&PM)", 74, (7, 8), "AM & PM"),
        ("Resumed Seventy-eighth Session, 2nd Meeting (AM)", 78, (2,), "AM"),
        ("Sixty-first General Assembly", 61, (), None),
        ("Seventy-sixth Session,", 76, (), None),
        ("2024 Session, 5th Meeting (AM)", 2024, (5,), "AM"),
        ("8983rd Meeting* (PM)", None, (8983,), "PM"),
        ("76e session, 38e et 39e séances plénières (matin & après-midi)", 76, (38, 39), None),
    ],
)
def test_meeting_lines(
    line: str, session: int | None, meetings: tuple[int, ...], part: str | None
) -> None:
    """Each era's meeting line gives its session, meetings and part."""
    parsed = parse_meeting_line(line)
    assert parsed is not None
    assert (parsed.session, parsed.meetings) == (session, meetings)
    if part is not None:
        assert parsed.part == part


def test_french_part_is_kept_as_printed() -> None:
    """French parts of the day are kept as printed."""
    parsed = parse_meeting_line("9381e séance (matin)")
    assert parsed is not None and parsed.part == "matin"


def test_special_sessions_are_flagged() -> None:
    """Emergency special sessions are not regular session numbers."""
    parsed = parse_meeting_line("Tenth Emergency Special Session, 45th Meeting (AM)")
    assert parsed is not None and parsed.special_session and parsed.session == 10


@pytest.mark.parametrize(
    "text",
    [
        "Coordinated Approach to Human Trafficking Must Feature Cutting-Edge Tools",
        "Fiftieth Session of Commission Opens with Calls for Parity",
        "The second session of the working group",
        "",
    ],
)
def test_other_lines_are_not_meeting_lines(text: str) -> None:
    """Headlines and sentences that mention a session are not meeting lines."""
    assert parse_meeting_line(text) is None


@pytest.mark.parametrize(
    ("word", "value"),
    [("Seventy-sixth", 76), ("fiftieth", 50), ("Eleventh", 11), ("Eighty-first", 81)],
)
def test_ordinal_words(word: str, value: int) -> None:
    """English ordinal words read as numbers."""
    assert ordinal_word_value(word) == value


def test_unknown_ordinal_words() -> None:
    """Words that are not ordinals give None."""
    assert ordinal_word_value("Seventy-eleventh") is None
    assert ordinal_word_value("Resumed") is None
