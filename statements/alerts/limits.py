"""Who may ask for a confirmation e-mail, counted in PostgreSQL (every worker sees the same).

The form can send mail only to an address that asked for it, at most once a day per address
while unconfirmed (a stranger's address gets at most one message, then nothing until confirmed),
and a client address may ask only a few times an hour.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext

from statements.alerts.models import Subscription


def requester_key(address: str) -> str:
    """A keyed hash of the client address: counted, never stored in the clear."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"alerts:{address}".encode(), hashlib.sha256).hexdigest()


def refusal(*, email: str, requester: str, now=None) -> str | None:
    """Why this request may not send a confirmation now, or None."""
    now = now or timezone.now()
    hourly = Subscription.objects.filter(
        requester=requester, created_at__gte=now - timedelta(hours=1)
    ).count()
    if hourly >= settings.ALERTS_PER_CLIENT_PER_HOUR:
        return gettext(
            "Too many subscriptions from your connection in the last hour; try again later."
        )
    pending = Subscription.objects.filter(
        email__iexact=email, confirmed_at__isnull=True, created_at__gte=now - timedelta(days=1)
    )
    if pending.exists():
        return gettext(
            "A confirmation was sent to this address less than a day ago. Follow the link in "
            "it first; no other message goes to the address until then."
        )
    return None
