"""The index's one writer: apply the outbox as it fills, catching up after a restart."""

from __future__ import annotations

import signal
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from statements.search.index import store
from statements.search.index.indexer import Indexer
from statements.search.models import OutboxEntry


class Command(BaseCommand):
    help = (
        "Apply the search outbox to this machine's index, every --interval seconds, until stopped. "
        "Run one per index folder; it builds the index first if there is none."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=0.5, help="Seconds between polls")
        parser.add_argument("--once", action="store_true", help="Apply what is pending, then exit")
        parser.add_argument(
            "--keep-days", type=int, default=7, help="Delete outbox entries older than this"
        )

    def handle(self, *args, **options):
        self.running = True
        signal.signal(signal.SIGTERM, lambda *_: setattr(self, "running", False))
        if store.current_generation() is None:
            call_command("rebuild_search_index", "--no-progress", stdout=self.stdout)
        indexer = Indexer()
        while self.running:
            close_old_connections()
            if n := indexer.poll():
                self.stdout.write(f"Applied {n} outbox entries.")
            if options["once"]:
                break
            self._prune(options["keep_days"])
            time.sleep(options["interval"])
        indexer.close()

    def _prune(self, days: int) -> None:
        """Old entries every index has long applied (a machine offline longer must rebuild)."""
        cutoff = timezone.now() - timezone.timedelta(days=days)
        OutboxEntry.objects.filter(created_at__lt=cutoff).delete()
