"""Two nodes' indexers on one database: confirm-to-searchable on the second node, and the cost of
a retag that changes 1% of the tags.

    PGDATA_DIR=var/pg-bench .venv/bin/python benchmarks/multinode.py --statements 100000

Migrates, fills an empty database with `generate_corpus` (synthetic, tagged), builds two index
folders (var/bench-multinode/node-1, node-2) and runs a `run_indexer` on each, as two machines
would.
Then prints:

- confirm-to-searchable: a release ingested (its transaction committed) until a search on node
  2's index finds it, several times;
- a retag that changes 1% of the tags: the retag's own time, the statements its outbox entries
  name, the time until node 2 has applied them, and an ordinary release's confirm-to-searchable
  on node 2 while that bulk change is applied (it is not queued behind it);
- a retag that changes nothing: the outbox entries it writes (0);
- one UPDATE of every statement: how long node 2 takes to apply it, and an ordinary release's
  confirm-to-searchable on node 2 meanwhile.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "var" / "bench-multinode"
BASE = 10_000 + int(time.time()) // 10 % 80_000  # new meeting numbers each run: new releases
TEXT = """Security Council
{number}th Meeting (PM)

Security Council Hears Briefing on Sanctions | Meetings Coverage and Press Releases

The Security Council today heard a briefing on sanctions.

The representative of France said {marker} must be respected.  He called for unity.

The representative of China said his delegation supported the Committee.  Dialogue is key.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--statements", type=int, default=100_000, help="Corpus size")
    parser.add_argument("--runs", type=int, default=5, help="Confirm-to-searchable samples")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["SEARCH_INDEX_APPLY_ON_COMMIT"] = "0"  # the indexers write, never this process
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    fill(args.statements)
    indexers = [start_node(n) for n in (1, 2)]
    try:
        report(args.runs)
    finally:
        for process in indexers:
            process.terminate()
            process.wait(timeout=60)


def env_of(node: int) -> dict[str, str]:
    return {
        **os.environ,
        "SEARCH_INDEX_DIR": str(FOLDER / f"node-{node}"),
        "SEARCH_INDEX_NODE": f"bench-{node}",
    }


def fill(n: int) -> None:
    from django.core.management import call_command

    from statements.models import Statement

    call_command("migrate", verbosity=0)
    if not Statement.objects.exists():
        call_command("generate_corpus", statements=n, no_progress=True)
    print(f"corpus: {Statement.objects.count():,} statements", flush=True)


def start_node(node: int) -> subprocess.Popen:
    """Build the node's index (unless an earlier run did), then run its indexer."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    started = time.perf_counter()
    if not (FOLDER / f"node-{node}" / "CURRENT").exists():
        subprocess.run(
            [*manage, "rebuild_search_index", "--no-progress"], env=env_of(node), check=True
        )
        print(f"node {node}: index built in {time.perf_counter() - started:.1f} s", flush=True)
    args = [*manage, "run_indexer", "--interval", "0.2"]
    return subprocess.Popen(args, env=env_of(node), stdout=subprocess.DEVNULL)


def on_node(node: int) -> None:
    """Point this process's searches at a node's index folder."""
    from django.conf import settings

    from statements.search.index import store

    settings.SEARCH_INDEX_DIR = FOLDER / f"node-{node}"
    store.forget()


def ingest(number: int) -> str:
    from statements.ingest import ingest_source

    marker = f"benchmarker{number}"
    source = TEXT.format(number=number, marker=marker).encode()
    day = date(2025, 2, number % 28 + 1)
    overrides = {"symbol": f"SC/{number}", "date": day, "confirm_date": True}
    ingest_source(source=source, source_name=f"{number}.txt", overrides=overrides, via="bench")
    return marker


def searchable(marker: str, node: int = 2, limit: float = 600) -> float:
    """Seconds from now until `marker` is found on the node's index."""
    from statements.search.index import engine
    from statements.search.index.query import SearchSpec

    on_node(node)
    started = time.perf_counter()
    while not engine.count(SearchSpec(text=marker)):
        assert time.perf_counter() - started < limit, marker
        time.sleep(0.02)
    return time.perf_counter() - started


def applied(node: int, limit: float = 3600) -> float:
    """Seconds from now until the node's index has applied every committed entry."""
    from statements.search.index import health

    on_node(node)
    started = time.perf_counter()
    while health.lag().pending:
        assert time.perf_counter() - started < limit
        time.sleep(0.1)
    return time.perf_counter() - started


def warm_up(limit: float = 300) -> None:
    """Until both indexers have polled (their heartbeat is newer than this call)."""
    from django.utils import timezone

    from statements.search.models import IndexerStatus

    since, started = timezone.now(), time.perf_counter()
    beating = IndexerStatus.objects.filter(node__startswith="bench-", heartbeat_at__gt=since)
    while beating.count() < 2:
        assert time.perf_counter() - started < limit, "the indexers did not start"
        time.sleep(0.2)


def report(runs: int) -> None:
    warm_up()
    applied(2)
    times = []
    for i in range(runs):
        marker = ingest(BASE + i)
        times.append(searchable(marker))
    times.sort()
    print(f"confirm-to-searchable on node 2: p50 {times[len(times) // 2]:.2f} s, "
          f"max {times[-1]:.2f} s ({runs} releases)", flush=True)  # fmt: skip
    retag_one_percent()
    bulk_change()


def bulk_change() -> None:
    """Every statement changed by one UPDATE; a release confirmed meanwhile is not queued."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE statements_statement SET review_state = CASE review_state "
            "WHEN 'reviewed' THEN 'as_parsed' ELSE 'reviewed' END"
        )
        changed = cursor.rowcount
    marker = ingest(BASE + 98)
    during = searchable(marker)
    total = applied(2)
    print(f"one UPDATE of {changed:,} statements: node 2 applied it {during + total:.1f} s later "
          f"(in slices); a release confirmed right after it was searchable on node 2 after "
          f"{during:.2f} s", flush=True)  # fmt: skip


def retag_one_percent() -> None:
    from django.db import connection

    from statements.search.models import OutboxEntry
    from statements.themes.tagging import retag_all

    with connection.cursor() as cursor:  # 1% of the automatic tags go; the retag puts them back
        cursor.execute(
            "DELETE FROM statements_statementtheme WHERE source = 'rule' AND statement_id % 100 = 0"
        )
        removed = cursor.rowcount
    applied(1), applied(2)
    last = OutboxEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    started = time.perf_counter()
    result = retag_all()
    seconds = time.perf_counter() - started
    named = sum(len(e.statement_ids) for e in OutboxEntry.objects.filter(id__gt=last))
    marker = ingest(BASE + 99)
    during = searchable(marker)
    total = applied(2)
    print(f"retag changing 1% of tags ({removed:,} tags, {result.added:,} put back): retag "
          f"{seconds:.1f} s; outbox names {named:,} statements; node 2 applied them "
          f"{during + total:.1f} s after the retag; a release confirmed meanwhile was searchable "
          f"on node 2 after {during:.2f} s", flush=True)  # fmt: skip
    last = OutboxEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    started = time.perf_counter()
    retag_all()
    written = OutboxEntry.objects.filter(id__gt=last).count()
    print(f"retag changing nothing: {time.perf_counter() - started:.1f} s, "
          f"{written} outbox entries", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
