"""A local stand-in for press.un.org: serves the recorded fixtures on 127.0.0.1, scriptable."""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.harvest.listing_pages import OLD_ERA, SITE_LISTINGS

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Releases the parser's golden files already hold are served from there, not copied.
GOLDEN = Path(__file__).resolve().parents[1] / "parsing" / "golden"
ROUTES = {
    "/robots.txt": "robots.txt",
    "/sitemap.xml": "sitemap_index.xml",
    "/sitemap.xml?page=1": "sitemap_page1.xml",
    "/en/rss.xml": "un_press_rss.xml",  # the real feed; /fr/rss.xml answers 404 here
    # The feed's Meetings Coverage item; its own page was never stored, so a stored SC release
    # (a web-archive copy of SC/12284) stands in for it.
    "/en/2026/sc16444.doc.htm": GOLDEN / "sc_2016_03_14_web_archive.html",
    "/fr/2023/cs15361.doc.htm": "release_current_fr_cs15361.html",
    "/en/2021/sc14567.doc.htm": GOLDEN / "sc_2021_06_29_press_un_org.html",
    "/en/2021/ga12399.doc.htm": "release_current_ga12399_warnings.html",
    "/en/2016/sc12284.doc.htm": GOLDEN / "sc_2016_03_14_un_org_press.html",
    "/press/en/2016/sc12284.doc.htm": GOLDEN / "sc_2016_03_14_un_org_press.html",
    "/en/2021/db210629.doc.htm": "not_a_release_db210629.html",
}
LAST_MODIFIED = "Tue, 29 Jun 2021 15:20:00 GMT"


class FixtureServer(ThreadingHTTPServer):
    """Serve ROUTES; ``script[path]`` holds responses ("429", "500", "timeout") to give first."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.base_url = f"http://127.0.0.1:{self.server_address[1]}"
        self.script: dict[str, deque[str]] = defaultdict(deque)
        self.overrides: dict[str, bytes] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.hang_seconds = 1.0
        self.dynamic: Callable[[str], bytes | None] | None = None  # pages made on request

    def body(self, path: str) -> bytes | None:
        """The bytes served for a path, with press.un.org addresses pointed at this server."""
        if path in self.overrides:
            return self.overrides[path]
        if self.dynamic and (made := self.dynamic(path)) is not None:
            return made
        if path in SITE_LISTINGS or path in OLD_ERA:
            return SITE_LISTINGS.get(path) or OLD_ERA[path]
        name = ROUTES.get(path)
        if name is None:
            return None
        return (
            (FIXTURES / name).read_bytes().replace(b"https://press.un.org", self.base_url.encode())
        )

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


class _Handler(BaseHTTPRequestHandler):
    server: FixtureServer

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self.server.requests.append((self.path, dict(self.headers)))
        if self.path.startswith("/loop"):  # a redirect loop: /loop → /loopo → /loopoo ...
            return self._send(302, b"", {"Location": self.path + "o"})
        scripted = self.server.script[self.path]
        if scripted:
            action = scripted.popleft()
            if action == "timeout":
                time.sleep(self.server.hang_seconds)
                return self._send(200, b"too late", {})
            if action in RAW:
                return RAW[action](self)
            return self._send(int(action), b"busy", {"Retry-After": "0"})
        body = self.server.body(self.path)
        if body is None:
            return self._send(404, b"<html><body>Page not found</body></html>", {})
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            return self._send(304, b"", {"ETag": etag})
        headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
        return self._send(200, body, headers)

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        try:
            self.send_response(status)
            xml = self.path.startswith("/sitemap") or self.path.endswith(".xml")
            kind = "application/xml" if xml else "text/html"
            self.send_header("Content-Type", "text/plain" if self.path == "/robots.txt" else kind)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
            pass


def _raw(status_line: bytes, headers: dict[str, str], body: bytes = b""):
    def send(handler: _Handler) -> None:
        handler.wfile.write(b"HTTP/1.1 " + status_line + b"\r\n")
        for name, value in headers.items():
            handler.wfile.write(f"{name}: {value}\r\n".encode())
        handler.wfile.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        handler.close_connection = True

    return send


def _trickle(handler: _Handler) -> None:
    """A body that trickles one byte at a time (the total deadline must stop it)."""
    handler.send_response(200)
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
        for _ in range(100000):
            handler.wfile.write(b"x")
            handler.wfile.flush()
            time.sleep(0.05)


def _gzip_bomb() -> bytes:
    return gzip.compress(b"\0" * 30_000_000, compresslevel=9)


BOMB = _gzip_bomb()

# Hostile answers a script may ask for (the findings of issue 24).
RAW = {
    "bad-gzip": _raw(b"200 OK", {"Content-Encoding": "gzip"}, b"\x1f\x8b\x08\x00not gzip at all"),
    "bomb": _raw(b"200 OK", {"Content-Encoding": "gzip", "Content-Type": "text/html"}, BOMB),
    "long-etag": _raw(b"200 OK", {"ETag": '"' + "e" * 300 + '"'}, b"<html>x</html>"),
    "retry-forever": _raw(b"503 Busy", {"Retry-After": "999999"}),
    "trickle": _trickle,
    "internal-redirect": _raw(b"302 Found", {"Location": "http://10.0.0.1:8080/secret"}),
    "port-redirect": _raw(b"302 Found", {"Location": "http://127.0.0.1:1/x"}),
}


def start() -> tuple[FixtureServer, threading.Thread]:
    server = FixtureServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread
