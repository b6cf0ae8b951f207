"""What the indexer tests share: ingest the seed, compare the index with PostgreSQL, poll."""

from __future__ import annotations

from statements.ingest import ingest_source
from statements.models import Statement
from statements.search.index import engine, health, supervisor
from statements.search.index.query import SearchSpec
from statements.search.models import IndexerStatus
from tests.seed import SEED_OVERRIDES, seed_bytes


def ingest() -> None:
    ingest_source(source=seed_bytes(), source_name="seed.txt", overrides=SEED_OVERRIDES, via="t")


def found() -> set[int]:
    """Every statement id the index matches."""
    return set(engine.all_ids(SearchSpec()))


def everything() -> set[int]:
    """Every statement id the index should hold (summaries included)."""
    return set(Statement.objects.full().values_list("pk", flat=True))


def run(steps: int) -> supervisor.Supervisor:
    """A supervisor that polls `steps` times (no waiting between them)."""
    left = iter(range(steps))
    watched = supervisor.Supervisor(interval=0, say=lambda line: None)
    watched.run(lambda: next(left, None) is not None)
    return watched


def status() -> IndexerStatus:
    """This node's indexer row."""
    return IndexerStatus.objects.get(node=health.node())
