"""A PostgreSQL 15 primary and its streaming replica (pg_basebackup), Debian's binaries.

Unix sockets only, in a temporary folder; as root, the servers run as the `postgres` user.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

BIN = Path("/usr/lib/postgresql/15/bin")


def available() -> bool:
    return (BIN / "pg_basebackup").exists()


class Cluster:
    """initdb a primary, copy it into a replica, start and stop either."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="unarchive-multinode-"))
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user:
            shutil.chown(self.dir, self.user)
        self.ports = {"primary": 5600 + os.getpid() % 300, "replica": 5900 + os.getpid() % 300}
        self._run("initdb", "-D", self.data("primary"), "-U", "postgres", "--auth=trust")
        settings = (
            "wal_level = replica\nmax_wal_senders = 5\nhot_standby = on\nfsync = off\n"
            "listen_addresses = ''\nwal_keep_size = '256MB'\n"
        )
        with open(Path(self.data("primary")) / "postgresql.conf", "a") as conf:
            conf.write(settings)

    def data(self, name: str) -> str:
        return str(self.dir / name)

    def _run(self, program: str, *args: str) -> None:
        subprocess.run([str(BIN / program), *args], check=True, capture_output=True, user=self.user)

    def start(self, name: str) -> None:
        options = f"-k {self.dir} -p {self.ports[name]}"
        log = str(self.dir / f"{name}.log")
        self._run("pg_ctl", "-D", self.data(name), "-w", "-l", log, "-o", options, "start")

    def stop(self, name: str) -> None:
        self._run("pg_ctl", "-D", self.data(name), "-w", "-m", "fast", "stop")

    def make_replica(self) -> None:
        """A streaming replica of the running primary (pg_basebackup -R writes its settings)."""
        args = ["-D", self.data("replica"), "-h", str(self.dir), "-p", str(self.ports["primary"])]
        self._run("pg_basebackup", *args, "-U", "postgres", "-R", "-X", "stream")
        self.start("replica")

    def sql(self, name: str, query: str, database: str = "postgres") -> str:
        done = subprocess.run(
            [str(BIN / "psql"), "-h", str(self.dir), "-p", str(self.ports[name]), "-U", "postgres",
             "-d", database, "-Atc", query],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        return done.stdout.strip()

    def url(self, name: str, database: str = "unarchive") -> str:
        return f"postgresql://postgres@/{database}?host={self.dir}&port={self.ports[name]}"

    def caught_up(self, seconds: float = 30) -> None:
        """Wait until the replica has replayed everything the primary wrote."""
        target = self.sql("primary", "SELECT pg_current_wal_lsn()")
        deadline = time.monotonic() + seconds
        query = f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn"
        while self.sql("replica", query) != "t":
            assert time.monotonic() < deadline, "the replica did not catch up"
            time.sleep(0.2)

    def cleanup(self) -> None:
        for name in ("replica", "primary"):
            with contextlib.suppress(subprocess.CalledProcessError):
                self.stop(name)
        shutil.rmtree(self.dir, ignore_errors=True)
