"""The migration that moved releases' bytes to their own table moves them, and back.

Inside the test's transaction (PostgreSQL rolls schema changes back too), so nothing leaks.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("meetings", "0004_ingestion_action_replaced")]
AFTER = [("meetings", "0005_release_source")]
BYTES = b"GA/99999 \x00\xff original bytes"


def _migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db
def test_release_bytes_move_to_their_table_and_back():
    _migrate(BEFORE)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                """INSERT INTO meetings_release (symbol, date, date_inferred, headline, language,
                source, source_name, source_url, source_format, content_hash, parser_version,
                first_ingested_at, ingested_at)
                VALUES ('GA/99999', '2021-11-23', false, 'h', 'en', %s, 'a.txt', '', '',
                        'x', 'test', now(), now()) RETURNING id""",
                [BYTES],
            )
            release_id = cursor.fetchone()[0]
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # as if committed before migrating
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        _migrate(AFTER)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT data FROM meetings_releasesource WHERE release_id = %s", [release_id]
            )
            assert bytes(cursor.fetchone()[0]) == BYTES
        _migrate(BEFORE)
        with connection.cursor() as cursor:
            cursor.execute("SELECT source FROM meetings_release WHERE id = %s", [release_id])
            assert bytes(cursor.fetchone()[0]) == BYTES
    finally:
        _migrate(AFTER)
