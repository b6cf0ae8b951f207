"""A polite, bounded HTTP client: robots.txt, one request at a time with a delay, retries.

Every fetch is bounded: a total deadline (retries and waits included), a cap on the decoded bytes
(a gzip bomb stops at the cap), caps on ``Retry-After`` and ``Crawl-delay``, at most a few
redirects, and only the allowed hosts on ports 80 and 443. Every failure of the transport
(timeouts, broken gzip, redirect loops, bad addresses) is a ``FetchError`` with a reason.

No Django here: the settings come in as a ``Politeness`` value, so the client is tested alone.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx
from protego import Protego

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
VALIDATOR_LIMIT = 200  # longer ETag or Last-Modified values are not kept (nor sent back)
ROBOTS_LIMIT = 512 * 1024  # RFC 9309: parse at least 500 KiB
PORTS = (None, 80, 443)


@dataclass(frozen=True)
class Politeness:
    """How the client behaves: who it says it is, how often it asks, how long it may take."""

    user_agent: str
    delay: float = 2.0
    timeout: float = 30.0  # one connect or read
    retries: int = 4
    backoff: float = 5.0
    max_wait: float = 600.0  # longest single wait (Retry-After or backoff)
    deadline: float = 300.0  # one fetch in all, retries and waits included
    max_bytes: int = 20_000_000  # decoded bytes of one answer
    max_crawl_delay: float = 60.0
    max_redirects: int = 5


@dataclass(frozen=True)
class Fetched:
    """One response: 200 with content, or 304 (not modified) without."""

    url: str
    status: int
    content: bytes = b""
    etag: str = ""
    last_modified: str = ""
    content_type: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A page could not be fetched (after retries); the message says why."""

    def __init__(self, message: str, *, status: int = 0) -> None:
        super().__init__(message)
        self.status = status  # the HTTP status the site answered, when it answered one


class Disallowed(FetchError):
    """robots.txt forbids the address, or it is outside the allowed hosts and ports."""


@dataclass(frozen=True)
class _Answer:
    status: int
    headers: httpx.Headers
    content: bytes


@dataclass
class PoliteClient:
    """Fetch pages one at a time, never faster than the delay, obeying each host's robots.txt."""

    politeness: Politeness
    sleep: Callable[[float], None] = time.sleep
    transport: httpx.BaseTransport | None = None
    allowed_hosts: tuple[str, ...] = ()  # when set, no request (redirects included) leaves them
    _robots: dict[str, Protego] = field(default_factory=dict)
    _last_request: float | None = None
    requests: int = 0

    def __post_init__(self) -> None:
        self._http = httpx.Client(
            headers={"User-Agent": self.politeness.user_agent},
            timeout=self.politeness.timeout,
            follow_redirects=True,
            max_redirects=self.politeness.max_redirects,
            transport=self.transport,
            event_hooks={"request": [self._check_host]},
        )

    def _check_host(self, request: httpx.Request) -> None:
        """Refuse a request (a redirect, say) to a host or port outside the allowed ones."""
        check_address(str(request.url), self.allowed_hosts)

    def permits(self, url: str) -> bool:
        """Whether an address is on the allowed hosts and ports (discovery drops the others)."""
        try:
            check_address(url, self.allowed_hosts)
        except Disallowed:
            return False
        return True

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(self, url: str, *, etag: str = "", last_modified: str = "") -> Fetched:
        """GET an address robots.txt allows, conditionally when validators are known."""
        deadline = time.monotonic() + self.politeness.deadline
        check_address(url, self.allowed_hosts)
        if not self.allowed(url, deadline=deadline):
            raise Disallowed(f"{url}: robots.txt disallows it for our user agent.")
        headers = {}
        if etag and len(etag) <= VALIDATOR_LIMIT:
            headers["If-None-Match"] = etag
        if last_modified and len(last_modified) <= VALIDATOR_LIMIT:
            headers["If-Modified-Since"] = last_modified
        answer = self._request(url, headers, deadline)
        if answer.status not in (200, 304):
            raise FetchError(f"{url}: HTTP {answer.status}.", status=answer.status)
        return Fetched(
            url=url,
            status=answer.status,
            content=answer.content if answer.status == 200 else b"",
            etag=_validator(answer.headers.get("ETag"), etag),
            last_modified=_validator(answer.headers.get("Last-Modified"), last_modified),
            content_type=answer.headers.get("Content-Type", "")[:100],
        )

    def allowed(self, url: str, *, deadline: float | None = None) -> bool:
        """Whether the host's robots.txt lets our user agent fetch the address (RFC 9309)."""
        return self._robots_for(url, deadline).can_fetch(url, self.politeness.user_agent)

    def _robots_for(self, url: str, deadline: float | None) -> Protego:
        """Fetch and cache a host's robots.txt (RFC 9309: 4xx allows all, 5xx forbids all)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            deadline = deadline or time.monotonic() + self.politeness.deadline
            try:
                answer = self._request(f"{origin}/robots.txt", {}, deadline, limit=ROBOTS_LIMIT)
            except FetchError:
                answer = None
            if answer is None or answer.status >= 500:
                text = "User-agent: *\nDisallow: /\n"
            elif answer.status >= 400:
                text = ""
            else:
                text = answer.content.decode("utf-8", "replace")
            self._robots[origin] = Protego.parse(text)
        return self._robots[origin]

    def crawl_delay(self) -> float:
        """The longest Crawl-delay any robots.txt read so far asks of us, within the cap."""
        agent = self.politeness.user_agent
        delays = [float(r.crawl_delay(agent) or 0) for r in self._robots.values()]
        return min(max(delays, default=0.0), self.politeness.max_crawl_delay)

    def _request(
        self, url: str, headers: dict[str, str], deadline: float, *, limit: int = 0
    ) -> _Answer:
        """One GET with retries on 429, 5xx and timeouts, honouring Retry-After, by the deadline."""
        attempts = self.politeness.retries + 1
        for attempt in range(attempts):
            self._wait_turn(url, deadline)
            try:
                answer = self._stream(url, headers, deadline, limit or self.politeness.max_bytes)
            except httpx.TransportError as exc:  # timeouts, refused or dropped connections
                if attempt + 1 == attempts or isinstance(exc, httpx.DecodingError):
                    raise FetchError(f"{url}: {_reason(exc)} after {attempt + 1} tries.") from exc
                self._back_off(url, attempt, None, deadline)
                continue
            except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
                raise FetchError(f"{url}: {_reason(exc)}.") from exc
            if answer.status not in RETRY_STATUSES:
                return answer
            if attempt + 1 == attempts:
                raise FetchError(f"{url}: HTTP {answer.status} after {attempts} tries.")
            self._back_off(url, attempt, answer.headers.get("Retry-After"), deadline)
        raise AssertionError("unreachable")  # the loop returns or raises

    def _stream(self, url: str, headers: dict[str, str], deadline: float, limit: int) -> _Answer:
        """Read one answer, stopping at the byte cap or the deadline."""
        remaining = deadline - time.monotonic()
        timeout = httpx.Timeout(max(0.01, min(self.politeness.timeout, remaining)))
        with self._http.stream("GET", url, headers=headers, timeout=timeout) as response:
            chunks, size = [], 0
            for chunk in response.iter_bytes():  # decoded: a gzip bomb stops at the cap
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"{url}: the answer is larger than {limit:,} bytes.")
                if time.monotonic() > deadline:
                    raise FetchError(f"{url}: not fetched within {self._deadline_text()}.")
                chunks.append(chunk)
            return _Answer(response.status_code, response.headers, b"".join(chunks))

    def _deadline_text(self) -> str:
        return f"{self.politeness.deadline:g} s"

    def _wait_turn(self, url: str, deadline: float) -> None:
        """Sleep until the delay since the previous request has passed (never past the deadline)."""
        delay = max(self.politeness.delay, self.crawl_delay())
        if self._last_request is not None:
            remaining = self._last_request + delay - time.monotonic()
            if remaining > 0:
                if time.monotonic() + remaining > deadline:
                    raise FetchError(f"{url}: not fetched within {self._deadline_text()}.")
                self.sleep(remaining)
        self._last_request = time.monotonic()
        self.requests += 1

    def _back_off(self, url: str, attempt: int, retry_after: str | None, deadline: float) -> None:
        """Wait before a retry: Retry-After when the server says, else exponential backoff."""
        wait = retry_after_seconds(retry_after)
        if wait is None:
            wait = self.politeness.backoff * 2**attempt
        wait = min(wait, self.politeness.max_wait)
        if time.monotonic() + wait > deadline:
            raise FetchError(
                f"{url}: the site asked us to wait {wait:g} s, past the {self._deadline_text()}"
                " this fetch may take."
            )
        self.sleep(wait)


def check_address(url: str, hosts: tuple[str, ...]) -> None:
    """Refuse an address outside http(s) and the allowed hosts (when given): a host alone is
    allowed on ports 80 and 443 only; "host:port" allows that port too."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise Disallowed(f"{url[:200]}: not a valid address ({exc}).") from exc
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        raise Disallowed(f"{url[:200]}: only http and https addresses are fetched.")
    if hosts and not (host in hosts and port in PORTS) and f"{host}:{port}" not in hosts:
        raise Disallowed(f"{url[:200]}: not on an allowed host and port.")


def _validator(value: str | None, sent: str) -> str:
    """A validator worth keeping: the server's (or the one we sent), within the length limit."""
    value = (value if value is not None else sent).strip()
    return value if len(value) <= VALIDATOR_LIMIT else ""


def _reason(exc: Exception) -> str:
    """A short reason for a transport failure."""
    text = str(exc)[:200]
    return f"{type(exc).__name__} ({text})" if text else type(exc).__name__


def retry_after_seconds(value: str | None) -> float | None:
    """Read a Retry-After header: seconds, or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())
