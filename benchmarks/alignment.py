"""Time the alignment pages at scale: a two-country page and a 15-country matrix, p50 and p95.

    .venv/bin/python benchmarks/alignment.py --statements 100000

Creates the throwaway database ``bench_alignment`` (migrated), fills it with the synthetic archive
(``generate_corpus``: N statements, N/33 meetings since 1995) and synthetic decisions and votes at
the rates of statements/corpus/decisions.py, then requests through Django's test client (the
whole view: form, queries, template; no page cache):

* ``/alignment/?delegation=USA&delegation=RUS`` (every decision of the archive),
* ``/alignment/matrix/?delegation=...`` for 15 States (the five permanent members and ten others),
* ``/alignment/matrix/?group=council:YEAR`` (the Council of the year with most votes),

each --runs times after three warm-ups, and prints the vote table's size and p50/p95 per page.
The database is dropped afterwards (unless --keep; --existing measures a kept one again).
Goal: p95 under 200 ms at 1,000,000.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.retag import setup_django, throwaway_database  # noqa: E402

FIFTEEN = ["USA", "RUS", "CHN", "FRA", "GBR", "BRA", "IND", "ZAF", "NGA", "DEU", "JPN", "MEX",
           "EGY", "IDN", "AUS"]  # fmt: skip


def main() -> None:
    args = _arguments()
    os.environ.setdefault("DJANGO_RATELIMIT_ENABLE", "0")
    os.environ.setdefault("ANONYMOUS_STATEMENT_TIMEOUT_MS", "60000")
    setup_django()
    if args.existing:  # a database kept by an earlier run (--keep): measure again, fill nothing
        from django.core.management import call_command
        from django.db import connection

        from statements.decisions.models import Decision

        connection.settings_dict["NAME"] = args.database
        call_command("migrate", verbosity=0)  # a database kept by older code: this code's schema
        if not Decision.objects.exists():  # a kept fill that stopped before its votes
            fill_votes(args.seed)
        measure(args.runs)
        return
    with throwaway_database(args.database, keep=args.keep):
        fill(args.statements, args.seed)
        measure(args.runs)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=100_000, help="Synthetic statements")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=40, help="Timed requests per page")
    parser.add_argument("--database", default="bench_alignment", help="Throwaway database name")
    parser.add_argument("--keep", action="store_true", help="Keep the database afterwards")
    parser.add_argument(
        "--existing",
        action="store_true",
        help="Measure the kept --database again (its votes filled first if it has none)",
    )
    return parser.parse_args()


def fill(statements: int, seed: int) -> None:
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("generate_corpus", statements=statements, seed=seed, allow_shared=True,
                 no_progress=True)  # fmt: skip
    print(f"synthetic archive: {time.perf_counter() - started:.0f} s", flush=True)
    fill_votes(seed)


def fill_votes(seed: int) -> None:
    from django.db import connection, transaction

    from meetings.models import Meeting
    from statements.corpus.decisions import (
        DECISION_COLUMNS,
        VOTE_COLUMNS,
        DecisionLayout,
        MeetingRow,
        State,
    )  # fmt: skip
    from statements.corpus.loader import copy_rows
    from statements.models import Delegation

    started = time.perf_counter()
    states = [
        State(d.id, d.code, d.name, d.region)
        for d in Delegation.objects.filter(kind="member_state").order_by("id")
    ]
    meetings = [
        MeetingRow(m.id, m.date, m.body.slug, m.body.kind)
        for m in Meeting.objects.select_related("body").order_by("date", "id")
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) + 1 FROM statements_decision")
        layout = DecisionLayout(states, meetings, seed=seed, first_id=cursor.fetchone()[0])
        decisions = copy_rows(
            cursor, "statements_decision", DECISION_COLUMNS, layout.decision_rows()
        )
        votes = copy_rows(cursor, "statements_vote", VOTE_COLUMNS, layout.vote_rows())
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('statements_decision', 'id'), "
            "(SELECT max(id) FROM statements_decision))"
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) statements_decision")
        cursor.execute("VACUUM (ANALYZE) statements_vote")
    print(
        f"{len(meetings):,} meetings, {decisions:,} decisions, {votes:,} votes "
        f"({time.perf_counter() - started:.0f} s)",
        flush=True,
    )


def measure(runs: int) -> None:
    from django.db.models import Count
    from django.test import Client

    from statements.decisions.models import Vote

    busiest = (
        Vote.objects.filter(decision__meeting__body__slug="security-council")
        .values("decision__date__year")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    pages = {
        "two countries (USA, RUS)": "/alignment/?delegation=USA&delegation=RUS",
        "15-country matrix": "/alignment/matrix/?" + "&".join(f"delegation={c}" for c in FIFTEEN),
    }
    if busiest:
        year = busiest["decision__date__year"]
        pages[f"Council matrix {year}"] = f"/alignment/matrix/?group=council:{year}"
    client = Client(HTTP_HOST="localhost")
    for name, url in pages.items():
        for _ in range(3):
            assert client.get(url).status_code == 200, url
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        times.sort()
        p95 = times[max(0, round(0.95 * len(times)) - 1)]
        print(f"{name}: p50 {statistics.median(times):.0f} ms, p95 {p95:.0f} ms ({runs} runs)")


if __name__ == "__main__":
    main()
