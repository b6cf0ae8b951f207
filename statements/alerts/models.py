"""A subscription: an e-mail address, what it follows, how often, and what it has been sent."""

from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self) -> SubscriptionQuerySet:
        return self.filter(confirmed_at__isnull=False)

    def due(self, frequency: str, now=None) -> SubscriptionQuerySet:
        """Confirmed subscriptions of that frequency not sent within its period (an hour's slack,
        so a schedule that runs a little early still sends)."""
        now = now or timezone.now()
        since = now - Subscription.PERIODS[frequency] + timedelta(hours=1)
        return (
            self.confirmed()
            .filter(frequency=frequency)
            .filter(models.Q(last_sent_at__isnull=True) | models.Q(last_sent_at__lte=since))
        )

    def stale_pending(self, now=None) -> SubscriptionQuerySet:
        """Unconfirmed subscriptions whose link has expired."""
        now = now or timezone.now()
        return self.filter(
            confirmed_at__isnull=True, created_at__lt=now - Subscription.CONFIRM_WITHIN
        )


class Subscription(models.Model):
    class Kind(models.TextChoices):
        SEARCH = "search", _("A search")
        SPEAKER = "speaker", _("A speaker")
        DELEGATION = "delegation", _("A delegation")
        THEME = "theme", _("A theme")

    class Frequency(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")

    PERIODS = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}
    CONFIRM_WITHIN = timedelta(days=7)

    email = models.EmailField(max_length=254)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    query = models.CharField(
        max_length=600, help_text="The statements page's query string the subscription follows"
    )
    label = models.CharField(max_length=300, help_text="What it follows, in words")
    frequency = models.CharField(max_length=8, choices=Frequency.choices)
    created_at = models.DateTimeField(default=timezone.now)
    requester = models.CharField(
        max_length=64, blank=True, help_text="Keyed hash of the client address (rate limits)"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    seen_statement_id = models.BigIntegerField(
        default=0, help_text="Statements up to this id were sent or predate the subscription"
    )

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["email", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["email", "query", "frequency"], name="alert_subscription_unique"
            )
        ]
        indexes = [
            models.Index(fields=["frequency", "last_sent_at"], name="alert_due"),
            models.Index(fields=["requester", "created_at"], name="alert_requester"),
            models.Index(fields=["email", "created_at"], name="alert_email_created"),
        ]

    def __str__(self) -> str:
        return f"{self.email}: {self.label} ({self.frequency})"
