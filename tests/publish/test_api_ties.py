"""Relevance pages over tied scores: a commit that reorders ties neither skips nor repeats rows."""

from __future__ import annotations

import random

from statements.publish.api import engine_pages

TIED = [(2.0, 1), (1.5, 7), (1.5, 3), (1.5, 9), (1.5, 4), (1.5, 5), (1.0, 2), (1.0, 8)]


def engine_reordering_ties(monkeypatch):
    """An engine whose every call orders equal scores differently (as after a commit)."""
    shuffler = random.Random(5)

    def ranked(spec, *, offset, limit):
        hits = sorted(TIED, key=lambda h: (-h[0], shuffler.random()))
        return hits[offset : offset + limit]

    monkeypatch.setattr(engine_pages.engine, "ranked", ranked)


def test_paging_through_reordered_ties_returns_each_row_once(monkeypatch):
    engine_reordering_ties(monkeypatch)
    seen, position = [], None
    while True:
        keys = engine_pages._ranked(None, position, limit=2)
        page = list(keys)[:2]
        seen += page
        if len(keys) <= 2:
            break
        position = keys[page[-1]]
    assert seen == [1, 3, 4, 5, 7, 9, 2, 8]  # best first, ties by id


def test_a_tie_longer_than_the_window_is_read_to_its_end(monkeypatch):
    monkeypatch.setattr(engine_pages, "SLACK", 0)
    engine_reordering_ties(monkeypatch)
    keys = engine_pages._ranked(None, [2.0, 1, 0], limit=1)
    assert list(keys) == [3, 4]
