"""Start (or join) the project-local PostgreSQL used when DATABASE_URL is not set.

pgserver ships PostgreSQL binaries inside its wheel, so a machine with only Python can run the
archive. Every process that needs the database calls ``embedded_database_url``; pgserver shares one
server between them and stops it when the last one exits, so nothing is left running.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

DATABASE_NAME = "unarchive"


def embedded_database_url(data_dir: Path) -> str:
    """Return a DATABASE_URL for the embedded server in data_dir, starting it if needed."""
    # Resolved: a relative PGDATA_DIR (var/pg-scale) would otherwise become a libpq host name.
    data_dir = Path(data_dir).resolve()
    warnings.filterwarnings("ignore", module="platformdirs")
    os.environ.setdefault("XDG_RUNTIME_DIR", str(data_dir.parent / ".pgdata-run"))
    import pgserver  # imported here: only the embedded default needs it

    data_dir.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(data_dir, cleanup_mode="stop")
    _ensure_database(server)
    return f"postgresql://postgres:@/{DATABASE_NAME}?host={data_dir}"


def _ensure_database(server) -> None:
    """Create the archive's database inside the embedded server once."""
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")
    if "(1 row)" not in exists:
        server.psql(f"CREATE DATABASE {DATABASE_NAME};")
