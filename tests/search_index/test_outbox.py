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
