"""Slow clients: at most settings.EXPORTS_PER_PROCESS streaming exports at once in a process."""

from __future__ import annotations

import threading
from collections.abc import Iterator

from django.conf import settings

EXPORT_RETRY_AFTER = 30  # seconds a refused export is told to wait


class ExportSlots:
    """At most EXPORTS_PER_PROCESS streaming exports at once in this process.

    A slow reader holds its worker thread for as long as it reads; with a cap, slow readers of
    exports can never hold every thread, and the site keeps answering.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.active = 0

    def take(self) -> GuardedChunks | None:
        """A guard for one export's chunks, or None when every slot is taken."""
        with self._lock:
            if self.active >= settings.EXPORTS_PER_PROCESS:
                return None
            self.active += 1
        return GuardedChunks(self)

    def release(self) -> None:
        with self._lock:
            self.active -= 1


class GuardedChunks:
    """Chunks that give their slot back when the server closes the response (done or not)."""

    def __init__(self, slots: ExportSlots) -> None:
        self.slots = slots
        self.chunks: Iterator[bytes] = iter(())
        self.closed = False

    def guard(self, chunks: Iterator[bytes]) -> GuardedChunks:
        self.chunks = chunks
        return self

    def __iter__(self) -> GuardedChunks:
        return self

    def __next__(self) -> bytes:
        return next(self.chunks)

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            getattr(self.chunks, "close", lambda: None)()
            self.slots.release()


export_slots = ExportSlots()
