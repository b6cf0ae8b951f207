"""Explicit dates and dates inferred from session, weekdays and relative mentions."""

from __future__ import annotations

import datetime

import pytest

from statements.parsing.dates import (
    infer_date,
    parse_date_line,
    parse_iso_date,
    session_window,
    split_compact_date,
)

D = datetime.date
GA_76 = session_window("General Assembly", 76)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("14 October 2019", D(2019, 10, 14)),
        ("Monday, 14 October 2019", D(2019, 10, 14)),
        ("October 14, 2019", D(2019, 10, 14)),
        ("19981117", D(1998, 11, 17)),
        ("18 juillet 2023", D(2023, 7, 18)),
        ("14 October", None),
        ("31 February 2020", None),
        ("The meeting on 14 October 2019 was long.", None),
    ],
)
def test_date_lines(line: str, expected: datetime.date | None) -> None:
    """Only a line that is wholly a date (with a year) is a date line."""
    assert parse_date_line(line) == expected


def test_iso_dates_keep_the_printed_day() -> None:
    """Time zones in ISO stamps do not move the printed day."""
    assert parse_iso_date("2016-03-14T00:00:00-04:00") == D(2016, 3, 14)
    assert parse_iso_date("2024-05-02T12:00:00Z") == D(2024, 5, 2)
    assert parse_iso_date("no date") is None


def test_compact_date_glued_to_text() -> None:
    """A 1996-2000 "19981117" date glued to the first sentence is split off."""
    assert split_compact_date("19981117The Third Committee") == (
        D(1998, 11, 17),
        "The Third Committee",
    )
    assert split_compact_date("199811170 people") == (None, "199811170 people")


def test_session_windows() -> None:
    """Sessions map to their calendar span per body; the Security Council has none."""
    assert session_window("General Assembly", 76) == (D(2021, 9, 1), D(2022, 9, 20))
    assert session_window("Third Committee", 74) == (D(2019, 9, 1), D(2020, 9, 20))
    assert session_window("Commission on the Status of Women", 68)[0] == D(2024, 1, 1)
    assert session_window("Economic and Social Council", 2024)[0] == D(2023, 7, 1)
    assert session_window("Security Council", 76) is None
    assert session_window("General Assembly", 10, special=True) is None


def test_two_day_meeting_and_next_meeting_pin_the_day() -> None:
    """The seed's clues: opened on 22 November, two-day, reconvene Wednesday 24 November."""
    result = infer_date(
        [
            "The two-day meeting opened on 22 November, with the Assembly adopting a text.",
            "The General Assembly will reconvene at 10 a.m. on Wednesday, 24 November.",
        ],
        GA_76,
        window_label="the General Assembly session 76",
    )
    assert result.date == D(2021, 11, 23)
    assert result.inferred
    assert "24 November 2021 is a Wednesday" in result.evidence


def test_tomorrow_gives_the_day_before() -> None:
    """ "tomorrow, 18 November" puts the meeting on 17 November."""
    result = infer_date(["The Committee will meet again tomorrow, 18 November."], GA_76)
    assert result.date == D(2021, 11, 17)


def test_weekday_settles_the_year_without_a_session() -> None:
    """Without a session span, an explicit year is still needed."""
    result = infer_date(["It will reconvene on Wednesday, 24 November."], None)
    assert result.date is None
    assert result.warnings


def test_dateline_gives_the_day() -> None:
    """A UN Information Service dateline gives the day; the session gives the year."""
    result = infer_date([], GA_76, dateline="NEW YORK, 12 March (UN Headquarters)")
    assert result.date == D(2022, 3, 12)


def test_open_ranges_are_not_guessed() -> None:
    """A lone upper bound leaves the date empty, with a warning that says why."""
    result = infer_date(["The Assembly will reconvene on Wednesday, 24 November."], GA_76)
    assert result.date is None
    assert "on or before 23 November 2021" in result.warnings[0]


def test_contradictions_are_reported() -> None:
    """Clues that cannot all hold give no date and a warning."""
    result = infer_date(
        ["It opened on 25 November.", "It will reconvene on Wednesday, 24 November."], GA_76
    )
    assert result.date is None
    assert "contradict" in result.warnings[0]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("03/10/2008", datetime.date(2008, 10, 3)),  # French releases: day first
        ("29/09/03", datetime.date(2003, 9, 29)),
        ("05/21/2019", datetime.date(2019, 5, 21)),  # a US copy: the month cannot be 21
        ("date 2019-05-21", datetime.date(2019, 5, 21)),
        ("Date: March 12, 2007", datetime.date(2007, 3, 12)),
        ("NEW YORK gio 12 marzo 2020", datetime.date(2020, 3, 12)),
    ],
)
def test_dates_as_copies_print_them(line, expected):
    """Numeric dates are day first unless impossible; copies' own prefixes and languages read."""
    assert parse_date_line(line) == expected


def test_the_month_mention_pretest_agrees_with_the_pattern_on_every_character():
    """Every code point before " March" (in a text of its own width and beside "’") gets the
    answer of _MONTH_MENTION.search: the pattern is tried at ASCII digits only when no other
    decimal digit may be there."""
    from statements.parsing.dates import _MONTH_MENTION, _mentions_a_month

    found = 0
    for code in range(0x110000):
        char = chr(code)
        for text in (f"on {char} March", f"’ on {char}\tmars"):
            expected = bool(_MONTH_MENTION.search(text))
            assert _mentions_a_month(text) == expected, (hex(code), text)
            found += expected
    assert found > 100
    assert _mentions_a_month("“On 12 March”, the 3rd, ١٢ mars") and not _mentions_a_month("’ 12")
