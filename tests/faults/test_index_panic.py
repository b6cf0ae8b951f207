"""A corrupt index under the production server: every page answers, and a rebuild heals it.

Before statements/search/index/guard.py, tantivy's PanicException (a BaseException) escaped
Django into gunicorn's thread pool and ended the thread without an answer: after about as many
searches as threads, every page (index-free ones too) dropped its connection, and only a restart
of gunicorn helped. Run: `python -m pytest tests/faults/test_index_panic.py -m slow`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.servers import ROOT, free_port, gunicorn, manage
from tests.faults.test_database_restart import get
from tests.search_index.test_unavailable import corrupt_segments

pytestmark = pytest.mark.slow

SEARCHES = ["/statements/?q=trafficking", "/api/v1/statements?q=trafficking"]
PAGES = ["/", "/statements/", "/meetings/", "/healthz", "/speakers/", "/themes/"]
THREADS = 4


def current_generation(env: dict[str, str]) -> Path:
    root = Path(env["SEARCH_INDEX_DIR"])
    return root / (root / "CURRENT").read_text().strip()


def test_a_corrupt_index_never_kills_server_threads(postgres, archive_env):
    assert manage(archive_env, "load_sample_data", timeout=300).returncode == 0
    assert manage(archive_env, "rebuild_search_index", timeout=300).returncode == 0
    env = {
        **archive_env,
        "PAGE_CACHE_SECONDS": "0",
        "DJANGO_RATELIMIT_ENABLE": "0",
        "GUNICORN_THREADS": str(THREADS),
        "GUNICORN_ACCESSLOG": "/dev/null",
    }
    config = ["-c", str(ROOT / "config" / "gunicorn.conf.py")]
    with gunicorn(env, free_port(), 1, *config) as base:
        assert {get(base, p).status for p in SEARCHES + PAGES} == {200}
        corrupt_segments(current_generation(env))
        hits = []
        for _ in range(6 * THREADS):
            for path in SEARCHES + PAGES:
                hits.append(get(base, path))
                assert hits[-1].status, f"no answer to {path} after {len(hits)} requests"
        assert {h.status for h in hits if h.path in SEARCHES} == {503}
        assert {h.status for h in hits if h.path not in SEARCHES} <= {200, 503}
        assert {h.status for h in hits if h.path in ("/healthz", "/meetings/")} == {200}

        assert manage(env, "rebuild_search_index", timeout=300).returncode == 0
        assert {get(base, p).status for p in SEARCHES + PAGES} == {200}  # no restart needed
