"""The parser refuses oversized input by name, and reads long clause runs in linear time."""

from __future__ import annotations

import time

import pytest

from statements.parsing import NotAPressRelease, parse_press_release
from statements.parsing.clauses import read_clauses

HEAD = "Security Council\n8019th Meeting (PM)\n\nCouncil Hears Briefing\n\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (HEAD + "x" * 70_000, "a paragraph of a press release is at most"),
        (HEAD + "Slovakia agreed.\n\n" * 40_000, "lines; a press release has at most"),
        ("y " * 3_100_000, "characters long; a press release is at most"),
    ],
)
def test_oversized_input_is_refused_by_name(text, message):
    started = time.perf_counter()
    with pytest.raises(NotAPressRelease, match=message):
        parse_press_release(text)
    assert time.perf_counter() - started < 2


def test_too_many_paragraphs_in_html_are_refused():
    page = "<html><body>" + "<p>Slovakia agreed.</p>" * 6_000 + "</body></html>"
    with pytest.raises(NotAPressRelease, match="paragraphs"):
        parse_press_release(page)


def test_clause_reading_time_grows_linearly():
    def seconds(n: int) -> float:
        text = ", ".join(f"Minister for Affairs Number {i}" for i in range(n)) + ", said it."
        started = time.perf_counter()
        read_clauses(text)
        return time.perf_counter() - started

    small, large = seconds(400), seconds(4_000)
    assert large < max(small, 0.002) * 30  # quadratic would be ~100x


def test_the_clause_count_is_bounded():
    text = ", ".join(f"Minister for Affairs Number {i}" for i in range(50)) + ", said it."
    assert read_clauses(text).count <= 12
