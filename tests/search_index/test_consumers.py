"""Outbox consumers: the indexer reads only the primary, pruning waits for every live indexer,
an indexer behind the pruned outbox rebuilds, and bulk changes are applied in slices."""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest
from django.db import connections
from django.utils import timezone

from statements.models import Statement
from statements.search.index import consumers, engine, health, store
from statements.search.index.indexer import Indexer
from statements.search.index.query import SearchSpec
from statements.search.index.rebuild import hold_outbox, rebuild
from statements.search.models import IndexerStatus, OutboxEntry, OutboxWatermark
from tests.search_index.indexer_runs import everything, found, ingest, run, status

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def quick(settings):
    settings.INDEXER_BACKOFF_FIRST = 0
    settings.INDEXER_BACKOFF_MAX = 0
    settings.INDEXER_PRUNE_SECONDS = 0


@pytest.fixture
def replica_down(settings):
    """A replica alias on a port nothing listens on, routed to as in production."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    down = {**connections.settings["default"], "HOST": "127.0.0.1", "PORT": str(port)}
    down["OPTIONS"] = {**down.get("OPTIONS", {}), "connect_timeout": 1}
    connections.settings["replica"] = down
    settings.DATABASES = {**settings.DATABASES, "replica": down}  # read by readiness
    settings.DATABASE_ROUTERS = ["config.db_routers.PrimaryReplicaRouter"]
    yield
    connections["replica"].close()
    del connections.settings["replica"]
    del connections["replica"]


@pytest.mark.usefixtures("replica_down")
def test_the_indexer_starts_and_applies_with_the_replica_down(index_dir):
    # The test case also forbids any use of the 'replica' alias: a read there would fail.
    rebuild()
    ingest()
    watched = run(2)
    assert watched.failures == 0 and watched.rebuilds == 0
    assert found() == everything() and found()
    assert status().position and status().last_error == ""


def connect_really(replica) -> None:
    """What ensure_connection does, without the test case's guard (it forbids new aliases)."""
    if replica.connection is None:
        with replica.wrap_database_errors:
            replica.connect()


@pytest.mark.usefixtures("replica_down")
def test_readiness_says_the_replica_is_down(client, index_dir, settings, monkeypatch):
    settings.SEARCH_INDEX_APPLY_ON_COMMIT = False
    replica = connections["replica"]
    monkeypatch.setattr(replica, "ensure_connection", lambda: connect_really(replica))
    rebuild()
    run(1)
    answer = client.get("/readyz")
    assert answer.status_code == 503
    assert any("read replica" in p for p in answer.json()["problems"])


def test_pruning_waits_for_every_live_consumer(index_dir):
    rebuild()
    ingest()
    IndexerStatus.objects.create(node="other:/index", position=1, heartbeat_at=timezone.now())
    run(2)
    assert OutboxEntry.objects.exists()  # the other indexer has not applied them
    IndexerStatus.objects.filter(node="other:/index").update(
        heartbeat_at=timezone.now() - timedelta(days=8)
    )
    run(2)  # the other one is no longer live: what this one applied goes
    assert not OutboxEntry.objects.exists()
    assert OutboxWatermark.objects.get().pruned_below == status().position


def test_a_rebuild_holds_the_outbox_before_its_machine_runs_an_indexer(index_dir):
    """A new machine builds its index before its run_indexer starts: another machine's indexer
    must not prune, meanwhile, the entries the new index will need."""
    ingest()
    hold_outbox()  # what rebuild() does first
    held = status().position
    IndexerStatus.objects.create(
        node="other:/index", position=held + 100, heartbeat_at=timezone.now()
    )
    consumers.prune()
    assert consumers.watermark() <= held
    consumers.check_position(held)  # not behind: no second rebuild


def test_an_index_behind_the_pruned_outbox_is_rebuilt_not_skipped(index_dir, client, settings):
    settings.SEARCH_INDEX_APPLY_ON_COMMIT = False
    rebuild()
    stale = store.current_generation()
    away = store.read_state(stale)
    ingest()  # this machine is away: another indexer applies it and prunes
    OutboxEntry.objects.all().delete()
    OutboxWatermark.objects.create(pk=1, pruned_below=consumers.current_xmin())
    assert store.read_state(stale) == away and not found()
    answer = client.get("/readyz")
    assert answer.status_code == 503 and "must be rebuilt" in str(answer.json()["problems"])
    watched = run(2)
    assert watched.rebuilds == 1 and found() == everything() and found()
    assert client.get("/readyz").status_code == 200


def reviewed(state: str) -> set[int]:
    return set(engine.all_ids(SearchSpec(reviews=(state,))))


def test_a_bulk_change_is_applied_in_slices_after_ordinary_changes(index_dir, settings):
    rebuild()
    ingest()
    indexer = Indexer()
    indexer.poll()
    ids = sorted(everything())
    settings.INDEXER_BATCH_STATEMENTS = 5
    Statement.objects.filter(pk__in=ids).update(review_state="reviewed")  # one large entry
    Statement.objects.filter(pk=ids[0]).update(review_state="corrected")  # an ordinary one
    indexer.poll()
    assert reviewed("corrected") == {ids[0]}  # not behind the bulk change
    # committed first, then one slice of the large entry (ids[0:5]; ids[0] is now corrected)
    assert reviewed("reviewed") == set(ids[1:5])
    assert health.lag().pending == 1
    # A restart after deleting a statement already applied: the saved progress is an id, not an
    # offset in a list that has just shrunk, so nothing after it is skipped.
    indexer.close()
    indexer = Indexer()
    Statement.objects.filter(pk=ids[2]).delete()
    polls = 1
    while health.lag().pending and polls < len(ids):
        indexer.poll()
        polls += 1
    assert reviewed("reviewed") == set(ids[1:]) - {ids[2]}
    assert polls <= 2 + -(-(len(ids) - 5) // 5)  # slices of 5, the deletion first
    indexer.close()


def test_metrics_need_the_token(client, index_dir, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics").status_code == 404
    settings.METRICS_TOKEN = "s3cret-token"
    assert client.get("/metrics").status_code == 401
    wrong = client.get("/metrics", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401


def test_metrics_report_the_feed_per_consumer(client, index_dir, settings):
    settings.METRICS_TOKEN = "s3cret-token"
    rebuild()
    run(1)
    ingest()  # not applied yet
    IndexerStatus.objects.create(
        node="away:/index", position=1, heartbeat_at=timezone.now() - timedelta(days=9)
    )
    answer = client.get("/metrics", headers={"Authorization": "Bearer s3cret-token"})
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/plain")
    text = answer.content.decode()
    lines = dict(line.rsplit(" ", 1) for line in text.splitlines() if not line.startswith("#"))
    assert float(lines["unarchive_search_index_pending_entries"]) >= 1
    assert float(lines["unarchive_search_index_up"]) == 1
    assert float(lines['unarchive_indexer_live{node="away:/index"}']) == 0
    assert float(lines[f'unarchive_indexer_live{{node="{health.node()}"}}']) == 1
    assert float(lines['unarchive_indexer_position_distance_xids{node="away:/index"}']) > 0
    assert "unarchive_oldest_transaction_seconds" in lines


def test_staff_see_positions_and_the_watermark_in_the_admin(admin_client, index_dir):
    rebuild()
    run(1)
    consumers.prune()
    page = admin_client.get("/admin/search_index/indexerstatus/").content.decode()
    assert health.node() in page and "pruned below xid" in page
    assert f"{status().position}" in page.replace(",", "")
