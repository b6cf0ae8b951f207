"""Snippets never alter a quotation: "[…]" inside quoted words, a note for a mid-quote start."""

from __future__ import annotations

from statements.search.snippet_quotes import inside_quotation, join_fragments

TEXT = (
    "The delegate recalled the Charter. “We the peoples of the United Nations determined to save "
    "succeeding generations from the scourge of war, which twice in our lifetime has brought "
    "untold sorrow to mankind” was, she said, a promise. She called for peace."
)


def join(*fragments: str) -> str:
    return join_fragments(list(fragments), list(fragments), TEXT)


def test_a_gap_inside_quoted_words_is_an_explicit_elision():
    joined = join("“We the peoples of the United Nations", "untold sorrow to mankind” was")
    assert joined == "“We the peoples of the United Nations […] untold sorrow to mankind” was"


def test_a_gap_outside_quotations_stays_an_ellipsis():
    joined = join("The delegate recalled the Charter.", "She called for peace.")
    assert joined == "The delegate recalled the Charter. … She called for peace."


def test_a_fragment_that_starts_inside_a_quotation_says_so():
    assert join("succeeding generations from the scourge of war").startswith(
        "[within a quotation] succeeding"
    )
    joined = join("The delegate recalled the Charter.", "the scourge of war, which twice")
    assert joined.endswith("… [within a quotation] the scourge of war, which twice")


def test_straight_quotes_count_in_pairs():
    assert inside_quotation('He said "no more war" today', 10)
    assert not inside_quotation('He said "no more war" today', 23)
