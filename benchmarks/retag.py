"""Time re-tagging every statement, in a throwaway database filled with synthetic statements.

    DJANGO_DEBUG=1 .venv/bin/python benchmarks/retag.py --statements 100000

Creates the database ``bench_retag`` (migrated: the shipped taxonomy is loaded), fills it with
meetings of 70 statements whose texts join two paragraphs of real and labelled release text
(tests/themes/labelled.json; --seed-heavy for a worst case), runs ``retag_all()`` twice (into an
empty tag table, then replacing every automatic tag) and the per-meeting ``tag_meeting()`` of
ingest, prints statements per second, and drops the database (unless --keep). The shared
development database is never touched.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PER_MEETING = 70
TARGET = 1_000_000


def main() -> None:
    """Parse arguments, set up Django and a throwaway database, and run the benchmark."""
    args = _arguments()
    setup_django()
    with throwaway_database(args.database, keep=args.keep):
        run(args.statements, seed_heavy=args.seed_heavy)


def setup_django() -> None:
    """Configure Django from the project's settings (the embedded PostgreSQL by default)."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django

    django.setup()


@contextmanager
def throwaway_database(name: str, *, keep: bool = False) -> Iterator[None]:
    """Create and migrate a database of that name, use it, then drop it (unless keep)."""
    from django.db import connection

    connection.settings_dict["TEST"]["NAME"] = name
    original = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        yield
    finally:
        if not keep:
            connection.creation.destroy_test_db(original, verbosity=0)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=100_000, help="How many statements")
    parser.add_argument("--database", default="bench_retag", help="Throwaway database name")
    parser.add_argument("--keep", action="store_true", help="Keep the database afterwards")
    parser.add_argument(
        "--seed-heavy",
        action="store_true",
        help="Draw every paragraph equally (mostly the trafficking debate): a worst case",
    )
    return parser.parse_args()


def run(n: int, *, seed_heavy: bool = False) -> None:
    """Fill, then time the full re-tag twice and one meeting's tagging."""
    from statements.themes.tagging import retag_all, tag_meeting

    started = time.perf_counter()
    fill(n, seed_heavy=seed_heavy)
    print(f"Filled {n:,} statements in {time.perf_counter() - started:.0f} s.")
    for label in ("retag_all() into an empty tag table", "retag_all() replacing every tag"):
        started = time.perf_counter()
        result = retag_all()
        seconds = time.perf_counter() - started  # with the commit and its deferred FK checks
        rate = n / seconds
        print(
            f"{label}: {seconds:.1f} s, {rate:,.0f} statements/s "
            f"({result.rule_tags:,} rule tags, {result.agenda_tags:,} agenda tags, "
            f"{result.meeting_themes:,} agenda themes; {result.added:,} rows added, "
            f"{result.removed:,} removed); "
            f"1,000,000 statements at this rate: {TARGET / rate / 60:.1f} min"
        )
        print("  steps: " + ", ".join(f"{k} {v:.1f} s" for k, v in result.steps.items()))
    _time_one_meeting(tag_meeting)


def _time_one_meeting(tag_meeting) -> None:
    """Time tagging one meeting, as ingest does."""
    from meetings.models import Meeting

    meeting = Meeting.objects.order_by("id").first()
    started = time.perf_counter()
    tag_meeting(meeting)
    print(f"tag_meeting() for one meeting of {PER_MEETING}: {time.perf_counter() - started:.3f} s")


def fill(n: int, *, seed_heavy: bool = False) -> None:
    """Insert n statements in meetings of 70, in bulk (INSERT ... SELECT generate_series)."""
    from django.db import connection

    debates = _debates(seed_heavy)
    with connection.cursor() as cursor:
        _load_debates(cursor, debates)
        cursor.execute("DROP INDEX statement_search_gin")
        cursor.execute(_RELEASES, [max(1, n // PER_MEETING), len(debates)])
        cursor.execute(_MEETINGS)
        cursor.execute(_STATEMENTS, [len(debates), PER_MEETING, n])
        cursor.execute(
            "CREATE INDEX statement_search_gin ON statements_statement USING gin (search_vector)"
        )
        cursor.execute("VACUUM ANALYZE")


def _debates(seed_heavy: bool) -> list[tuple[str, list[str]]]:
    """Headlines with the paragraphs their meetings' statements are made of.

    Each labelled debate (tests/themes/labelled.json) is equally likely, and its meetings are made
    of its own paragraphs: the seed's trafficking debate is 1 subject in 25, as one is among many
    in a real archive. With seed_heavy every meeting draws from all 120 paragraphs, most of them
    from the trafficking debate: a worst case for the trafficking rules' index scans.
    """
    data = json.loads((ROOT / "tests" / "themes" / "labelled.json").read_text(encoding="utf-8"))
    every = [s["text"] for m in data["meetings"] for s in m["statements"]]
    return [
        (m["headline"], every if seed_heavy else [s["text"] for s in m["statements"]])
        for m in data["meetings"]
    ]


def _load_debates(cursor, debates: list[tuple[str, list[str]]]) -> None:
    """Copy the debates into temporary tables."""
    cursor.execute("CREATE TEMP TABLE bench_debates (k int PRIMARY KEY, n int, headline text)")
    cursor.execute("CREATE TEMP TABLE bench_paragraphs (k int, j int, t text, PRIMARY KEY (k, j))")
    with cursor.copy("COPY bench_debates (k, n, headline) FROM STDIN") as copy:
        for k, (headline, paragraphs) in enumerate(debates):
            copy.write_row((k, len(paragraphs), headline))
    with cursor.copy("COPY bench_paragraphs (k, j, t) FROM STDIN") as copy:
        for k, (_, paragraphs) in enumerate(debates):
            for j, text in enumerate(paragraphs):
                copy.write_row((k, j, text))


_RELEASES = """
    INSERT INTO meetings_release (symbol, date, date_inferred, headline, language,
        source_name, source_url, source_format, content_hash, parser_version,
        first_ingested_at, ingested_at)
    SELECT 'BENCH/' || g, date '1996-01-01' + (g %% 10000)::int, false, d.headline, 'en',
        'bench', '', '', md5(g::text) || md5((-g)::text), 'bench', now(), now()
    FROM generate_series(1, %s) g JOIN bench_debates d ON d.k = g %% %s
"""

_MEETINGS = """
    INSERT INTO meetings_meeting (release_id, body_id, session, numbers, part, date, title)
    SELECT r.id, (SELECT min(id) FROM meetings_body), NULL, '{}', '', r.date, r.headline
    FROM meetings_release r WHERE r.symbol LIKE 'BENCH/%%'
"""

# Each statement joins two paragraphs of its meeting's debate; the first is the lead summary.
_STATEMENTS = """
    INSERT INTO statements_statement (meeting_id, sequence, kind, date, speaker_label,
        delegation_label, title, on_behalf_of, aligned_with, text, created_at, updated_at)
    SELECT m.id, s.seq, CASE WHEN s.seq = 1 THEN 'summary' ELSE 'statement' END, m.date, '',
        'Delegation ' || (m.id * 31 + s.seq) %% 193, '', '', '',
        a.t || ' ' || b.t, now(), now()
    FROM meetings_meeting m
    JOIN meetings_release r ON r.id = m.release_id
    JOIN bench_debates d ON d.k = split_part(r.symbol, '/', 2)::int %% %s
    CROSS JOIN generate_series(1, %s) s(seq)
    JOIN bench_paragraphs a ON a.k = d.k AND a.j = (m.id * 7 + s.seq * 13) %% d.n
    JOIN bench_paragraphs b ON b.k = d.k AND b.j = (m.id * 11 + s.seq * 17 + 5) %% d.n
    ORDER BY m.id, s.seq
    LIMIT %s
"""


if __name__ == "__main__":
    main()
