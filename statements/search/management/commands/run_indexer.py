"""The index's one writer: apply the outbox as it fills, catching up after a restart."""

from __future__ import annotations

import signal

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from statements.search.index import store
from statements.search.index.supervisor import AlreadyRunning, Supervisor, folder_lock


class Command(BaseCommand):
    help = (
        "Apply the search outbox to this machine's index, every --interval seconds, until stopped. "
        "One per index folder (a second one refuses to start). Database and disk errors are "
        "retried with backoff; a missing or corrupt index is rebuilt. Status: admin, /readyz."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=0.5, help="Seconds between polls")
        parser.add_argument("--once", action="store_true", help="Apply what is pending, then exit")

    def handle(self, *args, **options):
        settings.SEARCH_INDEX_APPLY_ON_COMMIT = False  # this process is the writer: no catch-up
        self.running = True
        signal.signal(signal.SIGTERM, lambda *_: setattr(self, "running", False))
        supervisor = Supervisor(interval=options["interval"], say=self.stdout.write)
        try:
            with folder_lock(store.root()):
                supervisor.run(lambda: self.running, once=options["once"])
        except AlreadyRunning as exc:
            raise CommandError(str(exc)) from None
        if options["once"] and supervisor.failures:
            raise CommandError("The outbox could not be applied; see the errors above.")
