"""Two web nodes, each with its own index folder and run_indexer, on a PostgreSQL 15 primary and
its streaming replica: after each fault both indexes equal PostgreSQL exactly (ids and facet
counts), and /readyz answers as README "Several machines" says.

Faults, in order: a paused replica during an ingest; the replica down when an indexer starts; an
indexer killed while it applies a bulk change; a node away past the consumer timeout while the
outbox is pruned; a rebuild on one node while both serve. Slow (about two minutes): run with
`python3 dev.py test tests/multinode -m slow` (CI does).
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.faults.servers import ROOT, app_env, free_port
from tests.multinode.cluster import Cluster, available
from tests.seed import SEED_PATH, council_bytes

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not available(), reason="needs Debian's postgresql-15 (pg_basebackup)"),
]
TIMEOUT = 10  # OUTBOX_CONSUMER_TIMEOUT_SECONDS: a node silent longer no longer holds the outbox
PROBE = "from tests.multinode.probe import main; main()"


class Node:
    """One machine: gunicorn and run_indexer sharing an index folder and a node name."""

    def __init__(self, name: str, cluster: Cluster, folder: Path) -> None:
        self.name, self.port = name, free_port()
        self.env = {
            **app_env(cluster.url("primary")),
            "DATABASE_REPLICA_URL": cluster.url("replica"),
            "SEARCH_INDEX_DIR": str(folder / name),
            "SEARCH_INDEX_NODE": name,
            "OUTBOX_CONSUMER_TIMEOUT_SECONDS": str(TIMEOUT),
            "INDEXER_PRUNE_SECONDS": "1",
            "INDEXER_BATCH_STATEMENTS": "10",
            "INDEXER_BACKOFF_FIRST": "0.2",
            "INDEXER_BACKOFF_MAX": "1",
            "READY_MAX_INDEXER_SILENCE_SECONDS": "60",
        }
        self.web = self.indexer = None

    def start_indexer(self) -> None:
        args = [sys.executable, "manage.py", "run_indexer", "--interval", "0.2"]
        self.indexer = subprocess.Popen(args, cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL)

    def stop_indexer(self, sig: int = signal.SIGTERM) -> None:
        self.indexer.send_signal(sig)
        self.indexer.wait(timeout=30)

    def start_web(self) -> None:
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        args = [gunicorn, "config.wsgi:application", f"--bind=127.0.0.1:{self.port}"]
        args += ["--workers=1", "--threads=4", "--log-level=warning"]
        self.web = subprocess.Popen(args, cwd=ROOT, env=self.env)

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=20) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def ready(self) -> tuple[int, dict]:
        status, body = self.get("/readyz")
        return status, json.loads(body)

    def wait_applied(self, seconds: float = 60) -> None:
        """Until this node's index has applied every committed entry (its lag says 0)."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                _, answer = self.ready()
                if answer.get("lag", {}).get("pending") == 0 and "search index" not in str(
                    answer.get("problems")
                ):
                    return
            except (OSError, ValueError):
                pass
            assert time.monotonic() < deadline, f"{self.name} did not catch up: {answer}"
            time.sleep(0.3)

    def stop(self) -> None:
        for process in (self.web, self.indexer):
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(timeout=30)


def run_manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def equal_everywhere(nodes: list[Node], when: str) -> None:
    """Every node's index against PostgreSQL's rows, once each has applied the outbox."""
    for node in nodes:
        node.wait_applied()
    env = {k: v for k, v in nodes[0].env.items() if k != "DATABASE_REPLICA_URL"}
    env["PROBE_INDEX_DIRS"] = json.dumps([n.env["SEARCH_INDEX_DIR"] for n in nodes])
    done = run_manage(env, "shell", "-c", PROBE)
    for report in json.loads(done.stdout.strip().splitlines()[-1]):
        assert report["equal"] and report["statements"] > 0, (when, report)


@pytest.fixture
def archive(tmp_path):
    """The cluster, migrated, with the sample release, and two nodes serving it."""
    cluster = Cluster()
    cluster.start("primary")
    cluster.sql("primary", "CREATE DATABASE unarchive")
    primary = app_env(cluster.url("primary"))
    run_manage(primary, "migrate", "--no-input")
    run_manage(primary, "ingest_press_releases", str(SEED_PATH), "--quiet-warnings")
    cluster.make_replica()
    nodes = [Node(f"node-{i}", cluster, tmp_path) for i in (1, 2)]
    try:
        for node in nodes:
            node.start_indexer()  # no index yet: each builds its own, then follows the outbox
            node.start_web()
        yield cluster, nodes, primary, tmp_path
    finally:
        for node in nodes:
            node.stop()
        cluster.cleanup()


def ingest(primary: dict, folder: Path, number: int) -> None:
    path = folder / f"sc-{number}.txt"
    path.write_bytes(council_bytes(number=number, extra=f"Marker{number} closed the meeting."))
    date = f"2024-01-{number % 28 + 1:02d}"
    run_manage(primary, "ingest_press_releases", str(path), "--symbol", f"SC/{number}", "--date",
               date, "--quiet-warnings")  # fmt: skip


def test_two_nodes_equal_postgresql_after_each_fault(archive):
    cluster, nodes, primary, folder = archive
    one, two = nodes
    equal_everywhere(nodes, "start")
    assert [n.ready()[0] for n in nodes] == [200, 200]

    # 1. The replica lags (replay paused) during an ingest: indexes follow the primary, and a
    # search page shows the rows the replica lacks (read from the primary).
    cluster.sql("replica", "SELECT pg_wal_replay_pause()")
    ingest(primary, folder, 9001)
    equal_everywhere(nodes, "replica paused")
    status, page = one.get("/statements/?q=Marker9001")
    assert status == 200 and b"Marker9001" in page  # counted and shown
    assert [n.ready()[0] for n in nodes] == [200, 200]
    cluster.sql("replica", "SELECT pg_wal_replay_resume()")
    cluster.caught_up()

    # 2. The replica is down when an indexer starts: it needs only the primary.
    two.stop_indexer()
    cluster.stop("replica")
    two.start_indexer()
    ingest(primary, folder, 9002)
    for node in nodes:
        status, answer = node.ready()
        assert status == 503 and "read replica" in str(answer["problems"]), answer
    equal_everywhere(nodes, "replica down")
    cluster.start("replica")
    cluster.caught_up()
    assert [n.ready()[0] for n in nodes] == [200, 200]

    # 3. An indexer killed while it applies a bulk change (slices of 10 statements a commit).
    cluster.sql("primary", "UPDATE statements_statement SET review_state = 'reviewed'", "unarchive")
    time.sleep(0.5)
    one.stop_indexer(signal.SIGKILL)
    one.start_indexer()
    equal_everywhere(nodes, "indexer killed mid-apply")

    # 4. A node away past the consumer timeout: the outbox is pruned past its position; back, it
    # refuses traffic (readiness says why) until it has rebuilt, and never skips.
    two.stop_indexer()
    time.sleep(TIMEOUT + 1)
    ingest(primary, folder, 9003)
    one.wait_applied()
    deadline = time.monotonic() + 30
    while "must be rebuilt" not in str(two.ready()[1].get("problems")):
        assert time.monotonic() < deadline, two.ready()
        time.sleep(0.5)
    assert two.ready()[0] == 503 and one.ready()[0] == 200
    two.start_indexer()
    equal_everywhere(nodes, "node away past retention")
    rebuilds = cluster.sql(
        "primary", "SELECT rebuilds FROM search_index_indexerstatus WHERE node LIKE 'node-2:%'",
        "unarchive",
    )  # fmt: skip
    assert int(rebuilds) >= 1
    assert [n.ready()[0] for n in nodes] == [200, 200]

    # 5. A rebuild on one node while both serve and an ingest lands.
    rebuild = subprocess.Popen(
        [sys.executable, "manage.py", "rebuild_search_index", "--no-progress"],
        cwd=ROOT, env={**one.env, "DATABASE_REPLICA_URL": ""}, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    ingest(primary, folder, 9004)
    while rebuild.poll() is None:
        assert [n.get("/statements/?q=security")[0] for n in nodes] == [200, 200]
    assert rebuild.returncode == 0
    equal_everywhere(nodes, "rebuild while serving")
    assert [n.ready()[0] for n in nodes] == [200, 200]
