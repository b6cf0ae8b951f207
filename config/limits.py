"""Limits on what one client can cost: request rates (429) and query time (statement timeout)."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager, suppress
from functools import cached_property

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, connections
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import ngettext
from django_ratelimit.core import get_usage

from config.page_language import path_language

MACHINE_GROUPS = ("api", "exports", "feeds")
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RUNNING_LOCKS = 0x524C  # first key of the advisory locks of running requests ("RL")


class RateLimitMiddleware:
    """Count requests per client address in groups (search, API, feeds, exports, admin login).

    A client over its group's rate gets 429 with Retry-After: a problem document from the API,
    exports and feeds, a page elsewhere. Failed logins are counted per address and per address and
    username (never per username alone, which would let anyone lock an account out for everyone);
    a client over either limit is refused before the view runs, so its guess never reaches the
    password hasher.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def login_path(self) -> str:
        return reverse("admin:login")

    def __call__(self, request: HttpRequest):
        group = self.group(request)
        if not group or not settings.RATELIMIT_ENABLE:
            return self.get_response(request)
        counted = (
            login_counters() if group == "login" else [("ip", settings.RATELIMIT_RATES[group])]
        )
        usage = None
        for key, rate in counted:
            usage = get_usage(request, group=group, key=key, rate=rate, increment=group != "login")
            if usage and (usage["should_limit"] or is_used_up(usage, group)):
                refusal_delay.wait()
                refused = too_many_requests(request, group, max(1, usage["time_left"]))
                return with_quota(refused, group, usage)
        with in_flight(request, group) as admitted:
            if admitted:
                response = self.get_response(request)
                if group == "login" and not is_signed_in(response):
                    for key, rate in counted:  # a failed login: count it on both counters
                        get_usage(request, group=group, key=key, rate=rate, increment=True)
                return with_quota(response, group, usage)
        refusal_delay.wait()  # not counted as running meanwhile
        return too_many_requests(request, group, 1)

    def group(self, request: HttpRequest) -> str | None:
        """The rate-limit group of a request, or None for requests that are not limited."""
        path = request.path
        if path == self.login_path:
            return "login" if request.method == "POST" else None
        if path.startswith(("/statements/export.", "/data/un-statements-archive-")):
            return "exports"
        if path.startswith("/api/"):
            return "api"
        if path.startswith("/feeds/"):
            return "feeds"
        if request.GET and not path.startswith(("/admin/", "/static/", "/data/")):
            return "search"  # a page asked with a query: a search, a filter or a page of one
        return None


def with_quota(response: HttpResponse, group: str, usage: dict | None) -> HttpResponse:
    """RateLimit-Policy and RateLimit on data out, as draft-ietf-httpapi-ratelimit-headers-11
    writes them (https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/11/):
    the policy's quota q a window of w seconds, and what is left of it, r, for t more seconds.

    e.g. `RateLimit-Policy: "api";q=120;w=60` and `RateLimit: "api";r=117;t=42`."""
    if group not in MACHINE_GROUPS or not usage:
        return response
    window = period_seconds(settings.RATELIMIT_RATES[group])
    response["RateLimit-Policy"] = f'"{group}";q={usage["limit"]};w={window}'
    remaining = max(0, usage["limit"] - usage["count"])
    response["RateLimit"] = f'"{group}";r={remaining};t={max(0, usage["time_left"])}'
    return response


def period_seconds(rate: str) -> int:
    """The window of a rate in seconds: "120/m" is 60, "10/5m" 300 (django-ratelimit's forms)."""
    period = re.fullmatch(r"(\d*)([smhd])", rate.partition("/")[2])
    if period is None:
        raise ValueError(f"Not a rate: {rate!r} (write it as 120/m, 10/5m, 1000/h ...)")
    return int(period[1] or 1) * _SECONDS[period[2]]


def login_counters() -> list[tuple]:
    """The login's two counters: the address (RATELIMIT_LOGIN_ADDRESS), and the address with the
    username tried (RATELIMIT_LOGIN)."""
    rates = settings.RATELIMIT_RATES
    return [
        ("ip", rates.get("login_address", rates["login"])),
        (address_and_username, rates["login"]),
    ]


def address_and_username(group: str, request: HttpRequest) -> str:
    """The counter key of one address guessing one username."""
    return f"{client_address(request)}\0{request.POST.get('username', '')[:150]}"


def is_used_up(usage: dict, group: str) -> bool:
    """Failed logins are counted after the view: a peek refuses once the count reaches the limit."""
    return group == "login" and usage["count"] >= usage["limit"]


def is_signed_in(response: HttpResponse) -> bool:
    """The admin login answers a redirect when the password was right, its form again when not."""
    return 300 <= response.status_code < 400


class RefusalDelay:
    """Hold a refusal RATELIMIT_REFUSAL_DELAY seconds, in at most a few threads of the process.

    Refusing costs about a millisecond of CPU (gunicorn and the middleware before this one), so
    a client that asks again the moment it is refused keeps a core busy refusing it. Held a
    moment, each of its connections asks about once a second. At most
    RATELIMIT_DELAYED_PER_PROCESS threads wait at once, so a client with many connections
    cannot park every thread here; beyond that, refusals are answered at once.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.waiting = 0

    def wait(self) -> None:
        with self._lock:
            if self.waiting >= settings.RATELIMIT_DELAYED_PER_PROCESS:
                return
            self.waiting += 1
        try:
            time.sleep(settings.RATELIMIT_REFUSAL_DELAY)
        finally:
            with self._lock:
                self.waiting -= 1


refusal_delay = RefusalDelay()


def in_flight(request: HttpRequest, group: str) -> AbstractContextManager[bool]:
    """Admit at most RATELIMIT_CONCURRENT requests of a group from one client at a time.

    A rate per minute does not stop a client that keeps a few slow requests running at once
    (expensive searches, password checks); this does. Counted where every worker sees it:
    PostgreSQL locks, or the cache when the cache is shared (RATELIMIT_CONCURRENCY_COUNTER).
    """
    if settings.RATELIMIT_CONCURRENCY_COUNTER == "database":
        return running_locked(request, group)
    return running_cached(request, group)


@contextmanager
def running_locked(request: HttpRequest, group: str) -> Iterator[bool]:
    """Hold one of the client's RATELIMIT_CONCURRENT advisory locks while the request runs.

    Session locks are seen by every worker of every machine on the database, and go with their
    connection if a worker dies. Without the database, the request is let through: its view
    then answers the 503 page.
    """
    names = [f"{group}:{client_address(request)}:{n}" for n in range(settings.RATELIMIT_CONCURRENT)]
    held = None
    try:
        held = take_running_lock(names)
        admitted = held is not None
    except DatabaseError:
        admitted = True  # no database: let the view answer its 503 page
    try:
        yield admitted
    finally:
        if held:
            release_running(held)


def take_running_lock(names: list[str]) -> str | None:
    """Take the first free lock of these names; None when every one is held."""
    with connection.cursor() as cursor:
        for name in names:
            cursor.execute("SELECT pg_try_advisory_lock(%s, hashtext(%s))", [RUNNING_LOCKS, name])
            if cursor.fetchone()[0]:
                return name
    return None


def release_running(name: str) -> None:
    """Give a running request's lock back (closing the connection gives every lock back)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, hashtext(%s))", [RUNNING_LOCKS, name])
    except DatabaseError:
        connection.close()


@contextmanager
def running_cached(request: HttpRequest, group: str) -> Iterator[bool]:
    """Count the client's running requests in the cache (exact when the cache is shared)."""
    key = f"rl-inflight:{group}:{client_address(request)}"
    cache.add(key, 0, timeout=300)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        count = 1
    try:
        yield count <= settings.RATELIMIT_CONCURRENT
    finally:
        with suppress(ValueError):
            cache.decr(key)


def client_address(request: HttpRequest) -> str:
    """The client's address as the rate limits see it (X-Real-IP behind the proxy)."""
    meta = settings.RATELIMIT_IP_META_KEY or "REMOTE_ADDR"
    return request.META.get(meta) or request.META.get("REMOTE_ADDR", "")


def too_many_requests(request: HttpRequest, group: str, retry_after: int) -> HttpResponse:
    """429 with Retry-After: a problem document for machines, a page for people."""
    detail = f"Too many requests from this address; try again in {retry_after} seconds."
    if group in MACHINE_GROUPS:
        body = json.dumps(
            {
                "type": "about:blank",
                "title": "Too Many Requests",
                "status": 429,
                "detail": detail,
                "instance": request.path,
            }
        )
        response = HttpResponse(body, status=429, content_type="application/problem+json")
    else:
        with path_language(request):
            wait = ngettext(
                "Too many requests from this address; try again in %(n)s second.",
                "Too many requests from this address; try again in %(n)s seconds.",
                retry_after,
            ) % {"n": retry_after}
            page = render_to_string("429.html", {"detail": wait})
        response = HttpResponse(page, status=429)
    response["Retry-After"] = str(retry_after)
    return response


class StatementTimeoutMiddleware:
    """Cancel a public request's query after ANONYMOUS_STATEMENT_TIMEOUT_MS; staff have none.

    The timeout is set on the request's first query (a request without queries costs nothing)
    and on every request, since connections are reused between anonymous and staff requests.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        timeout = 0 if is_staff_request(request) else settings.ANONYMOUS_STATEMENT_TIMEOUT_MS
        setter = TimeoutSetter(timeout)
        with ExitStack() as stack:
            for alias in connections:
                stack.enter_context(connections[alias].execute_wrapper(setter))
            return self.get_response(request)


def is_staff_request(request: HttpRequest) -> bool:
    """A request by a signed-in staff member (only a session cookie makes that worth a query)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and user.is_staff)


class TimeoutSetter:
    """An execute wrapper that sets statement_timeout before a connection's first query."""

    def __init__(self, milliseconds: int) -> None:
        self.milliseconds = int(milliseconds)
        self.done: set[str] = set()

    def __call__(self, execute, sql, params, many, context):
        alias = context["connection"].alias
        if alias not in self.done:
            self.done.add(alias)
            # The raw cursor, so Django's error wrapping is ours to add: a connection lost here
            # must reach the 503 middleware as Django's OperationalError, not psycopg's.
            with context["connection"].wrap_database_errors:
                context["cursor"].cursor.execute(f"SET statement_timeout = {self.milliseconds}")
        return execute(sql, params, many, context)
