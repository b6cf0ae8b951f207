"""Harvest runs, the pages they fetched (byte for byte) and the releases waiting for review."""

from __future__ import annotations

from django.db import models
from django.db.models import Exists, OuterRef

from meetings.models import Release


class HarvestRun(models.Model):
    """One run of the harvester: what it was asked, how far it got, and its counts."""

    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        FINISHED = "finished", "Finished"
        FAILED = "failed", "Finished with failures"
        ABANDONED = "abandoned", "Abandoned"

    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.RUNNING)
    options = models.JSONField(default=dict, blank=True, help_text="What the run was asked")
    discovered = models.PositiveIntegerField(default=0)
    fetched = models.PositiveIntegerField(default=0)
    new = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    queued = models.PositiveIntegerField(default=0, help_text="Sent to the review queue")
    failed = models.PositiveIntegerField(default=0)
    resumed = models.PositiveSmallIntegerField(default=0, help_text="Times a killed run resumed")
    reason = models.TextField(blank=True, help_text="Why the run failed, when it did")

    class Meta:
        ordering = ["-started_at"]
        get_latest_by = "started_at"

    def __str__(self) -> str:
        return f"Harvest #{self.pk} ({self.get_status_display()}, {self.started_at:%Y-%m-%d %H:%M})"

    def counts(self) -> dict[str, int]:
        """The outcome counts, in report order."""
        names = ("fetched", "new", "updated", "unchanged", "queued", "failed")
        return {name: getattr(self, name) for name in names}


class HarvestItem(models.Model):
    """One address a run will visit; done items are skipped when a killed run resumes."""

    class State(models.TextChoices):
        PENDING = "pending", "Pending"
        DONE = "done", "Done"

    run = models.ForeignKey(HarvestRun, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    url = models.URLField(max_length=500)
    state = models.CharField(max_length=8, choices=State.choices, default=State.PENDING)
    outcome = models.CharField(max_length=12, blank=True)
    message = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(
        default=0, help_text="Visits begun; one that never finished is not begun a third time"
    )

    class Meta:
        ordering = ["run", "position"]
        constraints = [
            models.UniqueConstraint(fields=["run", "url"], name="harvest_item_once_per_run"),
        ]

    def __str__(self) -> str:
        return self.url


class HarvestSourceQuerySet(models.QuerySet):
    def last_success(self, key: str) -> HarvestSource | None:
        """The latest report of a source that succeeded in a run that finished."""
        done = (HarvestRun.Status.FINISHED, HarvestRun.Status.FAILED)
        return (
            self.filter(key=key, status=HarvestSource.Status.OK, run__status__in=done)
            .select_related("run")
            .order_by("-run__started_at", "-pk")
            .first()
        )


class HarvestSource(models.Model):
    """What one discovery source (a feed, a listing in a language, the sitemap) gave a run."""

    class Status(models.TextChoices):
        OK = "ok", "Read"
        FAILED = "failed", "Failed"

    run = models.ForeignKey(HarvestRun, on_delete=models.CASCADE, related_name="sources")
    key = models.CharField(max_length=80, help_text="e.g. feed:en, listing:fr:security-council")
    status = models.CharField(max_length=8, choices=Status.choices)
    reason = models.TextField(blank=True, help_text="Why it failed, or what it held")
    pages = models.PositiveIntegerField(default=0, help_text="Requests made to read it")
    found = models.PositiveIntegerField(default=0, help_text="Release addresses it gave")
    since = models.DateField(null=True, blank=True, help_text="The window it was read for")
    etag = models.CharField(max_length=200, blank=True)
    last_modified = models.CharField(max_length=200, blank=True)

    objects = HarvestSourceQuerySet.as_manager()

    class Meta:
        ordering = ["run", "pk"]

    def __str__(self) -> str:
        return f"{self.key} ({self.get_status_display()})"


class ListedRelease(models.Model):
    """A release address the site has listed (feed, listing, sitemap): what coverage compares."""

    url = models.URLField(max_length=500, unique=True)
    symbol = models.CharField(max_length=60, db_index=True)
    body = models.CharField(max_length=40, db_index=True)
    year = models.PositiveSmallIntegerField(db_index=True)
    language = models.CharField(max_length=8)
    first_seen = models.DateTimeField(auto_now_add=True)
    last_seen = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["year", "symbol"]

    def __str__(self) -> str:
        return self.url


class HarvestedPage(models.Model):
    """The latest copy of a fetched page, byte for byte, with its hash and HTTP validators."""

    url = models.URLField(max_length=500, unique=True)
    content = models.BinaryField(help_text="The page as served, byte for byte")
    sha256 = models.CharField(max_length=64, db_index=True)
    etag = models.CharField(max_length=200, blank=True)
    last_modified = models.CharField(max_length=200, blank=True)
    fetched_at = models.DateTimeField(help_text="When these bytes were fetched")
    checked_at = models.DateTimeField(help_text="When the page was last asked for")
    release = models.ForeignKey(
        Release, null=True, blank=True, on_delete=models.SET_NULL, related_name="harvested_pages"
    )

    class Meta:
        ordering = ["-checked_at"]

    def __str__(self) -> str:
        return self.url


class ReviewItemQuerySet(models.QuerySet):
    def open(self) -> ReviewItemQuerySet:
        """Items still waiting: not dismissed, and their bytes not yet in the archive."""
        written = Release.objects.filter(content_hash=OuterRef("sha256"))
        return self.filter(status=ReviewItem.Status.OPEN).exclude(Exists(written))


class ReviewItem(models.Model):
    """A harvested page the harvester would not write blind: it failed to parse or had warnings."""

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for review"
        DISMISSED = "dismissed", "Dismissed"

    page = models.ForeignKey(HarvestedPage, on_delete=models.CASCADE, related_name="reviews")
    run = models.ForeignKey(
        HarvestRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="reviews"
    )
    sha256 = models.CharField(max_length=64, help_text="Hash of the bytes that were queued")
    reason = models.TextField(help_text="Why it was not written: the parse error or warnings")
    parsed = models.BooleanField(help_text="The page parsed (with warnings or errors to review)")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ReviewItemQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["page", "sha256"], name="review_once_per_page_version"),
        ]

    def __str__(self) -> str:
        return f"{self.page.url} ({self.get_status_display()})"
