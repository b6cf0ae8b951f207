"""A PostgreSQL server a test can stop and start, and the archive under gunicorn against it.

The server uses the PostgreSQL binaries pgserver ships (so any machine that runs the project has
them), in a fresh temporary folder, listening on a Unix socket only. PostgreSQL refuses to run as
root; as root, the server runs as the ``pgserver`` user, as the embedded development server does.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pgserver

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(pgserver.__file__).parent / "pginstall" / "bin"
RUN_AS = "pgserver"


class TempPostgres:
    """initdb in a temporary folder; start, stop and create databases on demand."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="unarchive-faults-"))
        self.data = self.dir / "data"
        self.user = RUN_AS if os.geteuid() == 0 else None
        if self.user:
            _ensure_user(self.user)
            entry = pwd.getpwnam(self.user)
            os.chown(self.dir, entry.pw_uid, entry.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")

    def _run(self, program: str, *args: str) -> None:
        subprocess.run([str(BIN / program), *args], check=True, capture_output=True, user=self.user)

    def start(self) -> None:
        options = f"-h '' -k {self.dir} -c fsync=off"
        log = str(self.dir / "log")
        self._run("pg_ctl", "-D", str(self.data), "-w", "-l", log, "-o", options, "start")

    def stop(self) -> None:
        """Fast shutdown: open sessions are cut, as in a restart or a failover."""
        self._run("pg_ctl", "-D", str(self.data), "-w", "-m", "fast", "stop")

    def create_database(self, name: str) -> str:
        """Create a database and return its URL."""
        self._run("createdb", "-h", str(self.dir), "-U", "postgres", name)
        return self.url(name)

    def url(self, name: str) -> str:
        return f"postgresql://postgres@/{name}?host={self.dir}"

    def cleanup(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def _ensure_user(name: str) -> None:
    try:
        pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "-s", "/bin/false", name], check=True)


def app_env(database_url: str) -> dict[str, str]:
    """Production-like settings over plain HTTP, against the given database."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SECRET_KEY": "fault-test-secret-key-not-for-production-0123456789abcdef",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_DEBUG": "0",
        "DJANGO_PLAIN_STATIC": "1",
        "DJANGO_LOG_LEVEL": "CRITICAL",
        "PYTHONWARNINGS": "ignore",
    }


def manage(env: dict[str, str], *args: str, **kwargs) -> subprocess.CompletedProcess:
    """Run manage.py in a subprocess with this environment."""
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        **kwargs,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(env: dict[str, str], port: int, workers: int = 2, *extra: str) -> Iterator[str]:
    """Serve the archive on 127.0.0.1:port; yield the base URL; stop it afterwards."""
    cmd = [
        str(Path(sys.executable).with_name("gunicorn")),
        *extra,
        "config.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        "--timeout=30",
        "--log-level=warning",
    ]
    process = subprocess.Popen(cmd, cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/healthz", process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_for(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "gunicorn exited"
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(url)
