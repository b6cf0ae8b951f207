"""/metrics: how far behind the search feed is, in Prometheus' text format (prometheus_client).

Computed at each scrape from the primary (never a replica) and this machine's index:

- unarchive_search_index_lag_seconds / _pending_entries: this machine's index (state.json);
- unarchive_outbox_entries, unarchive_outbox_pruned_below_xid, unarchive_outbox_xmin;
- unarchive_oldest_transaction_seconds: the oldest open transaction holding an xid on the
  cluster: it holds every indexer's position back (health.horizon);
- per consumer (label `node`): lag, pending entries, heartbeat age, position distance (xids
  between its position and the primary's xmin), live (holds the outbox back), rebuilds.

The endpoint answers only with `Authorization: Bearer <METRICS_TOKEN>` (404 without the
setting): the node names say where index folders live, which is for operators only.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.utils import timezone
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric

from statements.search.index import consumers, health, store
from statements.search.models import IndexerStatus, OutboxEntry

PREFIX = "unarchive_"


def gauge(name: str, doc: str, value: float) -> GaugeMetricFamily:
    return GaugeMetricFamily(PREFIX + name, doc, value=value)


class FeedCollector:
    """Every figure of one scrape, read when it is collected."""

    def collect(self) -> Iterator[Metric]:
        yield from self.node()
        yield from self.outbox()
        yield from self.consumers()

    def node(self) -> Iterator[Metric]:
        lag = health.lag()
        yield gauge("search_index_up", "1 if this machine's index exists", float(store.exists()))
        yield gauge("search_index_lag_seconds", "Age of the oldest entry not applied", lag.seconds)
        yield gauge("search_index_pending_entries", "Entries not applied here", lag.pending)

    def outbox(self) -> Iterator[Metric]:
        oldest = health.horizon()
        age = oldest.seconds if oldest else 0.0
        yield gauge("oldest_transaction_seconds", "Oldest open transaction with an xid", age)
        count = OutboxEntry.objects.using(consumers.PRIMARY).count()
        yield gauge("outbox_entries", "Outbox entries kept", count)
        yield gauge("outbox_pruned_below_xid", "Entries below were pruned", consumers.watermark())
        yield gauge("outbox_xmin", "The primary's snapshot xmin", consumers.current_xmin())

    def consumers(self) -> Iterator[Metric]:
        names = {
            "lag_seconds": "Reported lag of each indexer",
            "pending_entries": "Reported pending entries of each indexer",
            "heartbeat_age_seconds": "Seconds since each indexer last reported",
            "position_distance_xids": "Transactions between its position and the primary's xmin",
            "live": "1 if the indexer holds outbox entries back",
            "rebuilds": "Generations each indexer rebuilt on its own",
        }
        families = {
            key: GaugeMetricFamily(f"{PREFIX}indexer_{key}", doc, labels=["node"])
            for key, doc in names.items()
        }
        xmin, now = consumers.current_xmin(), timezone.now()
        live = set(consumers.live().values_list("pk", flat=True))
        for row in IndexerStatus.objects.using(consumers.PRIMARY).order_by("node"):
            heard = (now - row.heartbeat_at).total_seconds() if row.heartbeat_at else -1.0
            values = {
                "lag_seconds": row.lag_seconds,
                "pending_entries": row.pending,
                "heartbeat_age_seconds": heard,
                "position_distance_xids": xmin - row.position if row.position else -1,
                "live": float(row.pk in live),
                "rebuilds": row.rebuilds,
            }
            for key, value in values.items():
                families[key].add_metric([row.node], value)
        yield from families.values()


def exposition() -> bytes:
    """The text a Prometheus scrape reads."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(FeedCollector())
    return generate_latest(registry)
