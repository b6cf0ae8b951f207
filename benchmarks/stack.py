"""Run the archive as production does (gunicorn, DEBUG off) against the benchmark database.

The database is DATABASE_URL when set, else the embedded server in PGDATA_DIR (default
var/pg-scale, where ``generate_corpus`` put the corpus). Importing the embedded server keeps it up
while the benchmark runs; gunicorn's workers only get its URL.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PGDATA = ROOT / "var" / "pg-scale"
WORKERS = 3  # as in the Dockerfile and docker-compose.yml


def database_url() -> str:
    """The benchmark database's URL, starting the embedded server if that is the one."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    sys.path.insert(0, str(ROOT))
    from config.embedded_postgres import embedded_database_url

    return embedded_database_url(Path(os.environ.get("PGDATA_DIR", DEFAULT_PGDATA)))


def search_index_dir() -> Path:
    """Where config/settings.py puts the index of the database in PGDATA_DIR."""
    pgdata = Path(os.environ.get("PGDATA_DIR", DEFAULT_PGDATA)).resolve()
    return pgdata.with_name(pgdata.name + "-search-index")


def app_env(url: str, *, settings_module: str = "config.settings") -> dict[str, str]:
    """Production-like settings over plain HTTP on 127.0.0.1."""
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SECRET_KEY": os.environ.get(
            "DJANGO_SECRET_KEY", "benchmark-only-secret-key-not-for-production-0123456789abcdef"
        ),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_DEBUG": "0",
        "DJANGO_PLAIN_STATIC": "1",
        "DJANGO_LOG_LEVEL": "WARNING",
        # One client asks hundreds of URLs a minute: rate limits off (abuse.py turns them on).
        "DJANGO_RATELIMIT_ENABLE": "0",
        "DJANGO_SETTINGS_MODULE": settings_module,
        # The index built for this database (rebuild_search_index with the same PGDATA_DIR).
        "SEARCH_INDEX_DIR": os.environ.get("SEARCH_INDEX_DIR", str(search_index_dir())),
        # WhiteNoise warns that staticfiles/ is missing: pages are measured, not static files.
        "PYTHONWARNINGS": "ignore:No directory at",
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(env: dict[str, str], **options) -> Iterator[str]:
    """Serve the archive on a free port; yield its base URL; stop it afterwards."""
    with gunicorn_process(env, **options) as (base, _pid):
        yield base


@contextmanager
def gunicorn_process(
    env: dict[str, str],
    *,
    workers: int = WORKERS,
    threads: int | None = None,
    timeout: int = 60,
    app_dir: Path = ROOT,
    start_seconds: float = 30,
) -> Iterator[tuple[str, int]]:
    """gunicorn serving the archive from app_dir (gthread workers when threads is given);
    yield its base URL and master pid; stop it afterwards."""
    port = free_port()
    cmd = [
        str(Path(sys.executable).with_name("gunicorn")),
        "config.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        f"--timeout={timeout}",
        "--log-level=warning",
    ]
    if threads is not None:
        cmd += [f"--threads={threads}", "--worker-class=gthread"]
    process = subprocess.Popen(cmd, cwd=app_dir, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, process, seconds=start_seconds)
        yield base, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_until_up(base: str, process: subprocess.Popen, seconds: float = 30) -> None:
    """Wait for /healthz to answer, or fail if gunicorn exits."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer /healthz in time")


def setup_django(env: dict[str, str], app_dir: Path = ROOT) -> None:
    """Configure Django in this process with the app's environment (to capture its SQL)."""
    os.environ.update(env)
    sys.path.insert(0, str(app_dir))
    import django

    django.setup()
