"""The websearch syntax as tantivy queries, and hostile queries handled quietly."""

from __future__ import annotations

import pytest

from statements.search.index.query import MAX_TERMS, parse_terms, text_query
from statements.search.index.schema import build_schema


def test_terms_phrases_or_and_exclusions():
    terms = parse_terms('nuclear "root causes" OR famine -weapons -"arms race"')
    assert terms == [
        (False, ["nuclear"]),
        (False, ["root", "causes"]),
        (False, ["OR"]),
        (False, ["famine"]),
        (True, ["weapons"]),
        (True, ["arms", "race"]),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "peace " * 1000,
        " OR ".join(["word"] * 200),
        '"unbalanced quote',
        "the of and",
        "\x00\x01 control \x1f bytes",
        "-",
        "OR OR OR",
        "((()))",
    ],
)
def test_hostile_queries_build_or_come_back_empty(text):
    assert len(parse_terms(text)) <= MAX_TERMS
    text_query(build_schema(), text)  # never raises


def test_only_stop_words_leave_nothing_to_search():
    assert text_query(build_schema(), "the of and") is None
