"""Plain substring pre-tests: they spare a pattern scan on texts that cannot match it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import AnyStr

# Letters a case-blind pattern reads as "i", "s" or "k" (ı, ſ, İ, the Kelvin sign): a text that
# holds one may match a case-blind pattern without holding its words in plain lower case.
CASE_ODDITIES = "ıſİ\u212a"


def holds_any(text: AnyStr, words: Iterable[AnyStr]) -> bool:
    """Say whether any of `words` is in `text`: what `any(w in text for w in words)` says,
    without a generator frame resumed for every word (these tests run on every paragraph)."""
    for word in words:  # noqa: SIM110 - the loop is the point: no generator
        if word in text:
            return True
    return False


def positions(text: str, characters: str) -> list[int]:
    """Where any of `characters` stands in `text`, in order: str.find loops, far faster than a
    pattern's scan for a class of characters (a sentence break starts at ".", "!" or "?")."""
    found: list[int] = []
    for character in characters:
        position = text.find(character)
        while position >= 0:
            found.append(position)
            position = text.find(character, position + 1)
    return sorted(found)


def first_of(text: str, characters: str, start: int, end: int) -> int:
    """Where the first of `characters` stands in text[start:end] (-1 when none does): what a
    search for their class finds, by one str.find for each, each bounded by the nearest found."""
    first = -1
    for character in characters:
        position = text.find(character, start, end)
        if position >= 0:
            first = end = position
    return first
