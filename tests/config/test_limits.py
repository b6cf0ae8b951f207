"""Per-client rate limits (429 with Retry-After) and the statement timeout of public requests."""

from __future__ import annotations

import json
import time
from contextlib import contextmanager

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import OperationalError, connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from psycopg.errors import QueryCanceled

from config.limits import RUNNING_LOCKS, StatementTimeoutMiddleware, refusal_delay
from config.middleware import DatabaseUnavailableMiddleware
from statements.publish.exports.slots import export_slots
from statements.publish.exports.streaming import copy_chunks
from tests.factories import make_statement


@pytest.fixture
def limited(settings):
    """Rate limits on, two requests an hour in every group (no window ends mid-test)."""
    settings.RATELIMIT_ENABLE = True
    settings.RATELIMIT_RATES = dict.fromkeys(("search", "api", "feeds", "exports", "login"), "2/h")
    settings.RATELIMIT_REFUSAL_DELAY = 0
    cache.clear()
    yield settings
    cache.clear()


@pytest.mark.parametrize(
    "url",
    [
        "/statements/?q=climate",
        "/speakers/?name=a",
        "/api/v1/statements?q=climate",
        "/feeds/statements.atom?q=climate",
        "/statements/export.csv?q=climate",
    ],
)
def test_third_request_in_the_window_is_429_with_retry_after(client, db, limited, url):
    make_statement(text="Climate adaptation finance.")
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200, url
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    response = client.get(url)
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 3600


def test_machine_clients_get_a_problem_document(client, db, limited):
    for _ in range(3):
        response = client.get("/api/v1/statements", HTTP_ORIGIN="https://example.org")
    assert response["Content-Type"] == "application/problem+json"
    body = json.loads(response.content)
    assert body["status"] == 429 and "try again" in body["detail"]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_people_get_a_page_and_other_clients_are_not_limited(client, db, limited):
    for _ in range(3):
        response = client.get("/statements/?q=a")
    assert response.status_code == 429
    assert b"Too many requests" in response.content
    other = client.get("/statements/?q=a", REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 200


def test_browsing_without_a_query_is_not_counted_as_search(client, db, limited):
    for _ in range(4):
        assert client.get("/statements/").status_code == 200


def test_admin_login_is_throttled_per_address_and_per_username(client, db, limited):
    get_user_model().objects.create_superuser("boss", "b@example.org", "right-password-123")
    login = reverse("admin:login")
    for _ in range(2):
        response = client.post(login, {"username": "boss", "password": "wrong"})
        assert response.status_code == 200  # the form again, with its error
    assert client.post(login, {"username": "boss", "password": "wrong"}).status_code == 429
    # The right password from the same address waits too: guessing cannot go on.
    response = client.post(login, {"username": "boss", "password": "right-password-123"})
    assert response.status_code == 429
    # The address is limited whatever username it tries next (RATELIMIT_LOGIN_ADDRESS).
    assert client.post(login, {"username": "other", "password": "x"}).status_code == 429
    assert client.get(login).status_code == 200  # the form itself is never limited


def test_failed_logins_never_lock_a_username_for_everyone(client, db, limited, settings):
    """Before: the login limit counted per username, so anyone's wrong guesses made the right
    password answer 429 from every address."""
    settings.RATELIMIT_RATES = {**settings.RATELIMIT_RATES, "login": "2/h", "login_address": "3/h"}
    get_user_model().objects.create_superuser("boss", "b@example.org", "right-password-123")
    login = reverse("admin:login")
    for n in range(20):  # an attacker from many addresses
        client.post(login, {"username": "boss", "password": "x"}, REMOTE_ADDR=f"192.0.2.{n}")
    owner = client.post(login, {"username": "boss", "password": "right-password-123"})
    assert owner.status_code == 302  # signed in


def test_a_signed_in_login_is_not_counted(client, db, limited):
    get_user_model().objects.create_superuser("boss", "b@example.org", "right-password-123")
    login = reverse("admin:login")
    for _ in range(4):
        response = client.post(login, {"username": "boss", "password": "right-password-123"})
        assert response.status_code == 302
        client.logout()


def test_concurrent_exports_per_process_are_capped(client, db, settings):
    settings.EXPORTS_PER_PROCESS = 1
    make_statement(text="One statement.")
    first = client.get("/statements/export.csv")
    assert first.status_code == 200
    second = client.get("/statements/export.csv")
    assert second.status_code == 429 and second["Retry-After"]
    b"".join(first.streaming_content)  # the test client closes the response when read
    third = client.get("/statements/export.csv")
    assert third.status_code == 200
    third.close()
    assert export_slots.active == 0


def _answer_with(sql: str, *, staff: bool = False, milliseconds: int = 50):
    """Run a query inside the timeout middleware as an anonymous (or staff) request."""
    request = RequestFactory().get("/statements/")
    if staff:
        request.COOKIES["sessionid"] = "x"
        request.user = get_user_model()(is_staff=True, is_active=True)

    def view(request):
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return HttpResponse(str(cursor.fetchone()[0]))

    middleware = StatementTimeoutMiddleware(view)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.conf.settings.ANONYMOUS_STATEMENT_TIMEOUT_MS", milliseconds)
        return middleware(request)


def test_anonymous_queries_run_under_the_statement_timeout(db):
    assert _answer_with("SHOW statement_timeout").content == b"50ms"
    with pytest.raises(OperationalError) as cancelled:
        _answer_with("SELECT pg_sleep(1)")
    page = DatabaseUnavailableMiddleware(None).process_exception(None, cancelled.value)
    assert page.status_code == 503 and page["Retry-After"]
    assert b"took too long" in page.content


def test_staff_queries_have_no_statement_timeout(db):
    assert _answer_with("SHOW statement_timeout", staff=True).content == b"0"
    assert _answer_with("SELECT pg_sleep(0.1)::text", staff=True).status_code == 200


def test_the_export_runs_under_its_own_timeout(db, settings):
    settings.EXPORT_STATEMENT_TIMEOUT_MS = 1
    make_statement(text="One statement.")
    with pytest.raises(QueryCanceled):
        b"".join(copy_chunks("COPY (SELECT pg_sleep(0.2)) TO STDOUT"))


def test_a_client_cannot_run_more_than_a_few_requests_at_once(client, db, limited):
    limited.RATELIMIT_RATES = dict.fromkeys(limited.RATELIMIT_RATES, "100/h")
    limited.RATELIMIT_CONCURRENT = 2
    limited.RATELIMIT_CONCURRENCY_COUNTER = "cache"  # a shared cache (CACHE_URL) counts
    key = "rl-inflight:search:127.0.0.1"
    cache.set(key, 2)  # two searches of this client are running
    response = client.get("/statements/?q=climate")
    assert response.status_code == 429 and response["Retry-After"] == "1"
    assert cache.get(key) == 2
    cache.set(key, 1)
    assert client.get("/statements/?q=climate").status_code == 200
    assert cache.get(key) == 1  # its own count is given back


def _timed_get(client, url: str) -> tuple[int, float]:
    started = time.perf_counter()
    status = client.get(url).status_code
    return status, time.perf_counter() - started


def test_a_refusal_is_held_a_moment_in_a_few_threads_only(client, db, limited, monkeypatch):
    limited.RATELIMIT_REFUSAL_DELAY = 0.5
    limited.RATELIMIT_DELAYED_PER_PROCESS = 1
    for _ in range(2):
        assert _timed_get(client, "/statements/?q=a")[0] == 200
    status, seconds = _timed_get(client, "/statements/?q=a")
    assert status == 429 and seconds >= 0.5  # a client looping on refusals asks less often
    assert refusal_delay.waiting == 0
    # Every delay slot of the process taken: the refusal is answered at once, no thread parked.
    monkeypatch.setattr(refusal_delay, "waiting", 1)
    status, seconds = _timed_get(client, "/statements/?q=a")
    assert status == 429 and seconds < 0.4


def test_a_refusal_for_running_too_many_is_held_without_counting_as_running(client, db, limited):
    limited.RATELIMIT_RATES = dict.fromkeys(limited.RATELIMIT_RATES, "100/h")
    limited.RATELIMIT_REFUSAL_DELAY = 0.3
    limited.RATELIMIT_DELAYED_PER_PROCESS = 2
    limited.RATELIMIT_CONCURRENCY_COUNTER = "cache"
    key = "rl-inflight:search:127.0.0.1"
    cache.set(key, 1)  # one search of this client is running
    status, seconds = _timed_get(client, "/statements/?q=climate")
    assert status == 429 and seconds >= 0.3
    assert cache.get(key) == 1


@contextmanager
def _another_worker():
    """A second database session, as another gunicorn worker would have."""
    other = connection.copy()
    try:
        with other.cursor() as cursor:
            yield cursor
    finally:
        other.close()


def _running(cursor, name: str, *, lock: bool) -> None:
    verb = "pg_try_advisory_lock" if lock else "pg_advisory_unlock"
    cursor.execute(f"SELECT {verb}(%s, hashtext(%s))", [RUNNING_LOCKS, name])
    assert cursor.fetchone()[0]


def test_running_requests_are_counted_across_workers_in_the_database(client, db, limited):
    limited.RATELIMIT_RATES = dict.fromkeys(limited.RATELIMIT_RATES, "100/h")
    limited.RATELIMIT_CONCURRENT = 2
    assert limited.RATELIMIT_CONCURRENCY_COUNTER == "database"  # the default without CACHE_URL
    with _another_worker() as other:
        for n in range(2):  # two searches of this client are running in another worker
            _running(other, f"search:127.0.0.1:{n}", lock=True)
        response = client.get("/statements/?q=climate")
        assert response.status_code == 429 and response["Retry-After"] == "1"
        assert client.get("/statements/?q=climate", REMOTE_ADDR="192.0.2.4").status_code == 200
        _running(other, "search:127.0.0.1:1", lock=False)
        assert client.get("/statements/?q=climate").status_code == 200
        # The request gave its lock back: the other worker can take it.
        _running(other, "search:127.0.0.1:1", lock=True)


def test_without_the_database_the_concurrency_check_lets_the_503_through(client, db, limited):
    def broken_cursor():
        raise OperationalError("connection refused")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(connection, "cursor", broken_cursor)
        response = client.get("/statements/?q=climate")
    assert response.status_code == 503
