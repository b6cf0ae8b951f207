#!/usr/bin/env python3
"""Set up and run the archive on a machine with only Python 3.11+.

    python3 dev.py start   # install, migrate, load the sample data, serve on http://127.0.0.1:8000
    python3 dev.py test    # install, then run the whole test suite (extra args go to pytest)
    python3 dev.py manage COMMAND ...   # any manage.py command, e.g. ingest_press_releases FILE

Without DATABASE_URL both use the embedded PostgreSQL in .pgdata/ (pgserver), which starts with the
first process that needs it and stops with the last. Run again, `start` serves the same archive.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
STAMP = VENV / ".installed-pyproject"


def ensure_environment() -> None:
    """Create .venv and install the project into it when pyproject.toml changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 (runs before the venv exists)
        sys.exit("Python 3.11 or newer is needed.")
    if not PYTHON.exists():
        print("Creating a virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256(
        (ROOT / "pyproject.toml").read_bytes() + (ROOT / "requirements.lock").read_bytes()
    ).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    print("Installing dependencies (first run takes a minute) ...", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    # The lock pins every package to the version CI tested (pyproject.toml keeps the ranges).
    subprocess.run([*pip, "-c", str(ROOT / "requirements.lock"), "-e", f"{ROOT}[dev]"], check=True)
    STAMP.write_text(wanted)


def use_embedded_database() -> None:
    """Start the embedded PostgreSQL for this run unless DATABASE_URL is set.

    This process holds it for its children (which share it) and stops it when it exits, also on
    Ctrl+C or SIGTERM, so no server is left running.
    """
    if os.environ.get("DATABASE_URL"):
        return
    sys.path.insert(0, str(ROOT))
    from config.embedded_postgres import embedded_database_url

    data_dir = Path(os.environ.get("PGDATA_DIR", ROOT / ".pgdata"))
    os.environ["DATABASE_URL"] = embedded_database_url(data_dir)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))


def manage(*args: str, env: dict[str, str]) -> None:
    """Run a manage.py command in the project's environment, stopping on failure."""
    subprocess.run([str(PYTHON), str(ROOT / "manage.py"), *args], check=True, env=env, cwd=ROOT)


def browser_url(address: str) -> tuple[str, str]:
    """The URL a browser on this machine opens for a runserver address, and the host it binds.

    "9000" -> http://127.0.0.1:9000; "0.0.0.0:9000" -> http://127.0.0.1:9000 (every interface);
    "[::]:8000" -> http://[::1]:8000; "192.0.2.5:8000" -> http://192.0.2.5:8000.
    """
    host, _, port = address.rpartition(":")
    if not host:
        host, port = "127.0.0.1", address
    if not port.isdigit():
        host, port = address, "8000"
    shown = {"0.0.0.0": "127.0.0.1", "[::]": "[::1]", "0": "127.0.0.1"}.get(host, host)
    return f"http://{shown}:{port}", host


def start(extra: list[str]) -> int:
    """Migrate, load the sample archive, print the admin login and serve it."""
    env = {**os.environ, "DJANGO_DEBUG": os.environ.get("DJANGO_DEBUG", "1")}
    address = extra[0] if extra else "127.0.0.1:8000"
    url, host = browser_url(address)
    if host not in ("127.0.0.1", "localhost", "[::1]") and "DJANGO_ALLOWED_HOSTS" not in env:
        # Served beyond loopback: answer whatever name reaches it (development only).
        env["DJANGO_ALLOWED_HOSTS"] = "*" if host in ("0.0.0.0", "[::]", "0") else host.strip("[]")
    manage("migrate", "--no-input", env=env)
    # Before the sample: its ingest then goes into the index (a fresh clone, a deleted var/).
    manage("rebuild_search_index", "--if-missing", env=env)
    manage("load_sample_data", env=env)
    manage("ensure_admin", "--site", url, env=env)
    print(f"\nServing the archive on {url}/  (Ctrl+C stops it)\n", flush=True)
    cmd = [str(PYTHON), str(ROOT / "manage.py"), "runserver", address, "--noreload"]
    try:
        return subprocess.call(cmd, env=env, cwd=ROOT)
    except KeyboardInterrupt:
        return 0


def test(extra: list[str]) -> int:
    """Run the whole test suite against PostgreSQL (embedded unless DATABASE_URL is set)."""
    env = {
        **os.environ,
        "DJANGO_SECRET_KEY": os.environ.get(
            "DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production-0123456789abcdef"
        ),
        "DJANGO_DEBUG": "0",
        "DJANGO_PLAIN_STATIC": "1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
    }
    return subprocess.call([str(PYTHON), "-m", "pytest", *extra], env=env, cwd=ROOT)


def manage_command(extra: list[str]) -> int:
    """Run one manage.py command against the same database as `start` (development settings)."""
    env = {**os.environ, "DJANGO_DEBUG": os.environ.get("DJANGO_DEBUG", "1")}
    return subprocess.call([str(PYTHON), str(ROOT / "manage.py"), *extra], env=env, cwd=ROOT)


def main() -> int:
    """Dispatch the sub-command."""
    commands = {"start": start, "test": test, "manage": manage_command}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    ensure_environment()
    if Path(sys.prefix).resolve() != VENV.resolve():
        # Go on inside the project's environment, where pgserver and Django are installed.
        os.execv(str(PYTHON), [str(PYTHON), __file__, *sys.argv[1:]])
    use_embedded_database()
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
