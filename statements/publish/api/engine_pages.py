"""Pages of /api/v1/statements from the search engine, in the UI's order, by keyset cursor.

By relevance: the engine's BM25 order (the page's and the export's), ties by id. The cursor holds
the last row's score, id and position; the next page is read from a few rows before that
position and continues after the cursor's (score, id), even when the index changed a little
since or the row itself is gone.

By date: the cursor holds (date, id), and the engine walks its date-order key past it.
"""

from __future__ import annotations

import json
from datetime import date

from statements.models import Statement
from statements.publish.api.cursors import Ordering, decode_cursor, encode_cursor
from statements.publish.exports.expressions import statement_json
from statements.search.index import engine
from statements.search.index.query import SearchSpec
from statements.search.pagination import walk_dated

SLACK = 20  # rows read before the cursor's position, for rows added or removed since
MAX_WINDOW = 2_000  # rows read at most for one page, however long a run of equal scores
ORDERINGS = {
    "newest": Ordering("newest", ("date", "id"), descending=True),
    "oldest": Ordering("oldest", ("date", "id")),
    "relevance": Ordering("relevance", ("score", "id", "position"), descending=True),
}


def statement_page(fs, cursor: str | None, limit: int) -> tuple[list[dict], str | None]:
    """The records of the page after the cursor, and the next page's cursor (None at the end)."""
    ordering = ORDERINGS[fs.sort_by]
    position = decode_cursor(cursor, "statements", ordering)
    spec = fs.spec()
    if fs.sort_by == "relevance":
        keys = _ranked(spec, position, limit)
    else:
        keys = _dated(spec, fs.sort_by == "oldest", position, limit)
    page = list(keys)[:limit]
    found = {pk: text for text, pk in statement_json(Statement.objects.filter(pk__in=page), "id")}
    # The engine decides whether a page follows: a row deleted a moment ago (still in the index
    # until the indexer's commit) is left out of this page but does not end the listing.
    following = None
    if len(keys) > limit:
        following = encode_cursor("statements", ordering, keys[page[-1]])
    return [json.loads(found[pk]) for pk in page if pk in found], following


def _ranked(spec: SearchSpec, position: list | None, limit: int) -> dict[int, list]:
    """Up to limit + 1 ids by relevance after the cursor, each with its cursor values.

    Equal scores are common (BM25 over short fields), and the engine orders ties by where a
    document sits in the index, which a commit changes: ties are ordered by id here, and the
    cursor resumes after its (score, id), so a tie spanning two pages neither skips nor repeats.
    """
    start, after = 0, None
    if position is not None:
        score, pk, at = float(position[0]), int(position[1]), int(position[2])
        start, after = max(0, at + 1 - SLACK), (score, pk)
    want = SLACK * 2 + limit + 1
    while True:
        hits = sorted(engine.ranked(spec, offset=start, limit=want), key=lambda h: (-h[0], h[1]))
        first = _after(hits, after) if after else 0
        page = hits[first : first + limit + 1]
        # A tie running past the window's end may hold smaller ids: read on until it ends.
        if len(hits) < want or not page or hits[-1][0] != page[-1][0] or want >= MAX_WINDOW:
            break
        want *= 2
    return {pk: [score, pk, start + first + i] for i, (score, pk) in enumerate(page)}


def _after(hits: list[tuple[float, int]], cursor: tuple[float, int]) -> int:
    """The index of the first hit after the cursor's row: found by id (its score may have moved
    a little with the corpus), else the first ordered after its (score, id)."""
    score, pk = cursor
    for i, (_, found) in enumerate(hits):
        if found == pk:
            return i + 1
    return next((i for i, (s, found) in enumerate(hits) if (-s, found) > (-score, pk)), len(hits))


def _dated(spec: SearchSpec, ascending: bool, position: list | None, limit: int):
    """Up to limit + 1 ids in date order after the cursor's (date, id), with their values."""
    after = (date.fromisoformat(position[0]), int(position[1])) if position else None
    found = walk_dated(spec, ascending=ascending, after=after, limit=limit + 1)
    return {pk: [day, pk] for day, pk in found}
