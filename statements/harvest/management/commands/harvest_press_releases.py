"""Harvest Meetings Coverage releases from press.un.org through the one ingest path."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from statements.harvest.client import PoliteClient
from statements.harvest.models import HarvestRun, HarvestSource
from statements.harvest.runner import (
    HarvestBusy,
    Harvester,
    harvest_hosts,
    harvest_lock,
    politeness_from_settings,
    resume_run,
    start_run,
    unfinished_run,
)
from statements.harvest.sources import LISTINGS
from statements.harvest.targets import Discoverer, Request, estimate_backfill

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
            help="Body listing(s) to walk (default: all, the all-bodies listing)",
        )
        parser.add_argument(
            "--language", action="append", choices=["en", "fr"], help="en and/or fr (default both)"
        )
        parser.add_argument("--symbol", action="append", default=[], help="A release symbol")
        parser.add_argument("--url", nargs="+", default=[], help="Release addresses (any host)")
        parser.add_argument(
            "--new", action="store_true", help="What is new since each source's last good run"
        )
        parser.add_argument(
            "--backfill", type=int, nargs="+", metavar="YEAR", help="Whole years from the listings"
        )
        parser.add_argument(
            "--estimate", action="store_true", help="With --backfill: say what it costs, then stop"
        )
        parser.add_argument("--sitemap", action="store_true", help="Also read sitemap.xml (third)")
        parser.add_argument("--base-url", default=None, help="Site to harvest (a mirror)")
        parser.add_argument(
            "--max-pages", type=int, default=None, help="Listing pages per source (20 for --new)"
        )
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
            request = self._request(options)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        try:
            hosts = harvest_hosts(request.base_url, *request.urls)
            client = PoliteClient(politeness_from_settings(), allowed_hosts=hosts)
            with harvest_lock(), client:
                run = self._run(client, request, options)
        except HarvestBusy as exc:
            raise CommandError(str(exc)) from exc
        if run is None:
            return
        self.stdout.write(
            f"Harvest #{run.pk}: " + ", ".join(f"{n} {k}" for k, n in run.counts().items())
        )
        for source in run.sources.all():
            state = "FAILED: " if source.status == "failed" else "ok, "
            found = "" if source.status == "failed" else f"{source.found} found, "
            self.stdout.write(
                f"  {source.key}: {state}{found}{source.pages} requests. {source.reason}".rstrip()
            )
        for item in run.items.filter(outcome="failed"):
            self.stderr.write(f"  failed: {item.message}")
        if run.status != HarvestRun.Status.FINISHED:
            sources = run.sources.filter(status="failed").count()
            raise CommandError(
                f"{run.failed} of {run.discovered} pages failed; {sources} source(s) failed."
                + (f" {run.reason}" if run.reason and not sources else ""),
                returncode=1,
            )

    def _run(self, client: PoliteClient, request: Request, options: dict) -> HarvestRun | None:
        """Resume a killed run, or discover and start a new one; then visit its items."""
        run = unfinished_run()
        if run and options["abandon"]:
            HarvestRun.objects.filter(pk=run.pk).update(status=HarvestRun.Status.ABANDONED)
            run = None
        if run:
            run = resume_run(run)
            if run is None:
                self.stdout.write("A killed run was resumed too often; it is abandoned.")
            else:
                self.stdout.write(f"Resuming harvest #{run.pk} (killed before it finished).")
        if run is None:
            discoverer = Discoverer(client, request)
            if request.years and not self._estimate(discoverer, client, options["estimate"]):
                return None
            run = start_run(client, request, _recorded(options), discoverer=discoverer)
        if run.status != HarvestRun.Status.RUNNING:
            return run
        return self._visit(client, run, options["no_progress"])

    def _estimate(self, discoverer: Discoverer, client: PoliteClient, only: bool) -> bool:
        """Say what a back-fill will cost before it starts; False to stop there."""
        estimates = estimate_backfill(discoverer)
        delay = max(client.politeness.delay, client.crawl_delay())
        years = "-".join(str(y) for y in sorted({min(discoverer.request.years),
                                                 max(discoverer.request.years)}))  # fmt: skip
        total = 0
        for e in estimates:
            if e.failed:
                self.stdout.write(f"  {e.source.key}: cannot estimate: {e.failed}")
                continue
            total += e.requests()
            self.stdout.write(
                f"  {e.source.key}: listing pages {e.first_page}-{e.last_page} ({e.pages} pages,"
                f" about {e.releases:,} releases): {e.requests():,} requests"
            )
        probes = sum(e.probes for e in estimates)
        self.stdout.write(
            f"Back-fill {years}: about {total:,} requests after {probes} probes, at least"
            f" {total * delay / 3600:.1f} hours at {delay:g} s a request"
            " (plus the site's response times)."
        )
        return not only

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
        """The discovery request the options describe (what is new, by source, by default)."""
        since, years = options["since"], tuple(options["backfill"] or ())
        explicit = options["url"] or options["symbol"]
        new = options["new"] or not (since or options["until"] or explicit or years)
        languages = tuple(options["language"] or ["en", "fr"])
        bodies = tuple(options["body"] or ["all"])
        if years and (min(years) < 1995 or max(years) > datetime.date.today().year):
            raise ValueError(f"--backfill takes years from 1995 to {datetime.date.today().year}.")
        max_pages = options["max_pages"] or (5000 if years else 20 if new else 200)
        request = Request(
            base_url=(options["base_url"] or settings.HARVEST_BASE_URL).rstrip("/"),
            since=since,
            until=options["until"],
            bodies=bodies,
            languages=languages,
            symbols=tuple(options["symbol"]),
            urls=tuple(options["url"]),
            sitemap=options["sitemap"],
            max_pages=max_pages,
            years=years,
        )
        if new and not since:
            for source in request.sources():
                request.since_by_source[source.key] = _last_good_day(source.key)
                last = HarvestSource.objects.last_success(source.key)
                if last and source.kind == "feed":
                    request.validators[source.key] = (last.etag, last.last_modified)
        return request


def _date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


def _last_good_day(key: str) -> datetime.date:
    """The day before the last run in which a source was read (a day's overlap), else 30 days
    ago: a failed or challenged read never moves a source's window forward."""
    last = HarvestSource.objects.last_success(key)
    if last is None:
        return datetime.date.today() - datetime.timedelta(days=30)
    return last.run.started_at.date() - datetime.timedelta(days=1)


def _recorded(options: dict) -> dict:
    """The options worth keeping on the run, JSON-ready."""
    keys = ("since", "until", "body", "language", "symbol", "url", "new", "sitemap", "base_url",
            "backfill")  # fmt: skip
    return {k: str(v) if isinstance(v, datetime.date) else v for k in keys if (v := options.get(k))}
