"""Run a harvest: take the lock, plan or resume the run, then fetch and ingest item by item.

Each item is fetched outside any transaction, then stored, ingested (or queued for review) and
marked done in one transaction, so a run killed at any point resumes without writing anything twice.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from meetings.models import Release
from statements.harvest.client import Disallowed, Fetched, FetchError, PoliteClient, Politeness
from statements.harvest.listings import challenge_reason
from statements.harvest.models import (
    HarvestedPage,
    HarvestItem,
    HarvestRun,
    HarvestSource,
    ListedRelease,
    ReviewItem,
)
from statements.harvest.sources import release_address
from statements.harvest.targets import Discoverer, Discovery, Request
from statements.ingest import (
    IngestError,
    content_hash,
    corrected_plan,
    ingest_release,
    parse_source,
)

LOCK_KEY = "statements.harvest"
MAX_ATTEMPTS = 2  # an item whose visit never finished this often is failed, not begun again
MAX_RESUMES = 5  # a run resumed this often is abandoned


class HarvestBusy(Exception):
    """Another harvest holds the lock."""


def politeness_from_settings() -> Politeness:
    """The client's manners, from settings (HARVEST_*)."""
    return Politeness(
        user_agent=user_agent(),
        delay=settings.HARVEST_DELAY,
        timeout=settings.HARVEST_TIMEOUT,
        retries=settings.HARVEST_RETRIES,
        backoff=settings.HARVEST_BACKOFF,
        max_wait=settings.HARVEST_MAX_WAIT,
        deadline=settings.HARVEST_DEADLINE,
        max_bytes=settings.MAX_RELEASE_BYTES,
    )


def harvest_hosts(*urls: str) -> tuple[str, ...]:
    """The hosts the harvester fetches from: its configured site (and any site it is given),
    each with its own port when it names one, and the admin's UN hosts on ports 80 and 443."""
    hosts = []
    for url in (settings.HARVEST_BASE_URL, *urls):
        parts = urlsplit(url)
        with contextlib.suppress(ValueError):
            port = parts.port
            if parts.hostname:
                hosts.append(parts.hostname.lower())
                if port:
                    hosts.append(f"{parts.hostname.lower()}:{port}")
    return tuple(dict.fromkeys([*hosts, *settings.HARVEST_ADMIN_HOSTS]))


def user_agent() -> str:
    """A descriptive User-Agent naming the archive and a contact."""
    return f"UNStatementsArchive/1.0 (+{settings.SITE_URL}; {settings.HARVEST_CONTACT})"


@contextlib.contextmanager
def harvest_lock() -> Iterator[None]:
    """Hold a session advisory lock for the run; a killed run's lock goes with its connection."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(hashtext(%s))", [LOCK_KEY])
        if not cursor.fetchone()[0]:
            raise HarvestBusy("Another harvest is running (its lock is held); try again later.")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(hashtext(%s))", [LOCK_KEY])


def unfinished_run() -> HarvestRun | None:
    """A run that was killed before it finished (call while holding the lock)."""
    return HarvestRun.objects.filter(status=HarvestRun.Status.RUNNING).order_by("pk").last()


def archived_keys() -> set[str]:
    """What the archive holds, as language:slug keys (one release under any of its addresses)."""
    keys = {
        f"{language}:{symbol.replace('/', '').replace('.', '').lower()}"  # GA/1/Rev.1: ga1rev1
        for symbol, language in Release.objects.values_list("symbol", "language")
    }
    for url in HarvestedPage.objects.values_list("url", flat=True):
        if address := release_address(url):
            keys.add(address.key)
    return keys


def address_key(url: str) -> str:
    address = release_address(url)
    return address.key if address else url


def start_run(
    client: PoliteClient, request: Request, options: dict, *, discoverer: Discoverer | None = None
) -> HarvestRun:
    """Record the run, discover source by source, then record every item before fetching any."""
    run = HarvestRun.objects.create(options=options)
    keys = archived_keys()
    discoverer = discoverer or Discoverer(client, request)
    discoverer.known = lambda url: address_key(url) in keys
    try:
        discovery = discoverer.discover()
    except (ValueError, FetchError) as exc:
        return close_run(run, reason=f"Discovery failed: {exc}")
    record_discovery(run, discovery)
    return run


def record_discovery(run: HarvestRun, discovery: Discovery) -> None:
    """Store the items, each source's report and the releases the site listed, in one go."""
    with transaction.atomic():
        HarvestItem.objects.bulk_create(
            HarvestItem(run=run, position=i, url=url, outcome="optional" * optional)
            for i, (url, optional) in enumerate(discovery.targets)
        )
        HarvestSource.objects.bulk_create(
            HarvestSource(
                run=run,
                key=report.source.key,
                status=HarvestSource.Status.FAILED if report.failed else HarvestSource.Status.OK,
                reason=report.reason[:2000],
                pages=report.pages,
                found=len(report.found),
                since=report.since,
                etag=report.etag,
                last_modified=report.last_modified,
            )
            for report in discovery.reports
        )
        failed = [r for r in discovery.reports if r.failed]
        reason = "; ".join(f"{r.source.key}: {r.reason}" for r in failed)
        HarvestRun.objects.filter(pk=run.pk).update(
            discovered=len(discovery.targets), reason=reason[:4000]
        )
        for report in discovery.reports:  # what the site lists, archived or not (coverage)
            record_listed([*report.listed, *(item.url for item in report.found)])
    run.refresh_from_db()


def record_listed(urls: list[str]) -> None:
    """Remember release addresses the site listed (for coverage), once each."""
    rows = []
    for url in urls:
        address = release_address(url)
        if address and address.is_meeting:
            rows.append(ListedRelease(url=url, symbol=address.symbol, body=address.body,
                                      year=address.year, language=address.language))  # fmt: skip
    ListedRelease.objects.bulk_create(rows, ignore_conflicts=True)


def close_run(run: HarvestRun, *, reason: str = "") -> HarvestRun:
    """Close a run: failed when an item or a source failed (or a reason is given)."""
    run.refresh_from_db()
    failed = run.failed or run.reason or reason or run.sources.filter(status="failed").exists()
    status = HarvestRun.Status.FAILED if failed else HarvestRun.Status.FINISHED
    reason = "; ".join(r for r in (run.reason, reason) if r)[:4000]
    HarvestRun.objects.filter(pk=run.pk).update(
        status=status, finished_at=timezone.now(), reason=reason
    )
    run.refresh_from_db()
    return run


def resume_run(run: HarvestRun) -> HarvestRun | None:
    """Mark a killed run as resumed once more; abandon it (None) when resumed too often."""
    if run.resumed >= MAX_RESUMES:
        HarvestRun.objects.filter(pk=run.pk).update(
            status=HarvestRun.Status.ABANDONED,
            finished_at=timezone.now(),
            reason=f"abandoned after {run.resumed} resumptions that did not finish",
        )
        return None
    HarvestRun.objects.filter(pk=run.pk).update(resumed=F("resumed") + 1)
    run.refresh_from_db()
    return run


@dataclass
class Harvester:
    """Visit a run's pending items with one client; report each outcome to a callback."""

    client: PoliteClient
    run: HarvestRun
    on_item: Callable[[HarvestItem, str], None] = lambda item, outcome: None

    def pending(self):
        return self.run.items.filter(state=HarvestItem.State.PENDING).order_by("position")

    def harvest(self) -> HarvestRun:
        """Visit every pending item, then close the run with its status (whatever happens)."""
        try:
            for item in self.pending():
                self.on_item(item, self.visit(item))
        except Exception as exc:  # a kill (KeyboardInterrupt, SIGKILL) leaves it to resume
            with contextlib.suppress(Exception):  # the database may be what failed
                self.run = close_run(self.run, reason=f"stopped: {type(exc).__name__}: {exc}")
            raise
        self.run = close_run(self.run)
        return self.run

    def visit(self, item: HarvestItem) -> str:
        """Fetch one address, then store and ingest it (or queue it) in one transaction.

        Any failure of this one item (the transport, the page, the database) marks it failed
        with its reason; an item whose visit was begun and never finished too often is failed
        without being begun again (it killed the process)."""
        if item.attempts >= MAX_ATTEMPTS:
            reason = f"gave up: {item.attempts} visits of this page never finished"
            return self._finish(item, "failed", reason, fetched=False)
        HarvestItem.objects.filter(pk=item.pk).update(attempts=F("attempts") + 1)
        try:
            return self._visit(item)
        except Exception as exc:  # noqa: BLE001 (one bad page never stops the run)
            return self._finish(item, "failed", f"{type(exc).__name__}: {exc}", fetched=False)

    def _visit(self, item: HarvestItem) -> str:
        page = HarvestedPage.objects.filter(url=item.url).defer("content").first()
        try:
            fetched = self.client.get(
                item.url,
                etag=page.etag if page else "",
                last_modified=page.last_modified if page else "",
            )
        except FetchError as exc:
            absent = item.outcome == "optional" and "HTTP 404" in str(exc)
            return self._finish(item, "absent" if absent else "failed", str(exc), fetched=False)
        if not fetched.not_modified and challenge_reason(fetched.content).startswith("a bot-"):
            reason = f"{item.url}: the site answered {challenge_reason(fetched.content)}."
            return self._finish(item, "failed", reason, fetched=False)
        with transaction.atomic():
            outcome, message = self._store(page, fetched, item)
            return self._finish(item, outcome, message, fetched=not fetched.not_modified)

    def _store(self, page: HarvestedPage | None, fetched: Fetched, item: HarvestItem):
        """Keep the page's bytes and validators; ingest or queue them when they changed."""
        now = timezone.now()
        if fetched.not_modified:
            HarvestedPage.objects.filter(pk=page.pk).update(checked_at=now)
            return "unchanged", "304 Not Modified"
        digest = content_hash(fetched.content)
        page = page or HarvestedPage(url=item.url, fetched_at=now)
        changed = page.sha256 != digest
        page.etag, page.last_modified, page.checked_at = fetched.etag, fetched.last_modified, now
        if changed:
            page.content, page.sha256, page.fetched_at = fetched.content, digest, now
        page.save()
        if not changed:
            return "unchanged", "same bytes as before"
        return self._ingest(page)

    def _ingest(self, page: HarvestedPage) -> tuple[str, str]:
        """Write a clean parse through the one ingest path; queue anything staff must see."""
        source = bytes(page.content)
        try:
            parsed = parse_source(source, source_name=page.url)
        except IngestError as exc:
            return self._queue(page, str(exc), parsed=False, failed=True)
        # Staff corrections apply again; one whose text changed is a warning, so a review.
        plan, _ = corrected_plan(
            parsed=parsed,
            source=source,
            source_name=page.url,
            trusted_hosts=harvest_hosts(page.url),
        )
        if plan.errors or plan.warnings:
            reason = " ".join([*plan.errors, *plan.warnings])
            return self._queue(page, reason, parsed=True, failed=bool(plan.errors))
        try:
            result = ingest_release(
                parsed=parsed, source=source, source_name=page.url, via="harvest"
            )
        except IngestError as exc:
            return self._queue(page, str(exc), parsed=True, failed=True)
        page.release = result.release
        page.save(update_fields=["release"])
        outcome = {"created": "new"}.get(result.action, result.action)
        return outcome, result.summary()

    def _queue(
        self, page: HarvestedPage, reason: str, *, parsed: bool, failed: bool
    ) -> tuple[str, str]:
        """Put the page in the review queue (once per version of its bytes)."""
        ReviewItem.objects.get_or_create(
            page=page,
            sha256=page.sha256,
            defaults={"reason": reason, "run": self.run, "parsed": parsed},
        )
        return ("failed" if failed else "queued"), reason

    def _finish(self, item: HarvestItem, outcome: str, message: str, *, fetched: bool) -> str:
        """Mark the item done and add its outcome to the run's counts."""
        with transaction.atomic():
            return self._count(item, outcome, message, fetched=fetched)

    def _count(self, item: HarvestItem, outcome: str, message: str, *, fetched: bool) -> str:
        HarvestItem.objects.filter(pk=item.pk).update(
            state=HarvestItem.State.DONE, outcome=outcome, message=message[:2000]
        )
        counts = {"fetched": F("fetched") + 1} if fetched else {}
        if outcome in ("new", "updated", "unchanged", "queued", "failed"):
            counts[outcome] = F(outcome) + 1
        if outcome == "failed" and fetched:
            counts["queued"] = F("queued") + 1
        if counts:
            HarvestRun.objects.filter(pk=self.run.pk).update(**counts)
        return outcome


__all__ = ["Disallowed", "HarvestBusy", "Harvester", "Request", "harvest_lock", "start_run"]
