#!/usr/bin/env python
"""CPU per search page, one reader's latency and a crowd's throughput, beside an older commit.

    .venv/bin/python benchmarks/search_crowd.py --corpus var/pg-1m:1000000 \\
        --corpus var/pg-3m:3000000
        [--baseline HEAD~3] [--repeat 3] [--clients 16] [--seconds 20] [--workers 2x8,4x2]
    .venv/bin/python benchmarks/search_crowd.py --corpus var/pg-scale:200000 --profile var/p.prof

Each `--corpus PGDATA:STATEMENTS` is reused when PGDATA holds a database, else built (migrate,
`generate_corpus --seed 1`, `rebuild_search_index`: minutes a million). For each corpus it prints,
side by side:

- **CPU per search page**, in-process (`time.process_time`, Django's test client, the site cache
  off: benchmarks/settings_nocache.py): the median of `--repeat` rounds in which the codes take
  turns (a fresh process each, every URL warmed once), per kind of the search mix
  (benchmarks/mix.json: common, mid, rare, no-match words, phrase, browse, each with 0-3
  facets and two sorts, deep pages, date ranges, OR and exclusion, and the JSON API).
  CPU time, not wall time: the machine is shared.
- **one client over HTTP**: p50/p95 ms per kind (gunicorn, one worker, cache off);
- **16 clients** for `--seconds` against each `--workers PROCESSESxTHREADS` gunicorn layout:
  searches/s, p50/p95, and the server's CPU per request (its processes' CPU time from /proc
  divided by the requests answered).

`--baseline REV` checks REV out with `git worktree` into a temporary directory and runs the same
measurements with its code against the same database and index: the last column is the ratio.
With two corpora or more, a last table puts them side by side for the current code (CPU mean,
one client's p50/p95 per kind, the crowd's throughput) and prints the largest corpus's p95 over
the smallest's (issue 27's goal: at most 1.2×).
`--profile FILE` writes a cProfile of the in-process pass (the current code) and prints its top.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.stack import ROOT, app_env, gunicorn_process  # noqa: E402

MIX = Path(__file__).with_name("mix.json")
SETTINGS = "benchmarks.settings_nocache"
_SIGNED = re.compile(rb"(cursor=[A-Za-z0-9_-]+)[^\"&]*")


# The URLs --------------------------------------------------------------------------------------


def search_urls(mix: dict) -> list[tuple[str, str]]:
    """(kind, path) of every search of the mix, plus ranges, OR, exclusion and the API."""
    words, facet_sets = mix["words"], mix["facets"]
    urls = []
    for kind, word in [*words.items(), ("browse", None)]:
        for n in range(len(facet_sets) + 1):
            chosen = {k: v for f in facet_sets[:n] for k, v in f.items()}
            for sort in ("relevance", "newest"):
                if word is None and sort == "relevance":
                    continue
                urls.append((kind, ({"q": word} if word else {}) | chosen | {"sort": sort}))
    for deep in mix["deep"]:
        query = {"q": words[deep["word"]]} if deep["word"] else {}
        query["sort"] = {"date": "newest"}.get(deep["sort"], deep["sort"])
        query |= {k: deep[k] for k in ("page", "before") if k in deep}
        urls.append(("deep page", query))
    for extra in mix["crowd_extra"]:
        quoted = {k: quote(v) for k, v in words.items()}
        urls.append((extra["kind"], extra["path"].format(**quoted)))
    return [(kind, path if isinstance(path, str) else _path(path)) for kind, path in urls]


def _path(query: dict) -> str:
    return "/statements/?" + urlencode(query, quote_via=quote)


# In-process CPU (run inside the code measured: this file is executed with --cpu) ---------------


def cpu_pass(urls: list[tuple[str, str]], repeat: int, profile: str | None) -> dict:
    """CPU ms per request of each URL (median of `repeat`), after one warming request."""
    import django
    from django.test import Client

    django.setup()
    client = Client()
    for _, path in urls:
        _get(client, path)
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
    out = []
    for kind, path in urls:
        times = []
        for _ in range(repeat):
            started = time.process_time()
            if profiler:
                profiler.enable()
            status, digest = _get(client, path)
            if profiler:
                profiler.disable()
            times.append((time.process_time() - started) * 1000)
        cpu = statistics.median(times)
        out.append({"kind": kind, "path": path, "cpu_ms": cpu, "status": status, "sha": digest})
    if profiler:
        profiler.dump_stats(profile)
    return {"urls": out}


def _get(client, path: str) -> tuple[int, str]:
    """GET the path; its status and the SHA-256 of its body (the codes must serve the same)."""
    response = client.get(path, HTTP_HOST="127.0.0.1")
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    body = _SIGNED.sub(rb"\1", body)  # a cursor's signature holds the time it was made
    return response.status_code, hashlib.sha256(body).hexdigest()


def run_cpu(app_dir: Path, url: str, urls, repeat: int, profile: str | None) -> dict:
    """Run cpu_pass in a fresh process with app_dir's code (its config and statements)."""
    env = app_env(url, settings_module=SETTINGS) | {"PYTHONPATH": f"{app_dir}:{ROOT}"}
    with tempfile.NamedTemporaryFile("w+", suffix=".json") as io:
        json.dump({"urls": urls, "repeat": repeat, "profile": profile}, io)
        io.flush()
        cmd = [sys.executable, str(Path(__file__).resolve()), "--cpu", io.name]
        subprocess.run(cmd, check=True, cwd=app_dir, env=env)
        io.seek(0)
        return json.load(io)


# Over HTTP -------------------------------------------------------------------------------------


def serve(env: dict[str, str], app_dir: Path, workers: int, threads: int):
    """gunicorn (gthread) from app_dir; a context that yields (base URL, master pid)."""
    return gunicorn_process(
        env, workers=workers, threads=threads, timeout=120, app_dir=app_dir, start_seconds=60
    )


def fetch(base: str, path: str) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(base + path, timeout=120) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        exc.read()
        status = exc.code
    return status, (time.perf_counter() - started) * 1000


def process_tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a process and its children, from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) == pid or int(fields[1]) == pid:  # fields[1]: the parent's pid
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def single_client(env, app_dir: Path, urls, repeat: int) -> list[dict]:
    """ms of each URL over HTTP, one at a time (one worker, one thread), after a warm-up."""
    out = []
    with serve(env, app_dir, 1, 1) as (base, _):
        for _, path in urls:
            fetch(base, path)
        for kind, path in urls:
            times = [fetch(base, path)[1] for _ in range(repeat)]
            out.append({"kind": kind, "path": path, "ms": times})
    return out


def crowd(env, app_dir: Path, urls, clients: int, seconds: float, workers: int, threads: int):
    """`clients` threads asking the mix in turn for `seconds`: throughput, latency, server CPU."""
    paths = [path for _, path in urls]
    with serve(env, app_dir, workers, threads) as (base, pid):
        for path in paths[:clients]:
            fetch(base, path)
        times, errors, lock = [], [0], threading.Lock()
        stop = time.monotonic() + seconds
        cpu_before, started = process_tree_cpu(pid), time.monotonic()

        def client(n: int) -> None:
            i = n * 7
            while time.monotonic() < stop:
                status, ms = fetch(base, paths[i % len(paths)])
                i += 1
                with lock:
                    times.append(ms)
                    errors[0] += status >= 500

        pool = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
        for t in pool:
            t.start()
        for t in pool:
            t.join()
        elapsed, cpu = time.monotonic() - started, process_tree_cpu(pid) - cpu_before
    return {
        "layout": f"{workers}x{threads}",
        "requests": len(times),
        "per_s": len(times) / elapsed,
        "p50": percentile(times, 50),
        "p95": percentile(times, 95),
        "cpu_ms": cpu * 1000 / max(1, len(times)),
        "errors": errors[0],
    }


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


# Corpora and the baseline ----------------------------------------------------------------------


def corpus_url(spec: str) -> tuple[str, Path, int]:
    """Start (and build when empty) the corpus PGDATA:STATEMENTS; return its URL, dir, size."""
    pgdata, _, size = spec.partition(":")
    path = (ROOT / pgdata).resolve()
    fresh = not (path / "PG_VERSION").exists()
    from config.embedded_postgres import embedded_database_url

    url = embedded_database_url(path)
    if fresh:
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "1", "PGDATA_DIR": str(path)}
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], check=True, env=env, cwd=ROOT)
        corpus = ["generate_corpus", "--statements", size or "1000000", "--seed", "1"]
        subprocess.run([*manage, *corpus], check=True, env=env, cwd=ROOT)
        subprocess.run([*manage, "rebuild_search_index"], check=True, env=env, cwd=ROOT)
    return url, path, int(size or 0)


@contextmanager
def checkout(rev: str | None):
    """A git worktree of rev in a temporary directory (None: nothing), removed afterwards."""
    if not rev:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="crowd-baseline-") as tmp:
        subprocess.run(["git", "worktree", "add", "--detach", tmp, rev], check=True, cwd=ROOT)
        try:
            yield Path(tmp)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", tmp], check=False, cwd=ROOT)


# Report ----------------------------------------------------------------------------------------


def by_kind(rows: list[dict], key: str) -> dict[str, list[float]]:
    grouped, every = defaultdict(list), []
    for row in rows:
        values = row[key] if isinstance(row[key], list) else [row[key]]
        grouped[row["kind"]] += values
        every += values
    grouped["all searches"] = every
    return grouped


def print_table(title: str, columns: list[tuple[str, dict[str, list[float]]]], ratio: bool):
    """mean, p50 and p95 per kind for each code, and baseline mean / now mean."""
    print(f"\n{title}")
    head = " | ".join(f"{name} mean | {name} p50 | {name} p95" for name, _ in columns)
    print(f"| kind | n | {head} |" + (" ratio (mean) |" if ratio else ""))
    print("|---|---:" + "|---:" * (3 * len(columns) + ratio) + "|")
    for kind, values in columns[0][1].items():
        cells, means = [], []
        for _, grouped in columns:
            found = grouped.get(kind, [])
            mean = statistics.fmean(found) if found else float("nan")
            p50, p95 = percentile(found, 50), percentile(found, 95)
            cells += [f"{mean:,.1f}", f"{p50:,.1f}", f"{p95:,.1f}"]
            means.append(mean)
        extra = f" {means[1] / means[0]:.2f}× |" if ratio and means[0] else ""
        print(f"| {kind} | {len(values)} | " + " | ".join(cells) + " |" + extra)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", default=[])
    parser.add_argument("--baseline", help="a git revision to run beside (e.g. HEAD~3)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", default="2x1,2x8,4x2", help="PROCESSESxTHREADS,...")
    parser.add_argument("--skip-http", action="store_true", help="only the in-process CPU")
    parser.add_argument("--profile", help="write a cProfile of the in-process pass here")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--cpu", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.cpu:
        sys.path.insert(0, os.getcwd())  # the code measured (--baseline's checkout) comes first
        job = json.loads(Path(args.cpu).read_text())
        Path(args.cpu).write_text(json.dumps(cpu_pass(job["urls"], job["repeat"], job["profile"])))
        return 0
    mix = json.loads(MIX.read_text())
    urls = search_urls(mix)
    report = {}
    with checkout(args.baseline) as old:
        for spec in args.corpus or ["var/pg-scale:"]:
            report[spec] = measure_corpus(spec, urls, old, args)
    if len(report) > 1:
        print_corpora(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    return 0


def print_corpora(report: dict) -> None:
    """The current code on every corpus side by side: CPU mean, one client's p50/p95 per kind,
    the crowd's throughput, and how the largest corpus's p95 compares with the smallest's."""
    specs = list(report)
    cpu = {s: by_kind(report[s]["cpu"]["now"], "cpu_ms") for s in specs}
    http = {s: by_kind(report[s]["http"].get("now", []), "ms") for s in specs}
    print("\nThe corpora side by side (this code): CPU mean ms · one client p50 / p95 ms")
    print("| kind | " + " | ".join(specs) + " |")
    print("|---|" + "---:|" * len(specs))
    for kind in cpu[specs[0]]:
        cells = []
        for s in specs:
            found = http[s].get(kind, [])
            cells.append(
                f"{statistics.fmean(cpu[s][kind]):.1f} · "
                f"{percentile(found, 50):.0f} / {percentile(found, 95):.0f}"
            )
        print(f"| {kind} | " + " | ".join(cells) + " |")
    for s in specs:
        for row in report[s]["crowd"].get("now", []):
            print(
                f"{s}: {row['layout']} {row['per_s']:.1f} searches/s, p95 {row['p95']:.0f} ms, "
                f"{row['cpu_ms']:.1f} ms CPU a request"
            )
    first, last = (percentile(http[s]["all searches"], 95) for s in (specs[0], specs[-1]))
    if first == first and last == last and first:  # both measured (NaN is not equal to itself)
        print(f"p95 of all searches: {specs[-1]} / {specs[0]} = {last / first:.2f}× (goal ≤ 1.2×)")


def measure_corpus(spec: str, urls, old: Path | None, args) -> dict:
    url, pgdata, size = corpus_url(spec)
    os.environ["SEARCH_INDEX_DIR"] = str(pgdata.with_name(pgdata.name + "-search-index"))
    print(f"\n## {spec}: {size:,} statements; load {_load()}", flush=True)
    codes = [("now", ROOT)] + ([("baseline", old)] if old else [])
    result = {"cpu": {}, "http": {}, "crowd": {}}
    rounds: dict[str, list[list[dict]]] = {name: [] for name, _ in codes}
    for n in range(args.repeat):  # the codes take turns, so a change of load hits both alike
        for name, app_dir in codes:
            profile = args.profile if name == "now" and n == 0 else None
            rounds[name].append(run_cpu(app_dir, url, urls, 1, profile)["urls"])
    for name, found in rounds.items():
        result["cpu"][name] = [
            row | {"cpu_ms": statistics.median(r["cpu_ms"] for r in same)}
            for row, *same in zip(found[0], *found, strict=True)
        ]
    columns = [(n, by_kind(result["cpu"][n], "cpu_ms")) for n, _ in codes]
    print_table(f"CPU ms per request, in-process (load {_load()})", columns, bool(old))
    if old:
        _print_differences(result["cpu"]["now"], result["cpu"]["baseline"])
    if args.profile:
        _print_profile(args.profile)
    if args.skip_http:
        return result
    env = app_env(url, settings_module=SETTINGS)
    for name, app_dir in codes:
        result["http"][name] = single_client(env, app_dir, urls, args.repeat)
    columns = [(n, by_kind(result["http"][n], "ms")) for n, _ in codes]
    print_table(f"One client over HTTP, ms (load {_load()})", columns, bool(old))
    print(f"\n{args.clients} clients, {args.seconds:.0f} s each")
    print("| code | processes×threads | searches/s | p50 ms | p95 ms | CPU ms/request | 5xx | load")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    for name, app_dir in codes:
        for layout in args.workers.split(","):
            workers, threads = (int(x) for x in layout.split("x"))
            row = crowd(env, app_dir, urls, args.clients, args.seconds, workers, threads)
            result["crowd"].setdefault(name, []).append(row)
            print(
                f"| {name} | {row['layout']} | {row['per_s']:.1f} | {row['p50']:.0f} | "
                f"{row['p95']:.0f} | {row['cpu_ms']:.1f} | {row['errors']} | {_load()} |",
                flush=True,
            )
    return result


def _print_differences(now: list[dict], baseline: list[dict]) -> None:
    """The URLs whose page differs between the two codes (the same data must give the same page)."""
    differ = [a["path"] for a, b in zip(now, baseline, strict=True) if a["sha"] != b["sha"]]
    print(f"\npages identical to the baseline's: {len(now) - len(differ)} of {len(now)}")
    for path in differ:
        print(f"  differs: {path}")


def _load() -> str:
    return Path("/proc/loadavg").read_text().split(" ", 1)[0]


def _print_profile(path: str) -> None:
    import pstats

    stats = pstats.Stats(path)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    sys.exit(main())
