"""Harvest Meetings Coverage releases from press.un.org through the one ingest path."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from statements.harvest.client import FetchError, PoliteClient
from statements.harvest.listings import DiscoveryError
from statements.harvest.models import HarvestRun
from statements.harvest.runner import (
    HarvestBusy,
    Harvester,
    harvest_lock,
    politeness_from_settings,
    resume_run,
    start_run,
    unfinished_run,
)
from statements.harvest.sources import LISTINGS
from statements.harvest.targets import Request

OUTCOMES = ("fetched", "new", "updated", "unchanged", "queued", "failed")


class Command(BaseCommand):
    help = (
        "Discover and fetch Meetings Coverage releases from press.un.org (politely: robots.txt, "
        "one request at a time, HARVEST_DELAY seconds apart), ingest those that parse cleanly and "
        "queue the rest for review in the admin. Without a selection, harvests what is new since "
        "the last finished run. A killed run resumes where it stopped on the next invocation."
    )

    def add_arguments(self, parser):
        parser.add_argument("--since", type=_date, help="First release date (YYYY-MM-DD)")
        parser.add_argument("--until", type=_date, help="Last release date (YYYY-MM-DD)")
        parser.add_argument(
            "--body",
            action="append",
            choices=sorted(LISTINGS["en"]),
            help="Body listing(s) to walk",
        )
        parser.add_argument(
            "--language", action="append", choices=["en", "fr"], help="en (default) and/or fr"
        )
        parser.add_argument("--symbol", action="append", default=[], help="A release symbol")
        parser.add_argument("--url", nargs="+", default=[], help="Release addresses (any host)")
        parser.add_argument("--new", action="store_true", help="What is new since the last run")
        parser.add_argument(
            "--sitemap", action="store_true", help="Discover from sitemap.xml, not the listings"
        )
        parser.add_argument("--base-url", default=None, help="Site to harvest (a mirror)")
        parser.add_argument("--max-pages", type=int, default=200, help="Listing pages per body")
        parser.add_argument(
            "--abandon", action="store_true", help="Abandon a killed run instead of resuming it"
        )
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar")

    def handle(self, *args, **options):
        if options["verbosity"] < 2:  # one log line per request would break the progress bar
            logging.getLogger("httpx").setLevel(logging.WARNING)
        if not settings.HARVEST_CONTACT:
            raise CommandError("Set HARVEST_CONTACT (an e-mail or URL) so the UN can reach us.")
        try:
            with harvest_lock(), PoliteClient(politeness_from_settings()) as client:
                run = self._run(client, options)
        except HarvestBusy as exc:
            raise CommandError(str(exc)) from exc
        except (FetchError, DiscoveryError, ValueError) as exc:
            raise CommandError(f"Discovery failed: {exc}") from exc
        self.stdout.write(
            f"Harvest #{run.pk}: " + ", ".join(f"{n} {k}" for k, n in run.counts().items())
        )
        for item in run.items.filter(outcome="failed"):
            self.stderr.write(f"  failed: {item.message}")
        if run.failed:
            raise CommandError(f"{run.failed} of {run.discovered} pages failed.", returncode=1)

    def _run(self, client: PoliteClient, options: dict) -> HarvestRun:
        """Resume a killed run, or discover and start a new one; then visit its items."""
        run = unfinished_run()
        if run and options["abandon"]:
            HarvestRun.objects.filter(pk=run.pk).update(status=HarvestRun.Status.ABANDONED)
            run = None
        if run:
            run = resume_run(run)
            self.stdout.write(f"Resuming harvest #{run.pk} (killed before it finished).")
        else:
            run = start_run(client, self._request(options), _recorded(options))
        return self._visit(client, run, options["no_progress"])

    def _visit(self, client: PoliteClient, run: HarvestRun, no_progress: bool) -> HarvestRun:
        """Visit the pending items under a progress bar showing the counts."""
        harvester = Harvester(client=client, run=run)
        bar = tqdm(
            total=run.discovered,
            initial=run.discovered - harvester.pending().count(),
            unit="page",
            disable=no_progress,
            file=self.stderr,
        )
        counts = dict.fromkeys(OUTCOMES, 0)

        def on_item(item, outcome):
            counts[outcome] = counts.get(outcome, 0) + 1
            bar.set_postfix({k: v for k, v in counts.items() if k in OUTCOMES}, refresh=False)
            bar.update()

        harvester.on_item = on_item
        try:
            return harvester.harvest()
        finally:
            bar.close()

    def _request(self, options: dict) -> Request:
        """The discovery request the options describe ("new since the last run" by default)."""
        since = options["since"]
        explicit = options["url"]
        if options["new"] or not (since or options["until"] or explicit or options["symbol"]):
            since = since or _last_run_day()
        return Request(
            base_url=(options["base_url"] or settings.HARVEST_BASE_URL).rstrip("/"),
            since=since,
            until=options["until"],
            bodies=tuple(options["body"] or ["all"]),
            languages=tuple(options["language"] or ["en"]),
            symbols=tuple(options["symbol"]),
            urls=tuple(explicit),
            sitemap=options["sitemap"],
            max_pages=options["max_pages"],
        )


def _date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


def _last_run_day() -> datetime.date:
    """The day before the last finished run started (a day's overlap), else 30 days ago."""
    last = (
        HarvestRun.objects.exclude(status=HarvestRun.Status.RUNNING)
        .exclude(status=HarvestRun.Status.ABANDONED)
        .first()
    )
    start = last.started_at.date() if last else datetime.date.today() - datetime.timedelta(days=29)
    return start - datetime.timedelta(days=1)


def _recorded(options: dict) -> dict:
    """The options worth keeping on the run, JSON-ready."""
    keys = ("since", "until", "body", "language", "symbol", "url", "new", "sitemap", "base_url")
    return {k: str(v) if isinstance(v, datetime.date) else v for k in keys if (v := options.get(k))}
