"""Measure the statement export: rows a second and peak memory while it streams.

    PGDATA_DIR=var/pg-export DJANGO_DEBUG=1 .venv/bin/python benchmarks/export.py
    DATABASE_URL=postgres://... .venv/bin/python benchmarks/export.py --format jsonl --check

Runs the real export view (the URL /statements/export.csv with a query string, through
Django's request handling) over the statements already in the database the environment points
to, reads the whole streamed response as a client would, and prints rows, seconds, rows a
second, MB a second, time to the first byte and the process's peak resident memory (sampled
every 20 ms, and the kernel's high-water mark). --check exits 1 when the issue's figures are
missed: 20,000 rows a second or more, peak memory under 200 MB.

Fill a database of your own first, never the shared .pgdata, e.g.:
    PGDATA_DIR=var/pg-export DJANGO_DEBUG=1 .venv/bin/python manage.py migrate
    PGDATA_DIR=var/pg-export DJANGO_DEBUG=1 .venv/bin/python manage.py \
        generate_corpus --statements 1000000
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_ROWS_PER_SECOND = 20_000
TARGET_PEAK_MB = 200


@dataclass(frozen=True)
class Result:
    rows: int
    bytes: int
    seconds: float
    first_byte: float
    baseline_mb: float
    peak_mb: float
    high_water_mb: float

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0

    def report(self, fmt: str, query: str) -> str:
        return (
            f"export.{fmt}?{query}: {self.rows:,} rows, {self.bytes / 1e6:,.1f} MB in "
            f"{self.seconds:.1f} s = {self.rows_per_second:,.0f} rows/s "
            f"({self.bytes / 1e6 / self.seconds:,.1f} MB/s), first byte after "
            f"{self.first_byte * 1000:.0f} ms; RSS {self.baseline_mb:.0f} MB before, peak "
            f"{self.peak_mb:.0f} MB while streaming (kernel high-water mark "
            f"{self.high_water_mb:.0f} MB)"
        )


class PeakMemory:
    """Sample this process's resident memory in a thread; keep the highest value."""

    def __init__(self, interval: float = 0.02) -> None:
        import psutil

        self.process = psutil.Process()
        self.interval = interval
        self.peak = self.rss()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def rss(self) -> int:
        return self.process.memory_info().rss

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak = max(self.peak, self.rss())

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.rss())


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django

    django.setup()


def expected_rows(query: str) -> int:
    from django.http import QueryDict

    from statements.search.filters import StatementFilter
    from statements.search.index import engine

    return engine.count(StatementFilter(QueryDict(query)).spec())


def run(fmt: str, query: str) -> Result:
    """Stream the export through the test client, counting what arrives."""
    from django.test import Client

    client = Client()
    rows = expected_rows(query)
    baseline = PeakMemory().rss()
    size, first = 0, None
    started = time.perf_counter()
    with PeakMemory() as memory:
        response = client.get(f"/statements/export.{fmt}?{query}", HTTP_HOST="localhost")
        assert response.status_code == 200, response.status_code
        for chunk in response.streaming_content:
            first = first or time.perf_counter() - started
            size += len(chunk)
        response.close()
    seconds = time.perf_counter() - started
    high_water = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    return Result(
        rows, size, seconds, first or 0.0, baseline / 1e6, memory.peak / 1e6, high_water / 1e6
    )


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--format", choices=["csv", "jsonl"], default="csv", help="Export format")
    parser.add_argument(
        "--query",
        default="",
        help="Query string of the statements page to export (default: every statement)",
    )
    parser.add_argument("--repeat", type=int, default=1, help="Runs (the best is reported)")
    parser.add_argument(
        "--check",
        action="store_true",
        help=f"Exit 1 below {TARGET_ROWS_PER_SECOND:,} rows/s or at {TARGET_PEAK_MB} MB or more",
    )
    return parser.parse_args()


def main() -> None:
    args = _arguments()
    setup_django()
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    results = [run(args.format, args.query) for _ in range(args.repeat)]
    for result in results:
        print(result.report(args.format, args.query))
    best = max(results, key=lambda r: r.rows_per_second)
    peak = max(r.peak_mb for r in results)
    ok = best.rows_per_second >= TARGET_ROWS_PER_SECOND and peak < TARGET_PEAK_MB
    print(
        f"{'PASS' if ok else 'MISS'}: best {best.rows_per_second:,.0f} rows/s "
        f"(target {TARGET_ROWS_PER_SECOND:,}), peak {peak:.0f} MB (target < {TARGET_PEAK_MB})"
    )
    if args.check and not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
