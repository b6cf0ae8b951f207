"""CACHE_URL=redis://… works as documented: a real redis-server (Debian's `redis-server`) holds
the rate-limit counters, and searches answer 200 through it.

Skipped when redis-server is not installed, unless REQUIRE_REDIS=1 (as CI sets).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.core.cache import caches

from tests.seed import SEED_OVERRIDES, seed_bytes

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url():
    """A redis-server of this module's own on a free port, without persistence."""
    program = shutil.which("redis-server")
    if program is None:
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail("REQUIRE_REDIS is set but redis-server is not installed")
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    args = ["--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    server = subprocess.Popen([program, *args], stdout=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            assert time.monotonic() < deadline and server.poll() is None, "redis-server failed"
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=10)


def test_the_settings_make_redis_the_shared_cache(redis_url):
    """settings.py, as a deployment loads it, stores and reads through the server."""
    code = (
        "from django.conf import settings; from django.core.cache import cache; "
        "cache.set('probe', 41); cache.incr('probe'); "
        "print(settings.CACHES['default']['BACKEND'], settings.RATELIMIT_CONCURRENCY_COUNTER, "
        "cache.get('probe'))"
    )
    env = {**os.environ, "CACHE_URL": redis_url, "DJANGO_DEBUG": "1"}
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    last = done.stdout.strip().splitlines()[-1]  # after the shell's own lines
    assert last.split() == ["django.core.cache.backends.redis.RedisCache", "cache", "42"]
    assert redis.Redis.from_url(redis_url).get(":1:probe") == b"42"


@pytest.mark.django_db  # not transactional: a flush would take the reference data from later tests
def test_searches_answer_through_redis_rate_limits(redis_url, settings, client):
    from statements.ingest import ingest_source

    ingest_source(source=seed_bytes(), source_name="seed.txt", overrides=SEED_OVERRIDES, via="t")
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
        },
    }
    settings.RATELIMIT_ENABLE = True
    settings.RATELIMIT_CONCURRENCY_COUNTER = "cache"
    server = redis.Redis.from_url(redis_url)
    server.flushdb()
    assert client.get("/statements/?q=security").status_code == 200
    assert client.get("/statements/?q=council").status_code == 200
    assert server.dbsize() > 0  # the counters are in redis, shared by every process
    caches["default"].clear()
    assert server.dbsize() == 0
