"""Run inside a node's environment (`manage.py shell -c`): compare indexes with PostgreSQL.

Prints one JSON line, a report per index folder named in PROBE_INDEX_DIRS: the ids and facet
counts of every statement in that index and in the primary, and whether they are equal
(PostgreSQL's rows read through the same document definition the indexer uses).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

FACETS = ("kind", "body", "delegation", "review", "themes", "year")


def expected() -> tuple[list[int], dict[str, dict]]:
    from statements.search.index import documents

    rows = [dict(zip(documents.COLUMNS, row, strict=True)) for row in documents.rows()]
    counts: dict[str, Counter] = {name: Counter() for name in FACETS}
    for r in rows:
        for name in ("kind", "body", "delegation", "review"):
            if r[name]:
                counts[name][r[name]] += 1
        counts["themes"].update(set(r["themes"]))
        counts["year"][r["ymd"] // 10000] += 1
    return sorted(r["id"] for r in rows), {
        k: {str(a): b for a, b in v.items()} for k, v in counts.items()
    }


def found() -> tuple[list[int], dict[str, dict]]:
    from statements.search.index import engine
    from statements.search.index.query import SearchSpec

    spec = SearchSpec(all_kinds=True)
    fields = {"kind": 50, "body": 200, "delegation": 1000, "review": 20, "theme": 1000, "year": 200}
    terms = engine.many_terms(spec, fields)
    terms["themes"] = terms.pop("theme")
    return sorted(engine.all_ids(spec)), {
        k: {str(a): b for a, b in v.items()} for k, v in terms.items()
    }


def main() -> None:
    """One report per index folder named in PROBE_INDEX_DIRS (one JSON list)."""
    from django.conf import settings

    from statements.search.index import store

    pg = expected()
    reports = []
    for folder in json.loads(os.environ["PROBE_INDEX_DIRS"]):
        settings.SEARCH_INDEX_DIR = Path(folder)
        store.forget()
        reports.append(compare(folder, pg))
    print(json.dumps(reports))


def compare(folder: str, pg: tuple[list[int], dict]) -> dict:
    pg_ids, pg_facets = pg
    try:
        ids, facets = found()
    except Exception as exc:  # noqa: BLE001 - reported to the test, which fails on it
        return {"folder": folder, "equal": False, "error": str(exc)}
    return {
        "folder": folder,
        "statements": len(pg_ids),
        "indexed": len(ids),
        "equal": ids == pg_ids and facets == pg_facets,
        "missing": sorted(set(pg_ids) - set(ids))[:20],
        "extra": sorted(set(ids) - set(pg_ids))[:20],
        "facets_differ": sorted(k for k in FACETS if facets.get(k) != pg_facets.get(k)),
    }
