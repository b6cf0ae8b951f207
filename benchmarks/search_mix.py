#!/usr/bin/env python
"""Time the fixed request mix (benchmarks/mix.json) through gunicorn and HTTP, beside its bare SQL.

    PGDATA_DIR=var/pg-scale .venv/bin/python benchmarks/search_mix.py [--repeat 5] [--json out.json]
        [--postgres-app-dir var/pg-only]   # the PostgreSQL-only code beside, with the ratio

Starts gunicorn (one sync worker, DEBUG off; one client asks one URL at a time) on 127.0.0.1
against the benchmark database (see benchmarks/stack.py), with the site's cache off
(benchmarks/settings_nocache.py): every request pays for its queries, as a search nobody ran in the
last minutes does. It warms every URL once (PostgreSQL's and the OS's caches), then requests each
`--repeat` times. Then it serves with the real settings and times each URL again after a first
request filled the cache ("cached"). For every search it renders the page in-process (cache off)
to capture the SQL it runs, replays that SQL directly through psycopg, and prints HTTP time / SQL
time: what the Django layer costs.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.stack import ROOT, app_env, database_url, gunicorn, setup_django  # noqa: E402

MIX = Path(__file__).with_name("mix.json")
SLOW_MS = 300  # issue 14: no request over 300 ms


@dataclass
class Case:
    """One URL of the mix, its kind (for percentiles) and its timings."""

    kind: str
    label: str
    path: str
    search: bool = False
    http_ms: list[float] = field(default_factory=list)
    cached_ms: list[float] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    sql_ms: float | None = None
    queries: int | None = None
    slowest: tuple[float, str] | None = None
    matches: int | None = None


# The mix ------------------------------------------------------------------------------------


def search_cases(mix: dict) -> list[Case]:
    """Each word alone and with 1, 2 and 3 facets, by relevance and by date; browse; deep pages."""
    p, words, cases = mix["params"], mix["words"], []
    for word_kind, word in [*words.items(), ("browse", None)]:
        for n in range(len(mix["facets"]) + 1):
            facets = {k: v for f in mix["facets"][:n] for k, v in f.items()}
            for sort_name, sort in mix["sorts"].items():
                if word is None and sort_name == "relevance":
                    continue
                query = ({p["query"]: word} if word else {}) | facets | {p["sort"]: sort}
                label = f"{word_kind}, {n} facet{'s' * (n != 1)}, {sort_name}"
                cases.append(Case(f"search: {word_kind}", label, _search_url(mix, query), True))
    for deep in mix["deep"]:
        query = {p["query"]: words[deep["word"]]} if deep["word"] else {}
        query[p["sort"]] = mix["sorts"][deep["sort"]]
        query |= {p[k]: deep[k] for k in ("page", "before") if k in deep}
        cases.append(Case("search: deep page", deep["label"], _search_url(mix, query), True))
    return cases


def _search_url(mix: dict, query: dict) -> str:
    return mix["search_path"] + "?" + urlencode(query, quote_via=quote)


def page_cases(mix: dict, cursor) -> list[Case]:
    """Speaker, country, meeting, theme and statement pages, chosen by the mix's SQL."""
    cases = []
    for kind, spec in mix["pages"].items():
        cursor.execute(spec["sql"])
        for (value,) in cursor.fetchall():
            cases.append(Case(f"page: {kind}", str(value), spec["path"].format(value)))
    for kind, paths in mix.get("fixed_pages", {}).items():
        cases += [Case(f"list: {kind}", path, path) for path in paths]
    return cases


def export_case(mix: dict) -> Case:
    words = {k: quote(v) for k, v in mix["words"].items()}
    return Case("export", "export (first 1 MB)", mix["export"]["path"].format(**words))


# Measuring ----------------------------------------------------------------------------------


def fetch(base: str, case: Case, limit: int | None = None) -> tuple[int, float]:
    """GET the URL; return its status and milliseconds (reading at most `limit` bytes)."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(base + case.path, timeout=120) as response:
            response.read(limit) if limit else response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        exc.read()
        status = exc.code
    return status, (time.perf_counter() - started) * 1000


def run_http(env: dict[str, str], cases: list[Case], repeat: int, app_dir: Path) -> None:
    """Cache off: warm every URL once, then time `repeat` rounds over the whole mix."""
    with gunicorn(env, workers=1, app_dir=app_dir) as base:
        for case in cases:
            fetch(base, case, _limit(case))
        for _ in range(repeat):
            for case in cases:
                status, ms = fetch(base, case, _limit(case))
                case.statuses.append(status)
                case.http_ms.append(ms)


def run_cached(env: dict[str, str], cases: list[Case], app_dir: Path) -> None:
    """The site's own cache on: each URL once to fill it, then timed once."""
    with gunicorn(env, workers=1, app_dir=app_dir) as base:
        for case in cases:
            fetch(base, case, _limit(case))
            status, ms = fetch(base, case, _limit(case))
            case.statuses.append(status)
            case.cached_ms.append(ms)


def _limit(case: Case) -> int | None:
    return 1_000_000 if case.kind == "export" else None


def capture_sql(case: Case) -> list[str]:
    """Render the page in-process and return the SQL it ran, parameters inlined."""
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext
    from django.urls import resolve

    request = RequestFactory().get(case.path, HTTP_HOST="127.0.0.1")
    request.user = AnonymousUser()
    match = resolve(request.path)
    with CaptureQueriesContext(connection) as captured:
        match.func(request, *match.args, **match.kwargs)
    return [q["sql"] for q in captured.captured_queries]


def replay(conn, statements: list[str], repeat: int) -> tuple[float, tuple[float, str]]:
    """Run the SQL directly `repeat` times; return the median total and the slowest statement."""
    per_statement = []
    for sql in statements:
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            with conn.cursor() as cursor:
                cursor.execute(sql)
                if cursor.description:
                    cursor.fetchall()
            times.append((time.perf_counter() - started) * 1000)
        per_statement.append((statistics.median(times), sql))
    total = sum(ms for ms, _ in per_statement)
    return total, max(per_statement, default=(0.0, ""))


def measure_sql(url: str, cases: list[Case], repeat: int) -> None:
    import psycopg

    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        for case in cases:
            if case.search and 200 in case.statuses:
                statements = capture_sql(case)
                case.queries = len(statements)
                case.sql_ms, case.slowest = replay(conn, statements, repeat)


def count_matches(url: str, mix: dict) -> dict[str, int]:
    """How many statements each word of the mix matches (summaries included)."""
    import psycopg

    sql = (
        "SELECT count(*) FROM statements_statement"
        " WHERE search_vector @@ websearch_to_tsquery('english', %s)"
    )
    with psycopg.connect(_libpq(url), autocommit=True) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM statements_statement")
        counts = {"(all statements)": cursor.fetchone()[0]}
        for kind, word in mix["words"].items():
            cursor.execute(sql, [word])
            counts[f"{kind}: {word}"] = cursor.fetchone()[0]
    return counts


def _libpq(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


# Reporting ----------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))]


def print_report(cases: list[Case], counts: dict[str, int]) -> None:
    print("\nMatches per word:")
    for name, n in counts.items():
        print(f"  {name:<40} {n:>10,}")
    head = (
        f"{'search variant (ms)':<40} {'p50':>6} {'max':>6} {'cached':>6} {'SQL':>6} {'ratio':>5}"
    )
    print(f"\n{head} {'q':>3}  slowest SQL statement")
    for c in (c for c in cases if c.search):
        p50 = statistics.median(c.http_ms)
        ratio = p50 / c.sql_ms if c.sql_ms else float("nan")
        slow = f"{c.slowest[0]:.0f} ms {_shape(c.slowest[1])}" if c.slowest else ""
        print(
            f"{c.label:<40} {p50:>6.0f} {max(c.http_ms):>6.0f} {_median(c.cached_ms):>6.0f} "
            f"{(c.sql_ms or 0):>6.0f} {ratio:>5.2f} {c.queries or 0:>3}  {slow}"
        )
    print(
        f"\n{'kind (ms over HTTP; cache off)':<34} {'n':>4} {'p50':>7} {'p95':>7} {'p99':>7} "
        f"{'max':>7} {'cached p50':>10} {'p95':>7}"
    )
    groups = {
        kind: [c for c in cases if c.kind == kind] for kind in dict.fromkeys(c.kind for c in cases)
    }
    groups["ALL SEARCHES"] = [c for c in cases if c.search]
    groups["ALL PAGES"] = [c for c in cases if c.kind.startswith("page")]
    for name, members in groups.items():
        print(summary_row(name, members))
    _print_problems(cases)


def print_comparison(cases: list[Case], baseline: list[Case]) -> None:
    """Per kind: this code beside the PostgreSQL-only code, same mix, same run, cache off."""
    print(
        f"\n{'kind (ms, cache off)':<28} {'p50':>7} {'p95':>7} {'PG p50':>8} {'PG p95':>8} "
        f"{'p50 ×':>6} {'p95 ×':>6}"
    )
    for name, mine, theirs in _paired_groups(cases, baseline):
        a = [ms for c in mine for ms in c.http_ms]
        b = [ms for c in theirs for ms in c.http_ms]
        if not a or not b:
            continue
        p50, p95, q50, q95 = (percentile(v, p) for v in (a, b) for p in (50, 95))
        print(
            f"{name:<28} {p50:>7.0f} {p95:>7.0f} {q50:>8.0f} {q95:>8.0f} "
            f"{q50 / p50:>6.1f} {q95 / p95:>6.1f}"
        )


def _paired_groups(cases: list[Case], baseline: list[Case]):
    kinds = dict.fromkeys(c.kind for c in cases)
    for kind in kinds:
        yield kind, [c for c in cases if c.kind == kind], [c for c in baseline if c.kind == kind]
    yield "ALL SEARCHES", [c for c in cases if c.search], [c for c in baseline if c.search]


def summary_row(name: str, members: list[Case]) -> str:
    values = [ms for c in members for ms in c.http_ms]
    cached = [ms for c in members for ms in c.cached_ms]
    if not values:
        return f"{name:<34} (no data)"
    p50, p95, p99 = (percentile(values, p) for p in (50, 95, 99))
    cp50, cp95 = (percentile(cached, p) if cached else float("nan") for p in (50, 95))
    return (
        f"{name:<34} {len(values):>4} {p50:>7.0f} {p95:>7.0f} {p99:>7.0f} {max(values):>7.0f} "
        f"{cp50:>10.0f} {cp95:>7.0f}"
    )


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _shape(sql: str, width: int = 110) -> str:
    """The statement shortened for a terminal: table-qualified names without their tables."""
    short = re.sub(r'"\w+"\."(\w+)"', r"\1", sql)
    return " ".join(short.split())[:width]


def _print_problems(cases: list[Case]) -> None:
    errors = [(c, s) for c in cases for s in c.statuses if s >= 400]
    slow = [(c, ms) for c in cases for ms in c.http_ms if ms > SLOW_MS]
    for case, status in errors:
        print(f"ERROR {status}: {case.kind} {case.path}")
    for case, ms in slow:
        print(f"OVER {SLOW_MS} ms ({ms:.0f}): {case.kind} {case.path}")
    print(f"\n{len(errors)} errors, {len(slow)} requests over {SLOW_MS} ms.")


# Main ---------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mix", type=Path, default=MIX, help="The mix file (default mix.json)")
    parser.add_argument("--repeat", type=int, default=5, help="Timed rounds over the mix")
    parser.add_argument("--sql-repeat", type=int, default=3, help="Replays of each SQL statement")
    parser.add_argument("--only", default="", help="Only kinds containing this text")
    parser.add_argument("--json", type=Path, help="Also write the timings here")
    parser.add_argument(
        "--app-dir", type=Path, default=ROOT, help="Serve the code in this folder (default: here)"
    )
    parser.add_argument(
        "--postgres-app-dir",
        type=Path,
        help="Also serve the mix (cache off) from this PostgreSQL-only checkout and print its "
        "figures beside, with the ratio (e.g. `git archive 520d35a | tar -x -C var/pg-only`)",
    )
    parser.add_argument(
        "--postgres-repeat", type=int, default=1, help="Timed rounds for the PostgreSQL-only code"
    )
    parser.add_argument("--no-sql", action="store_true", help="Skip the SQL capture and replay")
    args = parser.parse_args()
    mix = json.loads(args.mix.read_text("utf-8"))
    url = database_url()
    uncached = app_env(url, settings_module="benchmarks.settings_nocache")
    setup_django(uncached, args.app_dir)
    cases = _cases(mix, url, args.only)
    run_http(uncached, cases, args.repeat, args.app_dir)
    run_cached(app_env(url), cases, args.app_dir)
    _drop_missing_export(cases)
    if not args.no_sql:
        measure_sql(url, cases, args.sql_repeat)
    counts = count_matches(url, mix)
    print_report(cases, counts)
    if args.postgres_app_dir:
        baseline = [Case(c.kind, c.label, c.path, c.search) for c in cases]
        run_http(uncached, baseline, args.postgres_repeat, args.postgres_app_dir.resolve())
        print_comparison(cases, baseline)
    if args.json:
        _write_json(args.json, cases, counts)
    return 0


def _cases(mix: dict, url: str, only: str) -> list[Case]:
    import psycopg

    with psycopg.connect(_libpq(url), autocommit=True) as conn, conn.cursor() as cursor:
        cases = [*search_cases(mix), *page_cases(mix, cursor), export_case(mix)]
    return [c for c in cases if only in c.kind]


def _drop_missing_export(cases: list[Case]) -> None:
    for case in [c for c in cases if c.kind == "export" and 404 in c.statuses]:
        print(f"export: {case.path} answers 404 (not built yet): left out of the figures.")
        cases.remove(case)


def _write_json(path: Path, cases: list[Case], counts: dict[str, int]) -> None:
    data = {
        "at": time.strftime("%Y-%m-%d %H:%M:%S"),
        "matches": counts,
        "cases": [
            asdict(c) | {"slowest": c.slowest[1][:2000] if c.slowest else None} for c in cases
        ],
    }
    path.write_text(json.dumps(data, indent=1, default=str), "utf-8")


if __name__ == "__main__":
    sys.exit(main())
