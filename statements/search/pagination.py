"""Pages of search-index matches: a cursor for date order (fast at any depth), capped offsets
for relevance.

Date order walks the index's (date, id) sort key from a cursor, so page 5,000 costs what page 1
does. Relevance order must rank every match anyway; it pages by number up to MAX_RANKED results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext

from statements.search.state import QueryState

PER_PAGE = 20
MAX_RANKED = 1000
_CURSOR = re.compile(r"(\d{4}-\d{2}-\d{2})\.(\d{1,18})")


@dataclass(frozen=True)
class PageLink:
    label: str
    url: str | None
    rel: str = ""
    current: bool = False


@dataclass(frozen=True)
class ResultPage:
    """The statements on one page, the total, and links to the pages around it."""

    items: list
    total: int
    first_index: int | None
    links: list[PageLink]
    note: str = ""

    @property
    def last_index(self) -> int | None:
        return self.first_index + len(self.items) - 1 if self.first_index else None


def _numbered_links(number: int, last: int, state: QueryState) -> list[PageLink]:
    if last == 1:
        return []
    window = sorted({1, last, *range(max(1, number - 2), min(last, number + 2) + 1)})
    links = [
        PageLink(gettext("Previous"), _page_url(state, number - 1) if number > 1 else None, "prev")
    ]
    previous = 0
    for n in window:
        if n - previous > 1:
            links.append(PageLink("…", None))
        links.append(PageLink(str(n), _page_url(state, n), current=n == number))
        previous = n
    links.append(
        PageLink(gettext("Next"), _page_url(state, number + 1) if number < last else None, "next")
    )
    return links


def _page_url(state: QueryState, number: int) -> str:
    return state.url(page=str(number) if number > 1 else None)


def _cursor_links(items, has_prev, has_next, state: QueryState, ascending: bool) -> list[PageLink]:
    if not items or not (has_prev or has_next):
        return []
    first, last = items[0], items[-1]
    if ascending:
        earlier, later = gettext("Earlier"), gettext("Later")
    else:
        earlier, later = gettext("Newer"), gettext("Older")
    return [
        PageLink(gettext("First page"), state.url() if has_prev else None, "first"),
        PageLink(earlier, state.url(before=cursor(first)) if has_prev else None, "prev"),
        PageLink(later, state.url(after=cursor(last)) if has_next else None, "next"),
        PageLink(gettext("Last page"), state.url(before="end") if has_next else None, "last"),
    ]


def engine_page(spec, *, sort: str, state: QueryState, params, fetch) -> ResultPage:
    """The page of engine matches the parameters ask for; `fetch(ids)` turns ids into rows."""
    from statements.search.index import engine

    if sort == "relevance":
        reachable_last = max(1, -(-MAX_RANKED // PER_PAGE))
        number = min(max(_int(params.get("page"), 1), 1), reachable_last)
        offset = (number - 1) * PER_PAGE
        hits = engine.search(spec, sort=sort, offset=offset, limit=PER_PAGE)
        reachable = min(hits.total, MAX_RANKED)
        last = max(1, -(-reachable // PER_PAGE))
        if number > last:  # past the end: show the last page
            number, offset = last, (last - 1) * PER_PAGE
            hits = engine.search(spec, sort=sort, offset=offset, limit=PER_PAGE)
        items = fetch(hits.ids[: max(0, reachable - offset)])
        note = ""
        if hits.total > MAX_RANKED:
            note = (
                f"Ranking by relevance shows the best {MAX_RANKED:,} of {hits.total:,} matches. "
                "Narrow the search, or sort by date to page through them all."
            )
        links = _numbered_links(number, last, state)
        return ResultPage(items, hits.total, offset + 1 if items else None, links, note)
    return _engine_cursor_page(
        spec, ascending=sort == "oldest", state=state, params=params, fetch=fetch
    )


def _engine_cursor_page(spec, *, ascending: bool, state: QueryState, params, fetch) -> ResultPage:
    from statements.search.index import engine

    after, before = parse_cursor(params.get("after")), parse_cursor(params.get("before"))
    at_end = params.get("before") == "end"
    backwards = bool(before or at_end)
    up = ascending != backwards  # the direction the index is walked in
    if not (before or after):  # the first or the last page: the total comes with the walk
        ids, total = engine.walk_counted(spec, ascending=up, limit=PER_PAGE + 1)
    else:
        total = engine.count(spec)
        found = walk_dated(spec, ascending=up, after=before or after, limit=PER_PAGE + 1)
        ids = [pk for _, pk in found]
    more = len(ids) > PER_PAGE
    ids = ids[:PER_PAGE]
    items = fetch(ids[::-1] if backwards else ids)
    has_prev, has_next = (more, not at_end) if backwards else (after is not None, more)
    first_index = 1 if not (after or backwards) and items else None
    if at_end and items:
        first_index = total - len(items) + 1
    links = _cursor_links(items, has_prev, has_next, state, ascending)
    return ResultPage(items, total, first_index, links)


def walk_dated(spec, *, ascending: bool, after: tuple[date, int] | None, limit: int) -> list:
    """Up to `limit` (date, id) keys of the matches in date order, strictly past a (date, id)
    position: the one keyset walk of the engine's pages (these and the API's)."""
    from statements.search.index import engine

    key = engine.sort_key(*after) if after else None
    return engine.walk_keys(
        spec,
        ascending=ascending,
        below=None if ascending else key,
        above=key if ascending else None,
        limit=limit,
    )


def cursor(statement) -> str:
    return f"{statement.date:%Y-%m-%d}.{statement.pk}"


def parse_cursor(value) -> tuple[date, int] | None:
    """Read 'YYYY-MM-DD.id'; anything else means no cursor."""
    match = _CURSOR.fullmatch(str(value or ""))
    if not match:
        return None
    try:
        return date.fromisoformat(match[1]), int(match[2])
    except ValueError:
        return None


def _int(value, default: int) -> int:
    try:
        return int(str(value)[:9])
    except (TypeError, ValueError):
        return default
