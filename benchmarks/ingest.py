"""Print how fast releases are parsed and written: the sample release, then a folder's worth.

    DJANGO_DEBUG=1 python benchmarks/ingest.py [--releases 60]

Runs against the configured database, each release in its own transaction as the command does;
the benchmark's releases (symbols GA/BENCH-…) and the speakers only they use are deleted at the
end, and the indexer then applies the outbox (the triggers recorded the deletions), so the
benchmark's statements leave the search index too: the script checks that none is still found.
The bulk run ingests variants of the sample release (its 77 statements each, different symbols
and meeting numbers) through the same path as `ingest_press_releases`.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from meetings.models import Release  # noqa: E402
from statements.ingest import ingest_source  # noqa: E402
from statements.ingest.release_files import iter_release_files  # noqa: E402
from statements.models import Speaker, Statement  # noqa: E402
from statements.search.index import engine, indexer  # noqa: E402
from statements.search.index.query import SearchSpec  # noqa: E402

SAMPLE = next(iter_release_files([Path(__file__).resolve().parents[1] / "statements/sample_data"]))
MEETING_LINE = b"38th & 39th Meetings"
STARTED = timezone.now()


def variant(source: bytes, n: int) -> bytes:
    """The sample release as another meeting: a different meeting number, so different bytes."""
    return source.replace(MEETING_LINE, f"{100 + n}th Meeting".encode())


def main() -> None:
    """Time the sample release alone, then the bulk run, and print both."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=60, help="Releases in the bulk run")
    args = parser.parse_args()
    source = SAMPLE.read_bytes()
    try:
        started = time.perf_counter()
        ingest_source(
            source=source,
            source_name=SAMPLE.name,
            overrides={"symbol": "GA/BENCH-0", "confirm_date": True},
            via="benchmark",
        )
        single = time.perf_counter() - started
        started = time.perf_counter()
        for n in range(1, args.releases + 1):
            ingest_source(
                source=variant(source, n),
                source_name=f"bench-{n}.txt",
                overrides={"symbol": f"GA/BENCH-{n}", "confirm_date": True},
                via="benchmark",
            )
        bulk = time.perf_counter() - started
    finally:
        _clean_up()
    print(f"sample release (77 statements, 68 new speakers), parse + write: {single * 1000:.0f} ms")
    print(
        f"bulk: {args.releases} releases in {bulk:.2f} s = {args.releases / bulk:.1f} releases/s "
        f"({args.releases * 77 / bulk:,.0f} statements/s)"
    )


def _clean_up() -> None:
    """Delete the benchmark's releases and the speakers nothing else uses, then let the indexer
    apply the deletions (the outbox the triggers wrote) and check the index no longer has them."""
    releases = Release.objects.filter(symbol__startswith="GA/BENCH-")
    rows = Statement.objects.filter(meeting__release__in=releases).values_list("pk", "date")
    ids, days = {pk for pk, _ in rows}, {day for _, day in rows}
    with transaction.atomic():
        releases.delete()
        Speaker.objects.filter(statements__isnull=True, created_at__gte=STARTED).delete()
    indexer.catch_up()
    if not days:
        return
    spec = SearchSpec(date_from=min(days), date_to=max(days), all_kinds=True)
    left = ids & set(engine.all_ids(spec))
    if left:
        raise SystemExit(f"{len(left)} deleted benchmark statements are still in the index.")


if __name__ == "__main__":
    main()
