"""PostgreSQL restarts under load: a friendly 503 while it is down, then recovery by itself."""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

import pytest

from tests.faults.servers import free_port, gunicorn, manage

pytestmark = pytest.mark.slow

PATHS = ["/", "/statements/?q=trafficking", "/meetings/", "/themes/", "/delegations/"]
CLIENTS = 4
DOWN_SECONDS = 4
RECOVERY_GRACE = 2


@dataclass(frozen=True)
class Hit:
    at: float
    path: str
    status: int
    body: str
    retry_after: str | None


def get(base: str, path: str) -> Hit:
    """One request; a refused or reset connection is status 0."""
    at = time.monotonic()
    try:
        with urllib.request.urlopen(base + path, timeout=15) as response:
            body = response.read().decode("utf-8", "replace")
            return Hit(at, path, response.status, body, response.headers.get("Retry-After"))
    except urllib.error.HTTPError as exc:
        body = exc.read().decode("utf-8", "replace")
        return Hit(at, path, exc.code, body, exc.headers.get("Retry-After"))
    except OSError as exc:
        return Hit(at, path, 0, repr(exc), None)


def hammer(base: str, stop: threading.Event, hits: list[Hit], offset: int) -> None:
    """Request the pages in turn until told to stop."""
    i = offset
    while not stop.is_set():
        hits.append(get(base, PATHS[i % len(PATHS)]))
        i += 1


def test_restart_under_load_answers_503_then_recovers(postgres, archive_env):
    assert manage(archive_env, "load_sample_data", timeout=300).returncode == 0
    assert manage(archive_env, "rebuild_search_index", timeout=300).returncode == 0
    # Pages kept until the next index commit would be served while the database is down; this
    # test is about what the uncached pages do.
    archive_env = {**archive_env, "PAGE_CACHE_SECONDS": "0"}
    hits: list[Hit] = []
    stop = threading.Event()
    with gunicorn(archive_env, free_port()) as base:
        clients = [
            threading.Thread(target=hammer, args=(base, stop, hits, i)) for i in range(CLIENTS)
        ]
        for client in clients:
            client.start()
        time.sleep(2)
        postgres.stop()
        down_at = time.monotonic()
        time.sleep(DOWN_SECONDS)
        postgres.start()
        up_at = time.monotonic()
        time.sleep(RECOVERY_GRACE + 4)
        stop.set()
        for client in clients:
            client.join()

    down = [h for h in hits if down_at <= h.at < up_at - 0.5]
    recovered = [h for h in hits if h.at >= up_at + RECOVERY_GRACE]
    print(f"{len(hits)} requests, {len(down)} while down, {len(recovered)} after recovery")
    assert {h.status for h in hits} <= {200, 503}, _odd(hits)
    assert not [h for h in hits if "Traceback" in h.body or "Server Error" in h.body]
    assert down and all(h.status == 503 for h in down)
    assert all("briefly unavailable" in h.body and h.retry_after == "5" for h in down)
    assert len(recovered) >= CLIENTS and all(h.status == 200 for h in recovered)
    assert [h for h in hits if h.at < down_at and h.status == 200]


def _odd(hits: list[Hit]) -> list[tuple[str, int, str]]:
    return [(h.path, h.status, h.body[:200]) for h in hits if h.status not in (200, 503)][:5]
