"""The console log leaves refused requests (429) out and keeps other client errors."""

from __future__ import annotations

import io
import logging

import pytest
from django.core.cache import cache


@pytest.fixture
def console():
    """The console handler settings.LOGGING installs, writing into a string for the test."""
    (handler,) = [h for h in logging.getLogger().handlers if h.get_name() == "console"]
    stream = io.StringIO()
    old = handler.setStream(stream)
    yield stream
    handler.setStream(old)


def test_429s_are_not_logged_but_404s_are(client, db, settings, console):
    settings.RATELIMIT_ENABLE = True
    settings.RATELIMIT_RATES = {**settings.RATELIMIT_RATES, "search": "1/h"}
    settings.RATELIMIT_REFUSAL_DELAY = 0
    cache.clear()
    assert client.get("/statements/?q=a").status_code == 200
    assert client.get("/statements/?q=a").status_code == 429
    assert client.get("/no-such-page/").status_code == 404
    cache.clear()
    log = console.getvalue()
    assert "Not Found: /no-such-page/" in log
    assert "Too Many Requests" not in log
