"""The str.find scans that stand in for pattern scans find exactly what the patterns find."""

from __future__ import annotations

import re
from pathlib import Path

from statements.parsing.no_name import _ANY_BREAK, _any_breaks
from statements.parsing.substrings import first_of, positions

_TEXTS = Path(__file__).parent


def _texts() -> list[str]:
    """Every golden and excerpt text, and some edge cases."""
    paths = sorted(_TEXTS.glob("golden/*.txt")) + sorted(_TEXTS.glob("excerpts/**/*.txt"))
    edges = ["", ".", "?!.", "A. B", "Mr. X said. “Yes.” Then? No! “Quoi ?” É"]
    return [path.read_text(encoding="utf-8") for path in paths] + edges


def test_positions_are_where_the_class_matches():
    """positions() lists, in order, every place where the class of characters matches."""
    for text in _texts():
        expected = [m.start() for m in re.finditer(r"[.!?]", text)]
        assert positions(text, ".!?") == expected


def test_first_of_is_what_a_search_for_the_class_finds():
    """first_of() finds what a bounded search finds, for every start in short texts."""
    stops = '.;:“”"'
    pattern = re.compile(r'[.;:“”"]')
    checked = 0
    for text in _texts():
        for start in range(0, len(text), 7):
            end = min(len(text), start + 152)
            match = pattern.search(text, start, end)
            assert first_of(text, stops, start, end) == (match.start() if match else -1)
            checked += 1
    assert checked > 1000


def test_sentence_breaks_tried_at_stops_are_the_pattern_scan():
    """Matching the break pattern only at ".", "!" and "?" finds what finditer finds."""
    found = 0
    for text in _texts():
        expected = [m.span() for m in _ANY_BREAK.finditer(text)]
        assert [m.span() for m in _any_breaks(text)] == expected
        found += len(expected)
    assert found > 100
