#!/usr/bin/env python
"""The search mix on an embedded engine (tantivy), side by side with PostgreSQL's figures.

    .venv/bin/pip install tantivy==0.25.0      # only for this measurement
    PGDATA_DIR=var/pg-scale .venv/bin/python benchmarks/tantivy_side.py [--rebuild]

Builds (once) an index of every statement in var/tantivy-index from the benchmark database: text
(English stemming, positions for phrases), speaker and delegation as printed, and as exact fields
for facets the delegation code, body, session, kind, year, date and effective themes. Then, for
each word and facet combination of mix.json, times what the search page needs: the 20 best by
BM25 (or the 20 newest), the exact count, and exact facet counts (one terms aggregation each).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.search_mix import MIX, _libpq, percentile  # noqa: E402
from benchmarks.stack import ROOT, database_url  # noqa: E402

INDEX = ROOT / "var" / "tantivy-index"
FACETS = {"delegation": 300, "body": 30, "theme": 100, "kind": 10, "session": 100, "year": 50}
EXPORT_SQL = """
SELECT s.id, s.text, s.speaker_label || ' ' || s.delegation_label, coalesce(d.code, ''),
       b.slug, coalesce(m.session, 0), s.kind, s.date,
       coalesce((SELECT array_agg(DISTINCT t.slug) FROM statements_statementtheme st
                 JOIN statements_theme t ON t.id = st.theme_id
                 WHERE st.statement_id = s.id AND NOT st.is_removal), '{}')
FROM statements_statement s
JOIN meetings_meeting m ON m.id = s.meeting_id JOIN meetings_body b ON b.id = m.body_id
LEFT JOIN statements_delegation d ON d.id = s.delegation_id
"""


def schema():
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    builder.add_text_field("text", tokenizer_name="en_stem", index_option="position")
    builder.add_text_field("names", tokenizer_name="en_stem", index_option="position")
    for name in ("delegation", "body", "theme", "kind"):
        builder.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    for name in ("session", "year", "date"):
        builder.add_integer_field(name, indexed=True, fast=True)
    return builder.build()


def build(url: str) -> float:
    """Index every statement; return the seconds it took."""
    import psycopg
    import tantivy

    started = time.perf_counter()
    INDEX.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(schema(), path=str(INDEX), reuse=False)
    writer = index.writer(heap_size=512_000_000, num_threads=2)
    with psycopg.connect(_libpq(url)) as conn, conn.cursor(name="export") as cursor:
        cursor.itersize = 5000
        cursor.execute(EXPORT_SQL)
        for row in cursor:
            writer.add_document(_document(row))
    writer.commit()
    writer.wait_merging_threads()
    return time.perf_counter() - started


def _document(row):
    import tantivy

    pk, text, names, code, body, session, kind, day, themes = row
    doc = tantivy.Document(id=pk, text=text, names=names, body=body, kind=kind)
    doc.add_integer("session", session)
    doc.add_integer("year", day.year)
    doc.add_integer("date", day.year * 10000 + day.month * 100 + day.day)
    if code:
        doc.add_text("delegation", code)
    for theme in themes:
        doc.add_text("theme", theme)
    return doc


def query_for(index, word: str | None, facets: dict[str, str]):
    import tantivy

    parts = []
    if word:
        parts.append((tantivy.Occur.Must, index.parse_query(word, ["text", "names"])))
    for field, value in facets.items():
        term = tantivy.Query.term_query(index.schema, field, value)
        parts.append((tantivy.Occur.Must, term))
    parts.append((tantivy.Occur.MustNot, tantivy.Query.term_query(index.schema, "kind", "summary")))
    if not word:
        parts.append((tantivy.Occur.Must, tantivy.Query.all_query()))
    return tantivy.Query.boolean_query(parts)


def page(searcher, query, by_date: bool) -> int:
    """The 20 results, the exact count and every facet's counts: what the page shows."""
    import tantivy

    if by_date:
        result = searcher.search(
            query, 20, count=True, order_by_field="date", order=tantivy.Order.Desc
        )
    else:
        result = searcher.search(query, 20, count=True)
    aggs = {name: {"terms": {"field": name, "size": size}} for name, size in FACETS.items()}
    searcher.aggregate(query, aggs)
    return result.count


def run(repeat: int) -> None:
    import tantivy

    mix = json.loads(MIX.read_text("utf-8"))
    index = tantivy.Index.open(str(INDEX))
    index.reload()
    searcher = index.searcher()
    print(f"{searcher.num_docs:,} documents\n")
    print(f"{'variant (ms)':<34} {'matches':>9} {'p50':>7} {'max':>7}")
    every = []
    for kind, word in [*mix["words"].items(), ("browse", None)]:
        for n in range(len(mix["facets"]) + 1):
            facets = {k: v for f in mix["facets"][:n] for k, v in f.items()}
            for sort in ("relevance", "date"):
                if word is None and sort == "relevance":
                    continue
                query = query_for(index, word, facets)
                page(searcher, query, sort == "date")
                times = []
                for _ in range(repeat):
                    started = time.perf_counter()
                    count = page(searcher, query, sort == "date")
                    times.append((time.perf_counter() - started) * 1000)
                every += times
                label = f"{kind}, {n} facets, {sort}"
                print(
                    f"{label:<34} {count:>9,} {statistics.median(times):>7.1f} {max(times):>7.1f}"
                )
    p50, p95, p99 = (percentile(every, p) for p in (50, 95, 99))
    print(f"\nALL: p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms, max {max(every):.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rebuild", action="store_true", help="Index again from the database")
    parser.add_argument("--repeat", type=int, default=5, help="Timed runs of each variant")
    args = parser.parse_args()
    if args.rebuild or not (INDEX / "meta.json").exists():
        print(f"Indexed in {build(database_url()):.0f} s", flush=True)
    run(args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
