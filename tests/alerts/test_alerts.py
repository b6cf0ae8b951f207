"""Subscriptions: double opt-in, limits that keep the form from mailing strangers, signed
one-click unsubscribe (RFC 8058), and the digests of send_alert_digests (locmem outbox)."""

from __future__ import annotations

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from statements.alerts.models import Subscription
from tests.factories import make_meeting, make_statement

pytestmark = pytest.mark.django_db
FORM = {
    "kind": "delegation",
    "delegation": "NOR",
    "email": "researcher@example.org",
    "frequency": "daily",
}


def link(message, name: str) -> str:
    (url,) = re.findall(rf"https?://\S+/alerts/{name}/\S+/", message.body)
    return url[url.index("/alerts/") :]


def subscribe_and_confirm(client, **changes) -> Subscription:
    client.post(reverse("alerts:subscribe"), {**FORM, **changes})
    client.post(link(mail.outbox[-1], "confirm"))
    return Subscription.objects.get(email=changes.get("email", FORM["email"]))


def test_subscribing_sends_one_confirmation_and_nothing_else(client):
    page = client.post(reverse("alerts:subscribe"), FORM)
    assert page.status_code == 200 and "Check your inbox" in page.content.decode()
    (message,) = mail.outbox
    assert message.to == ["researcher@example.org"]
    assert "Statements by Norway" in message.body
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None and subscription.requester  # a hash, not the address
    assert subscription.requester != "127.0.0.1"


def test_a_search_confirmation_never_carries_the_words_typed(client):
    client.post(reverse("alerts:subscribe"), {**FORM, "kind": "search", "q": "BUY CHEAP PILLS"})
    (message,) = mail.outbox
    assert "PILLS" not in message.body and "PILLS" not in message.subject
    assert "a search of the archive" in message.body


def test_confirming_takes_a_press_of_the_button(client):
    client.post(reverse("alerts:subscribe"), FORM)
    url = link(mail.outbox[0], "confirm")
    assert "Confirm" in client.get(url).content.decode()
    assert Subscription.objects.get().confirmed_at is None  # a link scanner's GET confirms nothing
    page = client.post(url)
    assert "Alert confirmed" in page.content.decode()
    assert Subscription.objects.get().confirmed_at is not None
    assert client.get(url[:-5] + "xxxx/").status_code == 404


def test_an_address_gets_one_confirmation_a_day_until_it_confirms(client):
    client.post(reverse("alerts:subscribe"), FORM)
    again = client.post(reverse("alerts:subscribe"), {**FORM, "delegation": "SWE"})
    assert again.status_code == 429 and "less than a day ago" in again.content.decode()
    assert len(mail.outbox) == 1 and Subscription.objects.count() == 1


def test_a_connection_may_ask_only_a_few_times_an_hour(client, settings):
    settings.ALERTS_PER_CLIENT_PER_HOUR = 2
    for n in range(2):
        client.post(reverse("alerts:subscribe"), {**FORM, "email": f"r{n}@example.org"})
    refused = client.post(reverse("alerts:subscribe"), {**FORM, "email": "stranger@example.org"})
    assert refused.status_code == 429 and "last hour" in refused.content.decode()
    assert [m.to for m in mail.outbox] == [["r0@example.org"], ["r1@example.org"]]


def test_the_honeypot_sends_nothing(client):
    page = client.post(reverse("alerts:subscribe"), {**FORM, "website": "http://spam"})
    assert "Check your inbox" in page.content.decode()
    assert not mail.outbox and not Subscription.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "speaker", "speaker": "nobody-at-all"}, "There is no speaker"),
        ({"kind": "search", "q": ""}, "Say which search to follow"),
        ({"email": "not-an-address"}, "valid email"),
        ({"delegation": "XXX"}, "Select a valid choice"),
    ],
)
def test_bad_input_is_refused_by_name_and_sends_nothing(client, changes, message):
    page = client.post(reverse("alerts:subscribe"), {**FORM, **changes})
    assert page.status_code == 400 and message in page.content.decode()
    assert not mail.outbox and not Subscription.objects.exists()


def test_daily_digest_of_what_is_new_with_one_click_unsubscribe(client):
    old = make_statement(delegation="NOR", text="Said before the subscription.")
    subscription = subscribe_and_confirm(client)
    assert subscription.seen_statement_id >= old.pk
    meeting = make_meeting()
    new = make_statement(meeting=meeting, delegation="NOR", text="Norway spoke on oceans today.")
    make_statement(meeting=meeting, delegation="SWE", text="Sweden spoke too.")
    mail.outbox.clear()
    out = StringIO()
    call_command("send_alert_digests", "--frequency", "daily", stdout=out)
    assert "1 digest(s) sent" in out.getvalue()
    (digest,) = mail.outbox
    assert digest.subject == "1 new: Statements by Norway"
    assert "Norway spoke on oceans today." in digest.body and "Sweden" not in digest.body
    assert f"/statements/{new.pk}/" in digest.body and "Said before" not in digest.body
    unsubscribe = digest.extra_headers["List-Unsubscribe"]
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe.strip("<>") in digest.body

    # Run again at once: not due. Weekly: not this subscription.
    call_command("send_alert_digests", "--frequency", "daily", stdout=StringIO())
    call_command("send_alert_digests", "--frequency", "weekly", stdout=StringIO())
    assert len(mail.outbox) == 1

    # A day later with nothing new: no message.
    Subscription.objects.update(last_sent_at=timezone.now() - timedelta(days=1))
    call_command("send_alert_digests", "--frequency", "daily", stdout=StringIO())
    assert len(mail.outbox) == 1

    # The mail client's one-click POST (RFC 8058): no CSRF token, no session.
    path = unsubscribe.strip("<>")
    path = path[path.index("/alerts/") :]
    strict = Client(enforce_csrf_checks=True)
    answer = strict.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert answer.status_code == 200 and not Subscription.objects.exists()
    assert "Unsubscribed" in strict.get(path).content.decode()


def test_a_search_subscription_finds_new_matches(client):
    subscribe_and_confirm(client, kind="search", q="desalination")
    make_statement(delegation="NOR", text="Desalination plants need energy.")
    make_statement(delegation="SWE", text="Nothing about water here.")
    mail.outbox.clear()
    call_command("send_alert_digests", "--frequency", "daily", stdout=StringIO())
    (digest,) = mail.outbox
    assert "Desalination plants" in digest.body and "Nothing about water" not in digest.body


def test_unconfirmed_subscriptions_expire(client):
    client.post(reverse("alerts:subscribe"), FORM)
    Subscription.objects.update(created_at=timezone.now() - timedelta(days=8))
    out = StringIO()
    call_command("send_alert_digests", "--frequency", "weekly", stdout=out)
    assert "1 expired" in out.getvalue() and not Subscription.objects.exists()
