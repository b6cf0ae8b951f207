"""UN bodies, the press releases that cover their meetings, and the meetings themselves."""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language, gettext, ngettext, pgettext

from meetings import languages
from meetings.records import document_url, record_symbols


class BodyQuerySet(models.QuerySet):
    def get_by_name(self, name: str) -> Body | None:
        """Return the body named name (or its short name), or None."""
        return self.filter(models.Q(name__iexact=name) | models.Q(short_name__iexact=name)).first()


class Body(models.Model):
    """A UN organ or subsidiary body: the GA plenary, a Main Committee, the Security Council..."""

    class Kind(models.TextChoices):
        PLENARY = "plenary", "Plenary"
        MAIN_COMMITTEE = "main_committee", "Main Committee"
        COUNCIL = "council", "Council"
        COMMISSION = "commission", "Commission"
        OTHER = "other", "Other body"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    short_name = models.CharField(max_length=40, blank=True, help_text="e.g. GA, C3, SC")
    symbol_prefix = models.CharField(
        max_length=20, blank=True, help_text="Press release symbol prefix, e.g. GA/SHC"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    position = models.PositiveSmallIntegerField(default=100, help_text="Order in lists")

    objects = BodyQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.name


class ReleaseQuerySet(models.QuerySet):
    def with_meeting(self) -> ReleaseQuerySet:
        """Join the meeting and its body for list displays."""
        return self.select_related("meeting__body", "ingested_by")


class Release(models.Model):
    """A Meetings Coverage press release; its original source is kept beside it (ReleaseSource)."""

    symbol = models.CharField(max_length=60, unique=True, help_text="e.g. GA/12388, SC/15432")
    date = models.DateField(db_index=True)
    date_inferred = models.BooleanField(
        default=False, help_text="The text had no date; staff confirmed an inferred one."
    )
    headline = models.TextField()
    language = models.CharField(max_length=8, default=languages.DEFAULT)
    source_name = models.CharField(max_length=255, help_text="File name, or 'pasted text'")
    source_url = models.URLField(max_length=500, blank=True)
    source_format = models.CharField(max_length=40, blank=True)
    content_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of source")
    parser_version = models.CharField(max_length=40)
    ingested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_ingested_at = models.DateTimeField(auto_now_add=True)
    ingested_at = models.DateTimeField(auto_now=True)

    objects = ReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "symbol"]
        # The newest ingest is every conditional request's Last-Modified (publish/conditional.py).
        indexes = [models.Index(fields=["ingested_at"], name="release_ingested_at_idx")]
        permissions = [("ingest_release", "Can upload and ingest press releases")]
        constraints = [
            models.CheckConstraint(condition=~models.Q(symbol=""), name="release_symbol_not_empty"),
        ]

    def __str__(self) -> str:
        return self.symbol

    def get_absolute_url(self) -> str:
        return self.meeting.get_absolute_url()


class ReleaseSource(models.Model):
    """A release's uploaded file, byte for byte, in a table of its own.

    Every page joins the release; none of them reads the file, so it stays out of that row and
    no query has to remember to defer it. Read by the source view and written by ingestion.
    """

    release = models.OneToOneField(
        Release, on_delete=models.CASCADE, primary_key=True, related_name="source_file"
    )
    data = models.BinaryField(help_text="The uploaded file, byte for byte")

    def __str__(self) -> str:
        return f"Source of {self.release_id}"


class Ingestion(models.Model):
    """One upload of a release: who, when, what, and what it changed."""

    class Action(models.TextChoices):
        CREATED = "created", "Created"
        UPDATED = "updated", "Updated"
        UNCHANGED = "unchanged", "Unchanged"
        REPLACED = "replaced", "Replaced by a different meeting"

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="ingestions")
    action = models.CharField(max_length=12, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    source_name = models.CharField(max_length=255)
    content_hash = models.CharField(max_length=64)
    parser_version = models.CharField(max_length=40)
    via = models.CharField(max_length=20, default="admin", help_text="admin or command")
    report = models.JSONField(default=dict, blank=True, help_text="Counts, changes, warnings")

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["release", "-at"])]

    def __str__(self) -> str:
        return f"{self.release} {self.action} at {self.at:%Y-%m-%d %H:%M}"


class MeetingQuerySet(models.QuerySet):
    def with_related(self) -> MeetingQuerySet:
        """Join body and release for displays."""
        return self.select_related("body", "release")

    def neighbour(self, meeting: Meeting, *, before: bool) -> Meeting | None:
        """The previous or next meeting of the same body, by date then id."""
        if before:
            condition = models.Q(date__lt=meeting.date) | models.Q(
                date=meeting.date, pk__lt=meeting.pk
            )
            order = ["-date", "-pk"]
        else:
            condition = models.Q(date__gt=meeting.date) | models.Q(
                date=meeting.date, pk__gt=meeting.pk
            )
            order = ["date", "pk"]
        return self.filter(condition, body_id=meeting.body_id).order_by(*order).first()

    def primary_versions(self) -> MeetingQuerySet:
        """One meeting per sitting: where English and French releases cover it, the English."""
        return self.filter(primary_version=True)

    def shown_in(self, interface: str) -> MeetingQuerySet:
        """One meeting per sitting: the interface language's version, else the primary one."""
        return self.filter(shown_in(interface))

    def same_sitting(self, meeting: Meeting) -> MeetingQuerySet:
        """Every meeting of the sitting this one covers, itself included, in any language: same
        body, session, meeting numbers and date, and the same part whatever its language."""
        if not meeting.numbers:  # without its numbers, a date and a body are not one sitting
            return self.filter(pk=meeting.pk)
        candidates = Meeting.objects.filter(
            body_id=meeting.body_id,
            session=meeting.session,
            numbers=meeting.numbers,
            date=meeting.date,
        ).values_list("pk", "part")
        part = languages.part_key(meeting.part)
        return self.filter(pk__in=[pk for pk, p in candidates if languages.part_key(p) == part])

    def versions_of(self, meeting: Meeting) -> MeetingQuerySet:
        """The same sitting covered by a release in another language (the English and French
        releases of one meeting)."""
        return (
            self.same_sitting(meeting)
            .exclude(pk=meeting.pk)
            .exclude(release__language=meeting.release.language)
            .select_related("release")
            .order_by("release__language")
        )


def shown_in(interface: str, prefix: str = "") -> models.Q:
    """The meetings (from statements: prefix "meeting__") an interface language shows: its own
    language's version of each sitting, else the primary version (languages.preferred_in)."""
    own = models.Q(**{f"{prefix}release__language": interface})
    primary = models.Q(**{f"{prefix}primary_version": True}) & ~models.Q(
        **{f"{prefix}other_languages__contains": [interface]}
    )
    return own | primary


class Meeting(models.Model):
    """The sitting(s) one release covers: body, session, meeting numbers, date and part.

    One release can cover several numbered meetings (the 38th and 39th); its statements cannot be
    split between them, so the numbers live together on one row.
    """

    release = models.OneToOneField(Release, on_delete=models.CASCADE, related_name="meeting")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    session = models.PositiveSmallIntegerField(null=True, blank=True)
    numbers = ArrayField(models.PositiveIntegerField(), default=list, blank=True)
    part = models.CharField(max_length=20, blank=True, help_text="AM, PM, AM & PM, PM & Night")
    date = models.DateField()
    title = models.TextField(help_text="Headline or agenda")
    # The versions of one sitting (meetings.versions): kept by the write paths, never by hand.
    primary_version = models.BooleanField(
        default=True,
        db_default=True,
        help_text="The version every count counts: the sitting's first language (English first)",
    )
    other_languages = ArrayField(
        models.CharField(max_length=8),
        default=list,
        db_default=[],
        blank=True,
        help_text="Languages of the other releases covering the same sitting",
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["body", "date"]), models.Index(fields=["date"])]

    def __str__(self) -> str:
        return f"{self.body.short_name or self.body.name} {self.label} ({self.date:%d %b %Y})"

    def get_absolute_url(self) -> str:
        return reverse("statements:meeting-detail", args=[self.pk])

    @property
    def official_records(self) -> list[tuple[str, str]]:
        """The official record of each meeting as (symbol, document link) pairs."""
        symbols = record_symbols(self.body.short_name, self.session, list(self.numbers))
        return [(symbol, document_url(symbol)) for symbol in symbols]

    @property
    def language(self) -> str:
        """The language of the release this meeting's text comes from ('en', 'fr')."""
        return self.release.language

    @property
    def label(self) -> str:
        """Describe the session and meeting numbers the way releases do."""
        parts = []
        if self.session:
            parts.append(session_label(self.session))
        if self.numbers:
            numbers = " & ".join(localized_ordinal(n) for n in self.numbers)
            parts.append(
                ngettext("%(numbers)s meeting", "%(numbers)s meetings", len(self.numbers))
                % {"numbers": numbers}
            )
        label = ", ".join(parts)
        return f"{label} ({self.part})" if label and self.part else label or self.part


def session_label(n: int) -> str:
    """'76th session' in the interface's language (ordinals from Django's catalogues)."""
    return _session_label(get_language(), n)


def localized_ordinal(n: int) -> str:
    """1st, 38th in English; 1re, 38e in French: the formats are the catalogues' (the contexts
    Django's humanize uses, plus one for exactly 1, which French writes apart: 1re but 21e)."""
    return _ordinal(get_language(), n)


# A results page names hundreds of sessions and meetings (cards, the session facet): each name
# is looked up in the catalogue once a process and language (`language` is the cache's key).
@lru_cache(maxsize=4096)
def _session_label(language: str | None, n: int) -> str:
    return gettext("%(ordinal)s session") % {"ordinal": localized_ordinal(n)}


@lru_cache(maxsize=4096)
def _ordinal(language: str | None, n: int) -> str:
    if n == 1:
        return pgettext("ordinal of exactly 1", "{}st").format(n)
    if 10 <= n % 100 <= 20:
        return pgettext("ordinal 11, 12, 13", "{}th").format(n)
    formats = (
        pgettext("ordinal 0", "{}th"),
        pgettext("ordinal 1", "{}st"),
        pgettext("ordinal 2", "{}nd"),
        pgettext("ordinal 3", "{}rd"),
    )
    return (formats[n % 10] if n % 10 < 4 else pgettext("ordinal 4", "{}th")).format(n)


def ordinal(n: int) -> str:
    """Return 1st, 2nd, 3rd, 11th, 38th."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
