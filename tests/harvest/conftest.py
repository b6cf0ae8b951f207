"""The local fixture server and settings that point the harvester at it."""

from __future__ import annotations

import pytest

from tests.harvest.server import start


@pytest.fixture
def site():
    """A threaded HTTP server on 127.0.0.1 serving the recorded press.un.org pages."""
    server, thread = start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def harvest_settings(settings, site):
    """Zero delay and backoff (fast tests), a short timeout, the local server as the site."""
    settings.HARVEST_BASE_URL = site.base_url
    settings.HARVEST_DELAY = 0
    settings.HARVEST_BACKOFF = 0
    settings.HARVEST_MAX_WAIT = 0
    settings.HARVEST_TIMEOUT = 0.5
    settings.HARVEST_CONTACT = "archive-tests@example.org"
    return settings
