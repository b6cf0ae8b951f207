"""A harvest killed with SIGKILL mid-fetch resumes on the next run and writes nothing twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.management import call_command
from django.db import connection

from meetings.models import Ingestion, Release
from statements.harvest.models import HarvestRun

ROOT = Path(__file__).resolve().parents[2]
OLD, SC = "/en/2016/sc12284.doc.htm", "/en/2021/sc14567.doc.htm"


def child_database_url() -> str:
    """DATABASE_URL naming the test database, for a child process."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))


def wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.mark.django_db(transaction=True)
def test_sigkill_mid_harvest_then_resume(harvest_settings, site):
    site.hang_seconds = 60
    site.script[SC].append("timeout")  # the child hangs here, after writing the first release
    env = {
        **os.environ,
        "DATABASE_URL": child_database_url(),
        "HARVEST_TIMEOUT": "120",
        "HARVEST_DELAY": "0",
        "HARVEST_CONTACT": "archive-tests@example.org",
    }
    command = [sys.executable, "manage.py", "harvest_press_releases", "--no-progress"]
    child = subprocess.Popen(
        [*command, "--url", site.base_url + OLD, site.base_url + SC], cwd=ROOT, env=env
    )
    try:
        wait_for(lambda: site.hits(SC) == 1 or child.poll() is not None)
        assert child.poll() is None
        assert Release.objects.count() == 1  # the first release is whole and committed
        child.send_signal(signal.SIGKILL)
        child.wait()
    finally:
        if child.poll() is None:
            child.kill()
    assert HarvestRun.objects.get().status == "running"

    for _ in range(50):  # the server notices the dead session and drops its lock
        try:
            call_command("harvest_press_releases", "--no-progress")
            break
        except Exception as exc:  # noqa: BLE001 (only the lock may be in the way)
            assert "Another harvest is running" in str(exc)
            time.sleep(0.1)
    run = HarvestRun.objects.get()
    assert (run.status, run.resumed, run.new) == ("finished", 1, 2)
    assert site.hits(OLD) == 1 and site.hits(SC) == 2
    assert Ingestion.objects.count() == 2 and Release.objects.count() == 2
