"""Signed links: confirm (expires with the subscription's window) and unsubscribe (never)."""

from __future__ import annotations

from django.core import signing

from statements.alerts.models import Subscription

CONFIRM, UNSUBSCRIBE = "alerts.confirm", "alerts.unsubscribe"


def make(subscription: Subscription, purpose: str) -> str:
    # The address is signed in too: a token for a deleted id that is reused would not match.
    return signing.dumps([subscription.pk, subscription.email], salt=purpose, compress=True)


def read(token: str, purpose: str) -> Subscription | None:
    """The subscription a token names, or None if it is forged, expired or gone."""
    max_age = Subscription.CONFIRM_WITHIN if purpose == CONFIRM else None
    try:
        pk, email = signing.loads(token, salt=purpose, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return Subscription.objects.filter(pk=pk, email=email).first()
