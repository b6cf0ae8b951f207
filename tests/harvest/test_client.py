"""The polite client against the local server: robots.txt, retries, timeouts, 304s, delay."""

from __future__ import annotations

import pytest

from statements.harvest.client import (
    Disallowed,
    FetchError,
    PoliteClient,
    Politeness,
    check_address,
)

AGENT = "UNStatementsArchive/1.0 (+http://127.0.0.1:8000; archive-tests@example.org)"


@pytest.fixture
def waits():
    return []


@pytest.fixture
def client(waits):
    with PoliteClient(
        Politeness(AGENT, delay=0, timeout=0.5, retries=2, backoff=0), waits.append
    ) as c:
        yield c


def test_user_agent_names_the_archive_and_a_contact(site, client):
    client.get(site.base_url + "/en/2021/sc14567.doc.htm")
    assert site.requests[-1][1]["User-Agent"] == AGENT


def test_robots_txt_is_read_once_and_obeyed(site, client):
    site.overrides["/robots.txt"] = b"User-agent: *\nDisallow: /en/2021/\n"
    with pytest.raises(Disallowed):
        client.get(site.base_url + "/en/2021/sc14567.doc.htm")
    client.get(site.base_url + "/en/2016/sc12284.doc.htm")
    assert site.hits("/en/2021/sc14567.doc.htm") == 0
    assert site.hits("/robots.txt") == 1


def test_429_then_success_honours_retry_after(site, client, waits):
    site.script["/en/2021/sc14567.doc.htm"].append("429")
    fetched = client.get(site.base_url + "/en/2021/sc14567.doc.htm")
    assert fetched.status == 200 and b"SC/14567" in fetched.content
    assert site.hits("/en/2021/sc14567.doc.htm") == 2
    assert 0.0 in waits  # the server's Retry-After: 0, not the backoff


def test_a_timeout_is_retried(site, client):
    site.script["/en/2021/sc14567.doc.htm"].append("timeout")
    assert client.get(site.base_url + "/en/2021/sc14567.doc.htm").status == 200
    assert site.hits("/en/2021/sc14567.doc.htm") == 2


def test_persistent_5xx_gives_up_with_a_clear_error(site, client):
    site.script["/en/2021/sc14567.doc.htm"].extend(["503", "503", "503"])
    with pytest.raises(FetchError, match="HTTP 503 after 3 tries"):
        client.get(site.base_url + "/en/2021/sc14567.doc.htm")


def test_conditional_request_gets_304(site, client):
    first = client.get(site.base_url + "/en/2021/sc14567.doc.htm")
    again = client.get(site.base_url + "/en/2021/sc14567.doc.htm", etag=first.etag)
    assert first.etag and again.not_modified and again.content == b""
    assert site.requests[-1][1]["If-None-Match"] == first.etag


def test_requests_are_spaced_by_the_delay(site, waits):
    with PoliteClient(Politeness(AGENT, delay=5, retries=0), waits.append) as client:
        client.get(site.base_url + "/en/2021/sc14567.doc.htm")  # robots.txt, then the page
    assert len(waits) == 1 and 4 < waits[0] <= 5


def test_crawl_delay_in_robots_txt_wins_over_a_shorter_setting(site, waits):
    site.overrides["/robots.txt"] = b"User-agent: *\nCrawl-delay: 10\n"
    with PoliteClient(Politeness(AGENT, delay=1, retries=0), waits.append) as client:
        client.get(site.base_url + "/en/2021/sc14567.doc.htm")
    assert len(waits) == 1 and waits[0] > 9


def test_allowed_hosts_stop_redirects_elsewhere(site):
    site.overrides["/robots.txt"] = b""
    client = PoliteClient(Politeness(AGENT, delay=0, retries=0), allowed_hosts=("localhost",))
    with client, pytest.raises(Disallowed, match="not on an allowed host"):
        client.get(site.base_url + "/en/2021/sc14567.doc.htm")
    assert not site.requests


# Robots.txt by RFC 9309 (Protego): wildcards, $ and the longest match ---------------------------


def test_robots_txt_wildcards_and_longest_match(site, client):
    site.overrides["/robots.txt"] = (
        b"User-agent: *\nDisallow: */sitesearch\nDisallow: /user/*\nDisallow: /en/2021/\n"
        b"Allow: /en/2021/sc14567.doc.htm$\n"
    )
    assert not client.allowed(site.base_url + "/fr/sitesearch?q=x")
    assert not client.allowed(site.base_url + "/user/login")
    assert not client.allowed(site.base_url + "/en/2021/ga12399.doc.htm")
    assert client.allowed(site.base_url + "/en/2021/sc14567.doc.htm")  # the longer Allow wins
    assert not client.allowed(site.base_url + "/en/2021/sc14567.doc.htm?x")  # $ anchors
    assert client.allowed(site.base_url + "/en/content/meetings-coverage")


def test_the_fixture_robots_txt_in_the_real_shape(site, client):
    assert not client.allowed(site.base_url + "/en/sitesearch")
    assert not client.allowed(site.base_url + "/search?q=1")
    assert client.allowed(site.base_url + "/en/rss.xml")


# Every fetch is bounded (issue 24) -----------------------------------------------------------


def bounded(waits, **kwargs) -> PoliteClient:
    settings = {"delay": 0, "timeout": 0.5, "retries": 2, "backoff": 0} | kwargs
    return PoliteClient(Politeness(AGENT, **settings), waits.append)


def test_a_redirect_loop_is_a_fetch_error(site, client):
    with pytest.raises(FetchError, match="TooManyRedirects"):
        client.get(site.base_url + "/loop")
    assert site.hits("/loop") == 1 and len(site.requests) <= 8  # robots.txt, 1 + 5 redirects


def test_a_broken_gzip_body_is_a_fetch_error(site, client):
    site.script["/en/2021/sc14567.doc.htm"].append("bad-gzip")
    with pytest.raises(FetchError, match="DecodingError"):
        client.get(site.base_url + "/en/2021/sc14567.doc.htm")


def test_a_gzip_bomb_stops_at_the_decoded_byte_cap(site, waits):
    site.script["/en/2021/sc14567.doc.htm"].append("bomb")
    with (
        bounded(waits, max_bytes=2_000_000) as client,
        pytest.raises(FetchError, match="larger than 2,000,000 bytes"),
    ):
        client.get(site.base_url + "/en/2021/sc14567.doc.htm")


def test_an_etag_over_200_characters_is_not_kept(site, client):
    site.script["/en/2021/sc14567.doc.htm"].append("long-etag")
    fetched = client.get(site.base_url + "/en/2021/sc14567.doc.htm")
    assert fetched.status == 200 and fetched.etag == ""
    again = client.get(site.base_url + "/en/2021/sc14567.doc.htm", etag="e" * 300)
    assert "If-None-Match" not in site.requests[-1][1] and again.status == 200


def test_retry_after_beyond_the_deadline_fails_at_once(site, waits):
    site.script["/en/2021/sc14567.doc.htm"].append("retry-forever")
    with (
        bounded(waits, max_wait=600, deadline=20) as client,
        pytest.raises(FetchError, match="asked us to wait 600 s"),
    ):
        client.get(site.base_url + "/en/2021/sc14567.doc.htm")
    assert waits == []  # never slept


def test_a_trickling_body_stops_at_the_total_deadline(site, waits):
    site.script["/en/2021/sc14567.doc.htm"].append("trickle")
    with (
        bounded(waits, deadline=1.0, retries=0) as client,
        pytest.raises(FetchError, match="not fetched within 1 s"),
    ):
        client.get(site.base_url + "/en/2021/sc14567.doc.htm")


def test_a_day_long_crawl_delay_is_capped(site, waits):
    site.overrides["/robots.txt"] = b"User-agent: *\nCrawl-delay: 86400\n"
    with bounded(waits, max_crawl_delay=30) as client:
        client.get(site.base_url + "/en/2021/sc14567.doc.htm")
        assert client.crawl_delay() == 30
    assert waits and max(waits) <= 30


def test_redirects_to_other_hosts_or_ports_are_refused(site, waits):
    with bounded(waits) as client:
        client.allowed_hosts = ("127.0.0.1", f"127.0.0.1:{site.server_address[1]}")
        site.script["/en/2021/sc14567.doc.htm"].extend(["internal-redirect", "port-redirect"])
        with pytest.raises(Disallowed, match="10.0.0.1:8080/secret: not on an allowed host"):
            client.get(site.base_url + "/en/2021/sc14567.doc.htm")
        with pytest.raises(Disallowed, match="127.0.0.1:1/x: not on an allowed host and port"):
            client.get(site.base_url + "/en/2021/sc14567.doc.htm")
        assert client.get(site.base_url + "/en/2021/sc14567.doc.htm").status == 200
    with pytest.raises(Disallowed, match="not on an allowed host and port"):
        check_address("http://press.un.org:8080/en/2021/sc1.doc.htm", ("press.un.org",))
    with pytest.raises(Disallowed, match="not a valid address"):
        check_address("http://press.un.org:99999/", ("press.un.org",))
