"""The outbox: changes to what search shows, written in the transaction that made them."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models


class OutboxEntry(models.Model):
    """Statements, meetings, speakers or delegations whose index documents must be redone.

    The table also has an `xid` column (xid8, the writing transaction's id, set by PostgreSQL):
    the indexer applies entries of transactions that have all finished, in order, so an entry
    committed late is never skipped (see indexer.py).
    """

    statement_ids = ArrayField(models.BigIntegerField(), default=list, blank=True)
    meeting_ids = ArrayField(models.BigIntegerField(), default=list, blank=True)
    speaker_ids = ArrayField(models.BigIntegerField(), default=list, blank=True)
    delegation_ids = ArrayField(models.BigIntegerField(), default=list, blank=True)
    everything = models.BooleanField(default=False, help_text="Re-index every statement")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name_plural = "outbox entries"

    def __str__(self) -> str:
        return f"outbox #{self.pk}"
