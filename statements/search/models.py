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


class IndexerStatus(models.Model):
    """One outbox consumer (a machine's run_indexer) and what it last reported.

    `position` is the transaction id below which its index has applied every entry (written after
    the index commit and state.json it describes, so never ahead of them). The outbox is pruned
    only below the lowest position of a live consumer (heartbeat within
    OUTBOX_CONSUMER_TIMEOUT_SECONDS; see index/consumers.py). Staff read the rows in the admin,
    /readyz and /metrics read them too.
    """

    node = models.CharField(max_length=300, unique=True, help_text="host name and index folder")
    pid = models.IntegerField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True, help_text="last poll that worked")
    applied_at = models.DateTimeField(null=True, blank=True, help_text="last entries applied")
    pending = models.IntegerField(default=0, help_text="committed entries not applied yet")
    lag_seconds = models.FloatField(default=0, help_text="age of the oldest of them")
    horizon = models.TextField(blank=True, help_text="the oldest open transaction, when old")
    horizon_seconds = models.FloatField(default=0)
    last_error = models.TextField(blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)
    rebuilds = models.IntegerField(default=0, help_text="generations rebuilt on its own")
    position = models.BigIntegerField(
        null=True, blank=True, help_text="every entry of a transaction below this id is applied"
    )
    generation = models.CharField(max_length=100, blank=True, help_text="live index folder")

    class Meta:
        verbose_name = "outbox consumer (indexer)"
        verbose_name_plural = "outbox consumers (indexers)"

    def __str__(self) -> str:
        return self.node


class OutboxWatermark(models.Model):
    """The one row saying how far the outbox was pruned: entries of transactions below
    `pruned_below` may be gone, so a consumer whose position is lower must rebuild."""

    pruned_below = models.BigIntegerField(default=0)
    pruned_at = models.DateTimeField(null=True, blank=True)
    deleted = models.BigIntegerField(default=0, help_text="entries deleted by the last prune")

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="one_watermark")]

    def __str__(self) -> str:
        return f"pruned below xid {self.pruned_below}"
