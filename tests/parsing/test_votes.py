"""Vote tallies: the look-ahead before a count hides no tally."""

from __future__ import annotations

import re

from statements.parsing.votes import _NUM, _NUM_FIRST, _NUMBERS, find_tally


def test_the_count_lookahead_takes_every_character_a_count_may_start_with():
    """Case-blind, the look-ahead's class takes a character exactly when some count (a digit or
    a number word's first letter) may start with it, on every code point."""
    lookahead = re.compile(_NUM_FIRST, re.IGNORECASE)
    first = re.compile("|".join([r"\d", *sorted({word[0] for word in _NUMBERS})]), re.IGNORECASE)
    count = re.compile(_NUM, re.IGNORECASE)
    for code in range(0x110000):
        char = chr(code)
        assert bool(lookahead.match(char)) == bool(first.match(char)), hex(code)
    assert count.match("ſix") and lookahead.match("ſix")  # the long s reads as "s", case-blind


def test_tallies_are_read_with_the_lookahead():
    """Counts in digits, words and either case are still read."""
    tally = find_tally("adopted by 120 in favour to 10 against, with 45 abstentions")
    assert (tally.yes, tally.no, tally.abstain) == (120, 10, 45)
    tally = find_tally("par Quinze voix pour, zéro voix contre et deux abstentions")
    assert (tally.yes, tally.no, tally.abstain) == (15, 0, 2)
