"""Killing the ingestion command half-way leaves whole releases only; a rerun finishes the job."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from tests.faults.servers import ROOT, manage

pytestmark = pytest.mark.slow

SAMPLE = ROOT / "statements" / "sample_data" / "ga-12388-trafficking-in-persons.txt"
FILES = 8


def make_folder(folder: Path) -> None:
    """FILES valid releases: the sample with its own symbol, date, meetings and bytes each."""
    source = SAMPLE.read_bytes()
    for i in range(FILES):
        name = f"release-{i:02d}"
        (folder / f"{name}.txt").write_bytes(source + b"\n" * (i + 1))
        meta = {
            "symbol": f"GA/{90001 + i}",
            "date": f"2021-11-{10 + i:02d}",
            "meetings": [100 + 2 * i, 101 + 2 * i],  # another meeting each: no contradiction
        }
        (folder / f"{name}.meta.json").write_text(json.dumps(meta))


def releases(url: str) -> list[tuple[str, int, int]]:
    """Each release: symbol, its statements, and its ingestion records."""
    with psycopg.connect(url, autocommit=True) as conn:
        rows = conn.execute(
            """SELECT r.symbol,
                (SELECT count(*) FROM statements_statement s
                 JOIN meetings_meeting m ON m.id = s.meeting_id WHERE m.release_id = r.id),
                (SELECT count(*) FROM meetings_ingestion i WHERE i.release_id = r.id)
            FROM meetings_release r ORDER BY r.symbol"""
        ).fetchall()
    return [tuple(row) for row in rows]


def writing(url: str) -> bool:
    """Whether another session is inside a transaction (the command writing a release)."""
    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute(
            """SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
            AND pid <> pg_backend_pid() AND xact_start IS NOT NULL"""
        ).fetchone()
    return row[0] > 0


def kill_mid_release(url: str, env: dict[str, str], folder: Path) -> int:
    """Start the command; SIGKILL it while it writes a release after the second one."""
    cmd = [sys.executable, str(ROOT / "manage.py"), "ingest_press_releases", str(folder)]
    process = subprocess.Popen(cmd + ["--no-progress"], cwd=ROOT, env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if len(releases(url)) >= 2 and writing(url):
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.02)
    process.wait()
    return process.returncode


def test_killed_ingest_leaves_whole_releases_and_rerun_completes(archive_env, tmp_path):
    url = archive_env["DATABASE_URL"]
    make_folder(tmp_path)
    assert kill_mid_release(url, archive_env, tmp_path) == -signal.SIGKILL
    time.sleep(1)  # the server notices the closed connection and rolls its transaction back

    partial = releases(url)
    statements = partial[0][1]
    assert 2 <= len(partial) < FILES
    assert statements > 50 and all(row[1:] == (statements, 1) for row in partial)

    result = manage(archive_env, "ingest_press_releases", str(tmp_path), "--no-progress")
    assert result.returncode == 0, result.stderr
    done = len(partial)
    assert f"{FILES} files: {FILES - done} created, 0 updated, {done} unchanged" in result.stdout
    complete = releases(url)
    assert [row[0] for row in complete] == [f"GA/{90001 + i}" for i in range(FILES)]
    assert all(row[1] == statements for row in complete)
