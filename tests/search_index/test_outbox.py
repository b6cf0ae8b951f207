"""Writes reach search through the outbox: right after commit, and after an indexer dies."""

from __future__ import annotations

import pytest

from statements.ingest import ingest_source
from statements.ingest.speaker_merge import speaker_merge
from statements.models import Speaker, Statement
from statements.search.index import engine, outbox, store
from statements.search.index.indexer import Indexer
from statements.search.index.query import SearchSpec
from statements.search.models import OutboxEntry
from tests.seed import SEED_OVERRIDES, seed_bytes

pytestmark = pytest.mark.django_db(transaction=True)


def ingest(source: bytes):
    return ingest_source(
        source=source, source_name="seed.txt", overrides=SEED_OVERRIDES, via="test"
    )


def found(text: str = "", **filters) -> set[int]:
    return set(engine.all_ids(SearchSpec(text=text, **filters)))


def pg_full() -> set[int]:
    return set(Statement.objects.full().values_list("pk", flat=True))


def test_a_statement_is_found_right_after_ingest(live_index):
    assert found() == set()
    ingest(seed_bytes())
    assert found() == pg_full() and found()
    statement = Statement.objects.full().exclude(speaker=None).first()
    word = max(statement.text.split(), key=len).strip(".,;:()")
    assert statement.pk in found(word)


def test_a_reingest_shows_changed_text_and_retires_removed_statements(live_index):
    ingest(seed_bytes())
    last = Statement.objects.full().order_by("-sequence").first()
    source = seed_bytes()
    changed = source.replace(last.text.split(".")[0].encode(), b"Xylophonists demand quiet")
    assert changed != source
    ingest(changed)
    assert found("xylophonists") and found() == pg_full()


def test_a_merge_shows_in_search(live_index):
    ingest(seed_bytes())
    source, target = Speaker.objects.filter(statements__kind="statement").distinct()[:2]
    theirs = set(Statement.objects.full().filter(speaker=source).values_list("pk", flat=True))
    speaker_merge(source=source, target=target)
    assert theirs <= found(speakers=(target.slug,))
    assert theirs <= found(target.name.split()[-1])


def test_retirement_removes_documents(live_index):
    ingest(seed_bytes())
    meeting_statements = Statement.objects.full()
    gone = meeting_statements.order_by("-sequence").first()
    Statement.objects.filter(pk=gone.pk).delete()
    outbox.record(statement_ids=[gone.pk])  # autocommit: applied on commit
    assert gone.pk not in found() and found() == pg_full()


def test_a_killed_indexer_loses_nothing(index_dir, monkeypatch):
    """Entries written while no indexer runs, and an indexer that dies before saving its
    position, are applied on the next start."""
    from statements.search.index.rebuild import rebuild

    rebuild()
    ingest(seed_bytes())  # no indexer runs: the outbox holds the change
    assert found() == set() and OutboxEntry.objects.exists()

    def killed(*args, **kwargs):
        raise KeyboardInterrupt("killed after the index commit, before the position")

    monkeypatch.setattr(store, "write_state", killed)
    with pytest.raises(KeyboardInterrupt):
        Indexer().poll()
    monkeypatch.undo()
    assert store.read_state(store.current_generation()).get("xid", 0) > 0  # the rebuild's
    restarted = Indexer()
    assert restarted.poll() >= 1
    assert found() == pg_full() and found()
    assert restarted.poll() == 0  # the position moved on: nothing applied twice


def test_rebuild_swaps_in_a_new_generation(live_index):
    from statements.search.index.rebuild import rebuild

    ingest(seed_bytes())
    before = store.current_generation()
    assert rebuild() == Statement.objects.count()
    assert store.current_generation() != before and found() == pg_full()


@pytest.fixture
def open_elsewhere():
    """A write transaction left open in another database of the cluster (psql forgotten in
    BEGIN, a stuck job): it holds the cluster's xmin back for as long as it stays open."""
    from django.db import connection

    params = {**connection.get_connection_params(), "dbname": "postgres"}
    other = connection.get_new_connection(params)
    other.autocommit = False
    with other.cursor() as cursor:
        cursor.execute("SELECT pg_current_xact_id()")  # takes an xid, as a write does
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    yield pid
    other.rollback()
    other.close()


def test_an_open_transaction_elsewhere_does_not_freeze_updates(index_dir, open_elsewhere):
    """Before, the position only moved up to xmin, so nothing committed after the open
    transaction began was applied until it ended (150 s in the attack, any length in fact)."""
    from statements.search.index.health import horizon
    from statements.search.index.rebuild import rebuild

    rebuild()
    indexer = Indexer()
    ingest(seed_bytes())
    assert indexer.poll() >= 1
    assert found() == pg_full() and found()
    assert indexer.poll() == 0  # applied once, remembered above the held position
    state = store.read_state(store.current_generation())
    assert state["applied"]  # the entries above the held-back position
    oldest = horizon()
    assert oldest.pid == open_elsewhere and oldest.database == "postgres"


def test_an_entry_committed_late_is_applied_once_it_commits(index_dir):
    """An entry written by a transaction still open at a poll is applied at the poll after it
    commits (the position never passes a running transaction)."""
    from django.db import connection

    from statements.search.index.rebuild import rebuild

    rebuild()
    indexer = Indexer()
    ingest(seed_bytes())
    indexer.poll()
    changed = Statement.objects.full().order_by("-sequence").first()
    writer = connection.get_new_connection(connection.get_connection_params())
    writer.autocommit = False
    with writer.cursor() as cursor:
        cursor.execute(
            "UPDATE statements_statement SET text = 'Xylophonists demand quiet.' WHERE id = %s",
            [changed.pk],
        )
        cursor.execute(
            "INSERT INTO search_index_outboxentry (statement_ids, meeting_ids, speaker_ids,"
            " delegation_ids, everything, created_at) VALUES (%s, '{}', '{}', '{}', false, now())",
            [[changed.pk]],
        )
    assert indexer.poll() == 0 and not found("xylophonists")  # not committed yet
    indexer.poll()
    writer.commit()
    writer.close()
    assert indexer.poll() == 1 and found("xylophonists") == {changed.pk}
