"""Time the counting alone: bitmaps (statements/alignment/queries.py) against the SQL self-join it
replaced (commit 24263c5), alternating in one process on a database kept by alignment.py.

    .venv/bin/python benchmarks/alignment.py --statements 100000 --keep --database bench_align_100k
    .venv/bin/python benchmarks/alignment_counting.py --database bench_align_100k

Checks first that both give the same figures for every pair of the 15 countries, then prints
p50/p95 of each for 15 and for 2 delegations (--runs each, alternating).
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.alignment import FIFTEEN  # noqa: E402
from benchmarks.retag import setup_django  # noqa: E402

SQL_VERSION = "24263c5"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="bench_align_100k")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    setup_django()
    from django.db import connection

    connection.settings_dict["NAME"] = args.database
    from statements.alignment import params, queries
    from statements.models import Delegation

    sql = _old_queries()
    decisions = params.decisions_in({})

    def ids(codes: list[str]) -> list[int]:
        return list(Delegation.objects.filter(code__in=codes).values_list("id", flat=True))

    fifteen, two = ids(FIFTEEN), ids(["USA", "RUS"])
    new = {k: v.as_dict() for k, v in queries.pairs(decisions, fifteen).items()}
    old = {k: v.as_dict() for k, v in sql.pairs(decisions, fifteen).items()}
    assert new == old, "the two countings differ"
    print(f"bitmaps and SQL self-join agree on all {len(new)} pairs")
    for name, group in (("15", fifteen), ("2", two)):
        bitmaps, joins = [], []
        for _ in range(args.runs):
            bitmaps.append(_time(queries.pairs, decisions, group))
            joins.append(_time(sql.pairs, decisions, group))
        print(f"{name} delegations: bitmaps {_p(bitmaps)}; SQL self-join {_p(joins)}")


def _old_queries():
    source = subprocess.run(
        ["git", "show", f"{SQL_VERSION}:statements/alignment/queries.py"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    path = Path(tempfile.mkdtemp()) / "sql_queries.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("sql_queries", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _time(count, decisions, group) -> float:
    started = time.perf_counter()
    count(decisions, group)
    return (time.perf_counter() - started) * 1000


def _p(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return f"p50 {statistics.median(ordered):.0f} / p95 {p95:.0f} ms"


if __name__ == "__main__":
    main()
