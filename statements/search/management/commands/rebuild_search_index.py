"""Rebuild the search index from PostgreSQL and swap it in atomically."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from statements.search.index import store
from statements.search.index.rebuild import rebuild
from statements.search.index.schema import FACET_TEXT_FIELDS


class Command(BaseCommand):
    help = (
        "Index every statement into a new index folder, then point readers at it (they never see "
        "half an index). Safe while the site and run_indexer run."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Only build when no readable index with every current field exists",
        )
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar")

    def handle(self, *args, **options):
        if options["if_missing"] and _readable():
            return
        started = time.perf_counter()
        bar = tqdm(unit="stmt", disable=options["no_progress"], file=self.stderr, smoothing=0.1)
        n = rebuild(tick=bar.update, total=lambda n: setattr(bar, "total", n) or bar.refresh())
        bar.close()
        seconds = time.perf_counter() - started
        self.stdout.write(f"Indexed {n:,} statements in {seconds:.1f} s into {store.root()}.")


def _readable() -> bool:
    """This machine's index opens and has every field of the current schema (else it is built
    anew). Read from disk as it is: opening it through store.reader() would first catch up with
    the outbox in dev mode, and print "Search index not updated" on a first start."""
    try:
        index = store.open_disk_index()
        index.parse_query("x", list(FACET_TEXT_FIELDS))  # a field the index lacks: ValueError
    except (store.IndexUnavailable, ValueError):
        return False
    return True
