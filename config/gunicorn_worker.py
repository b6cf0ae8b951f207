"""gunicorn's threaded worker with a time limit on each socket read and write.

A client that stops sending its request, or stops reading its response, for SOCKET_TIMEOUT
seconds is disconnected, freeing its thread; a response cut that way ends as a broken chunked
stream, never as a complete-looking 200. (Clients that trickle are the front server's job.)
"""

from __future__ import annotations

import os

from gunicorn.workers.gthread import ThreadWorker

SOCKET_TIMEOUT = float(os.environ.get("GUNICORN_SOCKET_TIMEOUT", "10"))


class TimedThreadWorker(ThreadWorker):
    """gthread, where a stalled client cannot hold a thread for longer than SOCKET_TIMEOUT."""

    def enqueue_req(self, conn):
        conn.init()
        conn.sock.settimeout(SOCKET_TIMEOUT)
        future = self.tpool.submit(self.handle, conn)
        self._wrap_future(future, conn)
