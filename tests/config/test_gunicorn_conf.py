"""gunicorn's production settings (config/gunicorn.conf.py) as read from the environment."""

from __future__ import annotations

import runpy
from pathlib import Path

CONF = Path(__file__).resolve().parents[2] / "config" / "gunicorn.conf.py"


def test_workers_are_not_recycled_unless_asked(monkeypatch):
    # Recycling would reset a worker's rate-limit counters: a flood would buy fresh quotas.
    monkeypatch.delenv("GUNICORN_MAX_REQUESTS", raising=False)
    assert runpy.run_path(str(CONF))["max_requests"] == 0
    monkeypatch.setenv("GUNICORN_MAX_REQUESTS", "5000")
    assert runpy.run_path(str(CONF))["max_requests"] == 5000
