"""Plain substring pre-tests: they spare a pattern scan on texts that cannot match it."""

from __future__ import annotations

from collections.abc import Iterable


def holds_any(text: str, words: Iterable[str]) -> bool:
    """Say whether any of `words` is in `text`: what `any(w in text for w in words)` says,
    without a generator frame resumed for every word (these tests run on every paragraph)."""
    for word in words:  # noqa: SIM110 - the loop is the point: no generator
        if word in text:
            return True
    return False
