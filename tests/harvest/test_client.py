"""The polite client against the local server: robots.txt, retries, timeouts, 304s, delay."""

from __future__ import annotations

import pytest

from statements.harvest.client import Disallowed, FetchError, PoliteClient, Politeness

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
