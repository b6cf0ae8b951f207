"""The one search function every reader uses: matches, exact totals and exact facet counts.

Pages, exports, feeds and the API all ask here, so they agree on the same matches and counts.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date

import tantivy

from meetings.languages import LANGUAGES
from statements.search.index import memo, store
from statements.search.index.guard import guarded
from statements.search.index.query import SearchSpec, build
from statements.search.index.schema import ORDER_FIELD, ORDER_SPLIT, U64_MAX

SORTS = ("relevance", "newest", "oldest")
_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="search-index")
EXPORT_BATCH = 100_000


@dataclass(frozen=True)
class Hits:
    """The ids of one page of matches, in order, and the exact number of all matches."""

    ids: list[int]
    total: int


def _searcher() -> tuple[tantivy.Index, tantivy.Searcher]:
    index = store.open_index()
    return index, index.searcher()


@guarded
def search(spec: SearchSpec, *, sort: str = "relevance", offset: int = 0, limit: int = 20) -> Hits:
    """A page of matches in the sort asked for (relevance falls back to newest without words)."""
    index, searcher = _searcher()
    query, has_words = build(index.schema, spec)
    limit = max(1, limit)  # tantivy's collectors need one
    if sort == "relevance" and has_words:
        result = searcher.search(query, limit, count=True, offset=offset)
        ids = [searcher.doc(address)["id"][0] for _, address in result.hits]
        return Hits(ids, result.count)
    ascending = sort == "oldest"
    result = searcher.search(
        query,
        limit,
        count=True,
        offset=offset,
        order_by_field=ORDER_FIELD,
        order=tantivy.Order.Asc if ascending else tantivy.Order.Desc,
    )
    return Hits([_id(key, ascending) for key, _ in result.hits], result.count)


def _id(key: int, ascending: bool) -> int:
    """The statement id inside a date-order sort key (tantivy 0.26 and 0.27 return keys as
    stored in both orders; 0.25 inverted ascending ones)."""
    return key % ORDER_SPLIT


@guarded
def walk(spec: SearchSpec, *, ascending: bool, below: int | None, above: int | None, limit: int):
    """Up to `limit` ids in date order strictly between two sort keys (a cursor page)."""
    found = walk_keys(spec, ascending=ascending, below=below, above=above, limit=limit)
    return [pk for _, pk in found]


@guarded
def walk_counted(spec: SearchSpec, *, ascending: bool, limit: int) -> tuple[list[int], int]:
    """The first `limit` ids in date order and the number of all matches, in one search."""
    found, total = _walk(spec, ascending=ascending, below=None, above=None, limit=limit, count=True)
    return [pk for _, pk in found], total


@guarded
def walk_keys(spec: SearchSpec, *, ascending: bool, below, above, limit: int) -> list[tuple]:
    """Like walk, as (date, id) pairs."""
    return _walk(spec, ascending=ascending, below=below, above=above, limit=limit)[0]


def _walk(spec: SearchSpec, *, ascending: bool, below, above, limit: int, count: bool = False):
    index, searcher = _searcher()
    query, _ = build(index.schema, spec)
    if below is not None or above is not None:
        low, high = (
            (above + 1 if above is not None else 0),
            (below - 1 if below is not None else U64_MAX),
        )
        window = tantivy.Query.range_query(
            index.schema, ORDER_FIELD, tantivy.FieldType.Unsigned, low, high
        )
        query = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, query), (tantivy.Occur.Must, window)]
        )
    order = tantivy.Order.Asc if ascending else tantivy.Order.Desc
    result = searcher.search(query, limit, count=count, order_by_field=ORDER_FIELD, order=order)
    keys = [key for key, _ in result.hits]
    return [(_day(key // ORDER_SPLIT), key % ORDER_SPLIT) for key in keys], result.count


def _day(ymd: int) -> date:
    return date(ymd // 10000, ymd // 100 % 100, ymd % 100)


@guarded
def ranked(spec: SearchSpec, *, offset: int, limit: int) -> list[tuple[float, int]]:
    """(BM25 score, id) of the matches from `offset` on, best first, in the engine's order."""
    index, searcher = _searcher()
    query, _ = build(index.schema, spec)
    result = searcher.search(query, max(1, limit), count=False, offset=offset)
    return [(score, searcher.doc(address)["id"][0]) for score, address in result.hits]


def sort_key(day, pk: int) -> int:
    return (day.year * 10000 + day.month * 100 + day.day) * ORDER_SPLIT + pk


@guarded
def count(spec: SearchSpec) -> int:
    """The exact number of matches."""

    def counted() -> int:
        index, searcher = _searcher()
        return searcher.search(build(index.schema, spec)[0], 1, count=True).count

    return _per_commit("count", spec, "", counted)


@guarded
def aggregate(spec: SearchSpec, aggregations: dict) -> dict:
    """Run tantivy aggregations (terms, min, max...) over every match; exact at any size."""

    def aggregated() -> dict:
        index, searcher = _searcher()
        return searcher.aggregate(build(index.schema, spec)[0], aggregations)

    return _per_commit("aggregate", spec, json.dumps(aggregations, sort_keys=True), aggregated)


_EVERYTHING = {
    SearchSpec(prefer=language, all_kinds=kinds).key()
    for language in LANGUAGES
    for kinds in (False, True)
}


def _per_commit(name: str, spec: SearchSpec, extra: str, compute):
    """The whole archive's figures once per index commit (the home page, browsing, lists)."""
    key = spec.key()
    if key not in _EVERYTHING:
        return compute()
    return memo.per_commit(name, key + extra, compute)


@guarded
def terms(spec: SearchSpec, field: str, size: int = 1000) -> dict:
    """Matches per value of one facet field: {value: count}, exact."""
    found = aggregate(spec, {"t": {"terms": {"field": field, "size": size}}})
    return {_key(b["key"]): b["doc_count"] for b in found["t"]["buckets"]}


@guarded
def many_terms(spec: SearchSpec, fields: dict[str, int]) -> dict[str, dict]:
    """Several facet fields' counts over the same matches, in one pass."""
    return terms_passes([(spec, fields)])[0]


@guarded
def terms_passes(passes: list[tuple[SearchSpec, dict[str, int]]]) -> list[dict[str, dict]]:
    """many_terms for several searches at once, run side by side (tantivy releases the GIL while
    it aggregates, so a page's facet passes share the cores instead of queueing)."""
    return start_terms_passes(passes)()


@guarded
def start_terms_passes(passes: list[tuple[SearchSpec, dict[str, int]]]):
    """Start terms_passes in the engine's threads; return the function that waits for them."""
    jobs = [
        (spec, {name: {"terms": {"field": name, "size": size}} for name, size in fields.items()})
        for spec, fields in passes
    ]
    index, searcher = _searcher()  # here, not in a pool thread: tests' mirror reads the database
    found: list = [None] * len(jobs)
    running = {}
    for i, (spec, aggs) in enumerate(jobs):
        if not aggs:
            found[i] = {}
        elif spec.key() in _EVERYTHING:
            found[i] = aggregate(spec, aggs)
        else:
            query = build(index.schema, spec)[0]
            running[i] = _pool.submit(searcher.aggregate, query, aggs)

    @guarded
    def wait() -> list[dict[str, dict]]:
        for i, future in running.items():
            found[i] = future.result()
        return [
            {n: {_key(b["key"]): b["doc_count"] for b in result[n]["buckets"]} for n in result}
            for result in found
        ]

    return wait


def _key(value):
    return int(value) if isinstance(value, float) else value


@guarded
def all_ids(spec: SearchSpec, *, sort: str = "newest") -> list[int]:
    """Every match's id in the sort asked for (exports)."""
    total = count(spec)
    if not total:
        return []
    if sort == "relevance" and spec.text:
        return search(spec, sort="relevance", limit=total).ids
    return search(spec, sort=sort, limit=total).ids
