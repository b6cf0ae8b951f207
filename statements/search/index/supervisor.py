"""run_indexer's loop: apply the outbox, survive what can be survived, say how it goes.

- One indexer per index folder: an exclusive flock on <SEARCH_INDEX_DIR>/indexer.lock, held for
  the process's life (the kernel drops it when the process dies, even by kill -9).
- A database error (a restart, a failover, a dropped connection) or a disk error (a full disk)
  is retried with exponential backoff (INDEXER_BACKOFF_FIRST doubling to INDEXER_BACKOFF_MAX).
- A missing, deleted or corrupt generation is rebuilt from PostgreSQL, then applied as usual
  (corruption tantivy only meets when reading is found by a probe search every minute).
- An index whose position is below the pruned outbox's watermark (the machine was away longer
  than OUTBOX_CONSUMER_TIMEOUT_SECONDS) is rebuilt too: it never skips what it missed.
- Every few seconds, and at once on an error, this machine's IndexerStatus row (its consumer
  registration, consumers.py) records the heartbeat, the position, the lag, the oldest open
  transaction that holds the position back, and the last error: staff read it in the admin,
  /readyz and /metrics read it. Every few minutes it prunes what every live consumer applied.
- It reads and writes only the primary: a replica that lags or is down changes nothing here.
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connections
from django.utils import timezone

from statements.search.index import consumers, engine, health, store
from statements.search.index.consumers import PRIMARY
from statements.search.index.guard import engine_errors
from statements.search.index.indexer import Indexer
from statements.search.index.query import SearchSpec
from statements.search.index.rebuild import rebuild

log = logging.getLogger(__name__)
LOCK_FILE = "indexer.lock"
STATUS_SECONDS = 5.0
PROBE_SECONDS = 60.0
# Words of nearly every statement, English and French: their postings span every segment.
PROBE_WORDS = "said OR nations OR council OR security OR development OR délégation OR pays"
ONCE_ATTEMPTS = 3  # --once gives up after this many failures in a row
DISK_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS}


class AlreadyRunning(Exception):
    """Another indexer holds this index folder (or it cannot be written at all)."""


@contextmanager
def folder_lock(root: Path) -> Iterator[None]:
    """Hold the index folder's indexer lock; AlreadyRunning (naming the holder) if it is taken."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        handle = (root / LOCK_FILE).open("a+", encoding="utf-8")
    except OSError as exc:  # a volume owned by another user, a read-only mount
        raise AlreadyRunning(
            f"Cannot write the index folder {root}: {exc.strerror}. Run run_indexer as a user "
            "who owns it (the image's user, uid 1000), on a writable mount."
        ) from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "?"
        handle.close()
        raise AlreadyRunning(
            f"Another run_indexer (pid {holder}) is already writing the index in {root}. "
            "Run one indexer per index folder; stop the other one first."
        ) from None
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def is_disk_error(exc: BaseException) -> bool:
    """A full, read-only or failing disk: waiting may help, rebuilding would not."""
    text = str(exc)
    if any(f"os error {n})" in text for n in DISK_ERRNOS) or "No space left" in text:
        return True
    cause = exc.__cause__ or exc.__context__
    if isinstance(exc, OSError) and exc.errno in DISK_ERRNOS:
        return True
    return cause is not None and is_disk_error(cause)


def is_writer_busy(exc: BaseException) -> bool:
    """Another process holds tantivy's writer lock (a web process applying on commit)."""
    return "LockBusy" in str(exc) or (exc.__cause__ is not None and is_writer_busy(exc.__cause__))


class Supervisor:
    """Poll the outbox until `running()` says stop; recover from what it meets."""

    def __init__(self, *, interval: float, say: Callable[[str], None]) -> None:
        self.interval, self.say = interval, say
        self.indexer = Indexer()
        self.failures = 0
        self.rebuilds = 0
        self.last_status = self.last_probe = -PROBE_SECONDS
        self.last_prune = -float("inf")
        self.started = timezone.now()

    def run(self, running: Callable[[], bool], *, once: bool = False) -> None:
        health.record_status(pid=os.getpid(), started_at=self.started)
        while running():
            self.step()
            if once and (not self.failures or self.failures >= ONCE_ATTEMPTS):
                break
            time.sleep(self.backoff() if self.failures else self.interval)
        self.indexer.close()

    def backoff(self) -> float:
        first, most = settings.INDEXER_BACKOFF_FIRST, settings.INDEXER_BACKOFF_MAX
        return min(most, first * 2 ** (self.failures - 1))

    def step(self) -> None:
        """One poll, its report, and the recovery from whatever it raised."""
        try:
            close_old_connections()
            with engine_errors():
                applied = self.indexer.poll()
                self.probe()
            if applied:
                self.say(f"Applied {applied} outbox entries.")
            self.failures = 0
            self.report(applied)
            self.prune()
        except DatabaseError as exc:
            connections[PRIMARY].close()
            self.failed("database unavailable", exc)
        except store.IndexUnavailable as exc:
            self.indexer.close()
            if is_disk_error(exc) or is_writer_busy(exc):
                self.failed("index not writable", exc)
            else:
                self.rebuild(exc)
        except OSError as exc:  # the state file: a full or read-only disk
            self.indexer.close()
            self.failed("disk error", exc)

    def probe(self) -> None:
        """Read the index as a search page does, every PROBE_SECONDS: a segment damaged where
        tantivy still opens it (postings, stored fields, fast fields) raises here, and is rebuilt,
        instead of failing only the readers' searches."""
        now = time.monotonic()
        if now - self.last_probe < PROBE_SECONDS:
            return
        self.last_probe = now
        spec = SearchSpec(text=PROBE_WORDS)
        engine.search(spec, limit=50)
        engine.search(SearchSpec(), sort="oldest", limit=50)
        engine.many_terms(spec, {"kind": 20, "delegation": 50, "year": 50})

    def rebuild(self, reason: Exception) -> None:
        """Build a new generation from PostgreSQL in place of a missing or corrupt one."""
        self.failed("rebuilding the search index", reason)
        try:
            now = timezone.now()
            health.record_status(position=consumers.current_xmin(), heartbeat_at=now)
            written = rebuild()
        except DatabaseError as exc:
            connections[PRIMARY].close()
            self.failed("rebuild failed (database)", exc)
            return
        except Exception as exc:  # noqa: BLE001 - a disk error, a tantivy error: retried later
            self.failed("rebuild failed", exc)
            return
        self.rebuilds += 1
        self.say(f"Rebuilt the search index: {written} statements.")
        health.record_status(rebuilds=self.rebuilds)

    def failed(self, what: str, exc: BaseException) -> None:
        self.failures += 1
        message = f"{what}: {type(exc).__name__}: {exc}"[:2000]
        log.error("run_indexer: %s (retry %d in %.1f s)", message, self.failures, self.backoff())
        self.say(f"Error: {message}")
        health.record_status(last_error=message, last_error_at=timezone.now())

    def report(self, applied: int) -> None:
        """The heartbeat, lag and horizon, every STATUS_SECONDS (and after entries applied)."""
        now = time.monotonic()
        if not applied and now - self.last_status < STATUS_SECONDS:
            return
        self.last_status = now
        lag = health.lag()
        oldest = health.horizon()
        held = oldest is not None and oldest.seconds >= health.HORIZON_REPORTED_SECONDS
        values = {
            "pid": os.getpid(),
            "started_at": self.started,
            "heartbeat_at": timezone.now(),
            "pending": lag.pending,
            "lag_seconds": lag.seconds,
            "horizon": str(oldest) if held else "",
            "horizon_seconds": oldest.seconds if held else 0.0,
            "position": health.position() or None,
            "generation": getattr(store.current_generation(), "name", ""),
        }
        if applied:
            values["applied_at"] = timezone.now()
        if held and oldest.seconds >= 60:
            log.warning("run_indexer: the outbox position is held back by %s", oldest)
        health.record_status(**values)

    def prune(self) -> None:
        """Entries every live indexer has applied (consumers.py: one away longer rebuilds)."""
        now = time.monotonic()
        if now - self.last_prune < settings.INDEXER_PRUNE_SECONDS:
            return
        self.last_prune = now
        deleted = consumers.prune()
        if deleted:
            self.say(f"Pruned {deleted} outbox entries every live indexer has applied.")
