"""Write a synthetic archive with COPY, and remove it again, in single transactions.

The statements table's secondary indexes, unique and foreign-key constraints are dropped for the
load and rebuilt after it (one sort per index instead of a million insertions; no queued deferred
foreign-key checks), all inside the load's transaction: if the load fails or is killed, PostgreSQL
rolls everything back, indexes included. The drop takes an exclusive lock on the statements table,
so pages that read statements wait for the load to finish: load on a database not serving readers.

Synthetic rows are marked: releases have ``source_format = 'synthetic'`` (and parser_version and
source_name ``synthetic``, symbols like ``SC/SYN-123``); speakers' slugs end in ``-syn<id>``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from statements.corpus.layout import SYMBOL_MARK, ArchiveLayout

SYNTHETIC = "synthetic"
STATEMENTS = "statements_statement"
RELEASE_COLUMNS = (
    "id, symbol, date, date_inferred, headline, language, source_name, source_url, "
    "source_format, content_hash, parser_version, first_ingested_at, ingested_at"
)
RELEASE_SOURCE_COLUMNS = "release_id, data"
MEETING_COLUMNS = "id, release_id, body_id, session, numbers, part, date, title"
SPEAKER_COLUMNS = "id, name, slug, merged_into_id, created_at"
STATEMENT_COLUMNS = (
    "id, meeting_id, sequence, kind, date, speaker_id, speaker_label, delegation_id, "
    "delegation_label, title, on_behalf_of, on_behalf_of_delegation_id, aligned_with, "
    "summary_of_id, text, created_at, updated_at"
)
# Enough memory to sort each index in one pass (a session setting, not the server's).
BULK_SETTINGS = {"maintenance_work_mem": "1GB", "max_parallel_maintenance_workers": "2"}
Step = Callable[[str, float], None]


@dataclass(frozen=True)
class Rebuild:
    """How to put back an index or constraint dropped for the load."""

    name: str
    sql: str
    drop: str


def reserve_ids(cursor, table: str, count: int) -> int:
    """Take `count` ids from the table's identity sequence; return the first."""
    cursor.execute(
        "SELECT setval(pg_get_serial_sequence(%s, 'id'), "
        "nextval(pg_get_serial_sequence(%s, 'id')) + %s - 1)",
        [table, table, count],
    )
    return cursor.fetchone()[0] - count + 1


def lock_tables(cursor) -> None:
    """Keep writers out of the tables whose ids were reserved, until the load commits."""
    cursor.execute("SELECT pg_advisory_xact_lock(hashtext('statements.generate_corpus'))")
    cursor.execute(
        "LOCK TABLE meetings_release, meetings_meeting, statements_speaker IN EXCLUSIVE MODE"
    )


def apply_settings(cursor) -> None:
    for name, value in BULK_SETTINGS.items():
        cursor.execute("SELECT set_config(%s, %s, true)", [name, value])


def secondary_structures(cursor, table: str = STATEMENTS) -> list[Rebuild]:
    """The table's unique and foreign-key constraints, then its other non-primary indexes."""
    cursor.execute(
        """SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
        WHERE conrelid = %s::regclass AND contype IN ('u', 'f') ORDER BY contype DESC, conname""",
        [table],
    )
    rebuilds = [
        Rebuild(
            name,
            f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}',
            f'ALTER TABLE {table} DROP CONSTRAINT "{name}"',
        )
        for name, definition in cursor.fetchall()
    ]
    cursor.execute(
        """SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indrelid = %s::regclass AND NOT x.indisprimary
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                          WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid)
        ORDER BY i.relname""",
        [table],
    )
    rebuilds += [Rebuild(name, sql, f'DROP INDEX "{name}"') for name, sql in cursor.fetchall()]
    return rebuilds


def copy_rows(cursor, table: str, columns: str, rows: Iterable[tuple], tick=None) -> int:
    """COPY rows into the table; call tick(n) every 1,000 rows."""
    n = 0
    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            n += 1
            if tick and n % 1000 == 0:
                tick(1000)
    if tick:
        tick(n % 1000)
    return n


def load(cursor, layout: ArchiveLayout, *, tick, step: Step) -> dict[str, int]:
    """Write the layout's rows (inside the caller's transaction), indexes rebuilt after."""
    apply_settings(cursor)
    started = time.perf_counter()
    counts = {
        "releases": copy_rows(cursor, "meetings_release", RELEASE_COLUMNS, layout.release_rows()),
        "release sources": copy_rows(
            cursor, "meetings_releasesource", RELEASE_SOURCE_COLUMNS, layout.release_sources()
        ),
        "meetings": copy_rows(cursor, "meetings_meeting", MEETING_COLUMNS, layout.meeting_rows()),
        "speakers": copy_rows(cursor, "statements_speaker", SPEAKER_COLUMNS, layout.speaker_rows()),
    }
    # Run the queued foreign-key checks of those rows now: tables with pending trigger events
    # cannot be altered, and adding the statements' foreign keys alters the tables they point to.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    step("releases, meetings, speakers", time.perf_counter() - started)
    rebuilds = secondary_structures(cursor)
    for item in rebuilds:
        cursor.execute(item.drop)
    started = time.perf_counter()
    counts["statements"] = copy_rows(
        cursor, STATEMENTS, STATEMENT_COLUMNS, layout.statement_rows(), tick
    )
    step("statements (COPY, search vectors computed)", time.perf_counter() - started)
    for item in reversed(rebuilds):
        started = time.perf_counter()
        cursor.execute(item.sql)
        step(item.name, time.perf_counter() - started)
    return counts


def analyze(cursor, step: Step, *, vacuum: bool = True) -> None:
    """VACUUM ANALYZE the tables a load or removal changed; only ANALYZE inside a transaction.

    VACUUM sets the visibility map, so counts can use index-only scans; it cannot run in a
    transaction block (as in a test), where ANALYZE alone keeps the planner's statistics right.
    """
    for table in TOUCHED:
        started = time.perf_counter()
        cursor.execute(f"{'VACUUM (ANALYZE)' if vacuum else 'ANALYZE'} {table}")
        step(f"{'vacuum analyze' if vacuum else 'analyze'} {table}", time.perf_counter() - started)


TOUCHED = (
    "meetings_release",
    "meetings_releasesource",
    "meetings_meeting",
    "statements_speaker",
    STATEMENTS,
    "statements_statementtheme",
    "statements_meetingtheme",
)

_SYNTHETIC_MEETINGS = f"""SELECT m.id FROM meetings_meeting m
    JOIN meetings_release r ON r.id = m.release_id WHERE r.source_format = '{SYNTHETIC}'"""
_SYNTHETIC_SPEAKERS = f"""SELECT sp.id FROM statements_speaker sp
    WHERE sp.slug ~ '-{SYMBOL_MARK.lower()}[0-9]+$'
      AND NOT EXISTS (SELECT 1 FROM {STATEMENTS} s WHERE s.speaker_id = sp.id)"""
REMOVALS = [
    (
        "theme tags",
        f"""DELETE FROM statements_statementtheme t USING {STATEMENTS} s
        WHERE s.id = t.statement_id AND s.meeting_id IN ({_SYNTHETIC_MEETINGS})""",
    ),
    (
        "meeting themes",
        f"DELETE FROM statements_meetingtheme WHERE meeting_id IN ({_SYNTHETIC_MEETINGS})",
    ),
    (
        "retired ids",
        f"DELETE FROM statements_retiredstatement WHERE meeting_id IN ({_SYNTHETIC_MEETINGS})",
    ),
    ("statements", f"DELETE FROM {STATEMENTS} WHERE meeting_id IN ({_SYNTHETIC_MEETINGS})"),
    (
        "ingestions",
        f"""DELETE FROM meetings_ingestion i USING meetings_release r
        WHERE r.id = i.release_id AND r.source_format = '{SYNTHETIC}'""",
    ),
    ("meetings", f"DELETE FROM meetings_meeting WHERE id IN ({_SYNTHETIC_MEETINGS})"),
    (
        "release sources",
        f"""DELETE FROM meetings_releasesource s USING meetings_release r
        WHERE r.id = s.release_id AND r.source_format = '{SYNTHETIC}'""",
    ),
    ("releases", f"DELETE FROM meetings_release WHERE source_format = '{SYNTHETIC}'"),
    (
        "speaker merges",
        f"""UPDATE statements_speaker SET merged_into_id = NULL
        WHERE merged_into_id IN ({_SYNTHETIC_SPEAKERS})""",
    ),
    (
        "speaker aliases",
        f"DELETE FROM statements_speakeralias WHERE speaker_id IN ({_SYNTHETIC_SPEAKERS})",
    ),
    (
        "speaker redirects",
        f"DELETE FROM statements_speakerredirect WHERE speaker_id IN ({_SYNTHETIC_SPEAKERS})",
    ),
    ("speakers", f"DELETE FROM statements_speaker WHERE id IN ({_SYNTHETIC_SPEAKERS})"),
]


def remove(cursor, step: Step) -> dict[str, int]:
    """Delete every synthetic row (inside the caller's transaction); return counts by step."""
    counts = {}
    for name, sql in REMOVALS:
        started = time.perf_counter()
        cursor.execute(sql)
        counts[name] = cursor.rowcount
        step(f"delete {name}", time.perf_counter() - started)
    return counts
