"""run_indexer survives what an operator would expect it to, and says how it goes.

Each of these failed before the supervisor (statements/search/index/supervisor.py): run_indexer
exited on the first database error, disk error, deleted or corrupt generation, and a second one
on the same folder fought the first for tantivy's writer lock.
"""

from __future__ import annotations

import errno
import shutil
from contextlib import contextmanager

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError

from statements.search.index import engine, health, store, supervisor
from statements.search.index.indexer import Indexer
from statements.search.index.query import SearchSpec
from statements.search.index.rebuild import rebuild
from tests.search_index.indexer_runs import everything, found, ingest, run, status

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def quick(settings):
    settings.INDEXER_BACKOFF_FIRST = 0
    settings.INDEXER_BACKOFF_MAX = 0


def test_a_second_indexer_on_the_folder_is_refused_by_name(index_dir):
    rebuild()
    refused = pytest.raises(CommandError, match=r"Another run_indexer \(pid \d+\)")
    with supervisor.folder_lock(store.root()), refused:
        call_command("run_indexer", "--once")
    call_command("run_indexer", "--once")  # the lock went with its holder


def test_a_deleted_generation_is_rebuilt(index_dir):
    rebuild()
    ingest()
    shutil.rmtree(store.current_generation())
    watched = run(3)
    assert watched.rebuilds == 1 and found() == everything() and found()
    assert "rebuilding" in status().last_error and status().rebuilds == 1


def test_a_corrupt_generation_is_rebuilt(index_dir):
    rebuild()
    ingest()
    (store.current_generation() / "meta.json").write_text("{not json")
    assert run(3).rebuilds == 1
    assert found() == everything()


def test_no_index_at_all_is_built(index_dir):
    ingest()
    call_command("run_indexer", "--once")
    assert found() == everything() and found()


def lose_the_database_once(monkeypatch) -> None:
    """The indexer's next poll loses its database connection; the polls after it work."""
    real, calls = Indexer.poll, []

    def blip(self):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real(self)

    monkeypatch.setattr(Indexer, "poll", blip)


def test_a_database_error_is_retried(index_dir, monkeypatch):
    rebuild()
    ingest()
    lose_the_database_once(monkeypatch)
    watched = run(3)
    assert watched.rebuilds == 0 and watched.failures == 0
    assert found() == everything()
    row = status()
    assert "database unavailable" in row.last_error and row.heartbeat_at > row.last_error_at


def test_retries_wait_longer_each_time_up_to_the_cap(index_dir, settings, monkeypatch):
    """Issue 24: retried with backoff (INDEXER_BACKOFF_FIRST doubling up to _MAX), then the
    ordinary poll interval once the database answers again."""
    settings.INDEXER_BACKOFF_FIRST, settings.INDEXER_BACKOFF_MAX = 1, 4
    rebuild()
    real, calls, waits = Indexer.poll, [], []

    def down_four_times(self):
        calls.append(1)
        if len(calls) <= 4:
            raise OperationalError("could not connect to server")
        return real(self)

    monkeypatch.setattr(Indexer, "poll", down_four_times)
    monkeypatch.setattr(supervisor.time, "sleep", waits.append)
    left = iter(range(5))
    watched = supervisor.Supervisor(interval=0.5, say=lambda line: None)
    watched.run(lambda: next(left, None) is not None)
    assert waits == [1, 2, 4, 4, 0.5] and watched.failures == 0


def test_a_full_disk_is_retried_without_a_rebuild(index_dir, monkeypatch):
    rebuild()
    ingest()
    real = store.write_state
    calls = []

    def full(generation, state):
        calls.append(1)
        if len(calls) == 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(generation, state)

    monkeypatch.setattr(store, "write_state", full)
    watched = run(3)
    assert watched.rebuilds == 0 and found() == everything()
    assert "No space left" in status().last_error


def test_readiness_follows_the_indexer(client, index_dir, settings):
    settings.SEARCH_INDEX_APPLY_ON_COMMIT = False
    rebuild()
    answer = client.get("/readyz")
    assert answer.status_code == 503
    assert "run_indexer has not reported" in answer.json()["problems"][0]
    run(1)
    assert client.get("/readyz").status_code == 200
    settings.READY_MAX_INDEXER_SILENCE_SECONDS = 0
    assert client.get("/readyz").status_code == 503


def test_readiness_reports_a_lagging_index(client, index_dir, settings):
    settings.SEARCH_INDEX_APPLY_ON_COMMIT = False
    rebuild()
    run(1)
    ingest()  # no indexer runs now
    settings.READY_MAX_INDEX_LAG_SECONDS = 0
    answer = client.get("/readyz")
    assert answer.status_code == 503 and answer.json()["lag"]["pending"] >= 1
    run(1)
    assert client.get("/readyz").status_code == 200


def test_staff_see_the_status_in_the_admin(admin_client, index_dir):
    rebuild()
    run(1)
    page = admin_client.get("/admin/search_index/indexerstatus/")
    assert page.status_code == 200 and health.node().encode() in page.content


@contextmanager
def open_transaction_elsewhere():
    """A transaction holding an xid in another database of the cluster, left open."""
    from django.db import connection

    params = {**connection.get_connection_params(), "dbname": "postgres"}
    other = connection.get_new_connection(params)
    other.autocommit = False
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_current_xact_id(), pg_backend_pid()")
            yield cursor.fetchone()[1]
    finally:
        other.rollback()
        other.close()


def test_staff_and_readiness_see_the_last_error_the_lag_and_what_holds_the_position(
    admin_client, client, index_dir, settings, monkeypatch
):
    """Issue 24: the indexer's lag and last error visible to staff and to /readyz, and the
    oldest open transaction (what holds the outbox position) named beside the lag."""
    settings.SEARCH_INDEX_APPLY_ON_COMMIT = False
    monkeypatch.setattr(health, "HORIZON_REPORTED_SECONDS", 0)  # reported at once, not after 10 s
    rebuild()
    ingest()
    lose_the_database_once(monkeypatch)
    with open_transaction_elsewhere() as pid:
        run(3)
    row = status()
    page = admin_client.get("/admin/search_index/indexerstatus/").content.decode()
    assert "database unavailable: OperationalError: server closed" in page
    assert f"pid {pid} (" in page and "@postgres" in page  # the held position, named
    assert f"{row.lag_seconds:.1f} s" in page
    ready = client.get("/readyz").json()
    assert "database unavailable" in ready["indexer"]["last_error"]
    assert f"pid {pid} (" in ready["indexer"]["horizon"] and "pending" in ready["lag"]


def test_segments_damaged_where_tantivy_still_opens_them_are_rebuilt(index_dir):
    """A probe search finds what opening the index does not (tantivy panics reading it)."""
    from tests.search_index.test_unavailable import corrupt_segments

    ingest()
    rebuild()
    corrupt_segments(store.current_generation())
    with pytest.raises(store.IndexUnavailable):
        engine.search(SearchSpec(text="trafficking"))
    assert run(3).rebuilds == 1
    assert engine.search(SearchSpec(text="trafficking")).total > 0
