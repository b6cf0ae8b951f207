"""The two messages: a confirmation (no words of the requester in it) and a digest (RFC 8058
one-click unsubscribe headers, and the link in the text)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from config.public_urls import absolute_url
from statements.alerts import tokens
from statements.alerts.models import Subscription

DIGEST_ITEMS = 50


def unsubscribe_url(subscription: Subscription) -> str:
    token = tokens.make(subscription, tokens.UNSUBSCRIBE)
    return absolute_url(reverse("alerts:unsubscribe", args=[token]))


def confirmation(subscription: Subscription) -> EmailMessage:
    """Asks the address to confirm. A search is named only as "a search": whatever words a
    stranger typed are never mailed to anyone."""
    token = tokens.make(subscription, tokens.CONFIRM)
    context = {
        "what": "a search of the archive's statements"
        if subscription.kind == Subscription.Kind.SEARCH
        else subscription.label,
        "frequency": subscription.get_frequency_display().lower(),
        "confirm_url": absolute_url(reverse("alerts:confirm", args=[token])),
        "days": Subscription.CONFIRM_WITHIN.days,
    }
    return EmailMessage(
        subject="Confirm your UN Statements Archive alert",
        body=render_to_string("alerts/email/confirm.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscription.email],
    )


def digest(subscription: Subscription, statements: list, total: int) -> EmailMessage:
    """What is new for one subscription, with its one-click unsubscribe."""
    unsubscribe = unsubscribe_url(subscription)
    context = {
        "subscription": subscription,
        "statements": [
            {
                "date": s.date,
                "who": s.speaker_label or s.delegation_label or "Unattributed",
                "delegation": s.delegation_label,
                "excerpt": " ".join(s.text.split()[:40]),
                "url": absolute_url(s.get_absolute_url()),
            }
            for s in statements
        ],
        "total": total,
        "more": total - len(statements),
        "all_url": absolute_url(reverse("statements:statement-list"))
        + f"?{subscription.query}&sort=newest",
        "unsubscribe_url": unsubscribe,
    }
    return EmailMessage(
        subject=f"{total} new: {subscription.label}"[:200],
        body=render_to_string("alerts/email/digest.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
