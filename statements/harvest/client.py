"""A polite HTTP client: robots.txt, one request at a time with a delay, retries, conditional GETs.

No Django here: the settings come in as a ``Politeness`` value, so the client is tested alone.
"""

from __future__ import annotations

import email.utils
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class Politeness:
    """How the client behaves: who it says it is, how often it asks, how long it waits."""

    user_agent: str
    delay: float = 2.0
    timeout: float = 30.0
    retries: int = 4
    backoff: float = 5.0
    max_wait: float = 600.0


@dataclass(frozen=True)
class Fetched:
    """One response: 200 with content, or 304 (not modified) without."""

    url: str
    status: int
    content: bytes = b""
    etag: str = ""
    last_modified: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A page could not be fetched (after retries); the message says why."""


class Disallowed(FetchError):
    """robots.txt forbids the address for our user agent."""


@dataclass
class PoliteClient:
    """Fetch pages one at a time, never faster than the delay, obeying each host's robots.txt."""

    politeness: Politeness
    sleep: Callable[[float], None] = time.sleep
    transport: httpx.BaseTransport | None = None
    allowed_hosts: tuple[str, ...] = ()  # when set, no request (redirects included) leaves them
    _robots: dict[str, urllib.robotparser.RobotFileParser] = field(default_factory=dict)
    _last_request: float | None = None
    requests: int = 0

    def __post_init__(self) -> None:
        self._http = httpx.Client(
            headers={"User-Agent": self.politeness.user_agent},
            timeout=self.politeness.timeout,
            follow_redirects=True,
            transport=self.transport,
            event_hooks={"request": [self._check_host]},
        )

    def _check_host(self, request: httpx.Request) -> None:
        """Refuse a request (a redirect, say) to a host outside the allowed ones."""
        if self.allowed_hosts and request.url.host not in self.allowed_hosts:
            raise Disallowed(f"{request.url}: not on an allowed host.")

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(self, url: str, *, etag: str = "", last_modified: str = "") -> Fetched:
        """GET an address robots.txt allows, conditionally when validators are known."""
        self._check_host(httpx.Request("GET", url))
        if not self.allowed(url):
            raise Disallowed(f"{url}: robots.txt disallows it for our user agent.")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response = self._request(url, headers)
        if response.status_code not in (200, 304):
            raise FetchError(f"{url}: HTTP {response.status_code}.")
        return Fetched(
            url=url,
            status=response.status_code,
            content=response.content if response.status_code == 200 else b"",
            etag=response.headers.get("ETag", etag),
            last_modified=response.headers.get("Last-Modified", last_modified),
        )

    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets our user agent fetch the address."""
        return self._robots_for(url).can_fetch(self.politeness.user_agent, url)

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser:
        """Fetch and cache a host's robots.txt (RFC 9309: 4xx allows all, 5xx forbids all)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            parser = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
            try:
                response = self._request(f"{origin}/robots.txt", {})
            except FetchError:
                response = None
            if response is None or response.status_code >= 500:
                parser.disallow_all = True
            elif response.status_code >= 400:
                parser.allow_all = True
            else:
                parser.parse(response.text.splitlines())
            self._robots[origin] = parser
        return self._robots[origin]

    def _crawl_delay(self) -> float:
        """The longest Crawl-delay any robots.txt read so far asks of us."""
        agent = self.politeness.user_agent
        delays = [float(r.crawl_delay(agent) or 0) for r in self._robots.values()]
        return max(delays, default=0.0)

    def _request(self, url: str, headers: dict[str, str]) -> httpx.Response:
        """One GET with retries on 429, 5xx and timeouts, honouring Retry-After."""
        attempts = self.politeness.retries + 1
        for attempt in range(attempts):
            self._wait_turn()
            try:
                response = self._http.get(url, headers=headers)
            except httpx.TransportError as exc:  # timeouts, refused or dropped connections
                if attempt + 1 == attempts:
                    raise FetchError(
                        f"{url}: {type(exc).__name__} after {attempts} tries."
                    ) from exc
                self._back_off(attempt, None)
                continue
            if response.status_code not in RETRY_STATUSES or attempt + 1 == attempts:
                if response.status_code in RETRY_STATUSES:
                    raise FetchError(f"{url}: HTTP {response.status_code} after {attempts} tries.")
                return response
            self._back_off(attempt, response.headers.get("Retry-After"))
        raise AssertionError("unreachable")  # the loop returns or raises

    def _wait_turn(self) -> None:
        """Sleep until the delay since the previous request has passed."""
        delay = max(self.politeness.delay, self._crawl_delay())
        if self._last_request is not None:
            remaining = self._last_request + delay - time.monotonic()
            if remaining > 0:
                self.sleep(remaining)
        self._last_request = time.monotonic()
        self.requests += 1

    def _back_off(self, attempt: int, retry_after: str | None) -> None:
        """Wait before a retry: Retry-After when the server says, else exponential backoff."""
        wait = retry_after_seconds(retry_after)
        if wait is None:
            wait = self.politeness.backoff * 2**attempt
        self.sleep(min(wait, self.politeness.max_wait))


def retry_after_seconds(value: str | None) -> float | None:
    """Read a Retry-After header: seconds, or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
