"""Send the daily or weekly digests of what is new for each confirmed subscription."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from statements.alerts import mail, targets
from statements.alerts.models import Subscription


class Command(BaseCommand):
    help = (
        "E-mail each confirmed subscription of that frequency what is new since its last digest "
        "(nothing new: no message). Safe to run more often than the frequency: a subscription "
        "sent within its period is skipped. Also deletes unconfirmed subscriptions past their link."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--frequency", choices=["daily", "weekly"], required=True)

    def handle(self, *args, frequency: str, **options) -> None:
        now = timezone.now()
        expired, _ = Subscription.objects.stale_pending(now).delete()
        sent = quiet = failed = 0
        for subscription in Subscription.objects.due(frequency, now).order_by("id").iterator():
            new = targets.new_statements(subscription)
            found = list(new[: mail.DIGEST_ITEMS].select_related("delegation"))
            if not found:
                quiet += 1
                Subscription.objects.filter(pk=subscription.pk).update(last_sent_at=now)
                continue
            total = new.count()
            newest = new.order_by("-id").values_list("id", flat=True).first()
            try:
                mail.digest(subscription, found, total).send()
            except OSError as error:  # SMTP down: keep its state, try again next run
                failed += 1
                self.stderr.write(f"subscription {subscription.pk}: {error}")
                continue
            with transaction.atomic():
                Subscription.objects.filter(pk=subscription.pk).update(
                    last_sent_at=now, seen_statement_id=newest
                )
            sent += 1
        self.stdout.write(
            f"{frequency}: {sent} digest(s) sent, {quiet} with nothing new, {failed} failed, "
            f"{expired} expired unconfirmed subscription(s) deleted"
        )
