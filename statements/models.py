"""Delegations, speakers and statements (themes: statements/themes/models.py)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy

from meetings import languages
from meetings.models import Meeting
from statements import kinds, review
from statements.querysets import (
    CorrectionQuerySet,
    DelegationQuerySet,
    SpeakerQuerySet,
    StatementQuerySet,
)

SEARCH_CONFIG = languages.POSTGRES_CONFIG  # why English for every statement: see languages


class Delegation(models.Model):
    """Who a speaker speaks for: a member State, an observer, an organization, a UN entity."""

    # MEMBER_STATE, OBSERVER_STATE, IGO, GROUP, UN_ENTITY, CIVIL_SOCIETY, OTHER (statements.kinds)
    Kind = models.TextChoices(
        "Kind",
        kinds.choices({v: gettext_lazy(label) for v, label in kinds.DELEGATION_KINDS.items()}),
        module=__name__,
        qualname="Delegation.Kind",
    )

    code = models.CharField(
        max_length=40, unique=True, help_text="ISO 3166 alpha-3 for States, a short code otherwise"
    )
    iso3 = models.CharField(max_length=3, blank=True)
    iso2 = models.CharField(max_length=2, blank=True)
    name = models.CharField(max_length=200, unique=True, help_text="UN short name")
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    m49 = models.CharField(max_length=3, blank=True)
    region = models.CharField(max_length=60, blank=True)
    subregion = models.CharField(max_length=60, blank=True)

    objects = DelegationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["iso3"], condition=~models.Q(iso3=""), name="delegation_iso3_unique"
            ),
        ]
        indexes = [models.Index(fields=["kind", "region"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("statements:delegation-detail", args=[self.slug])


class DelegationAlias(models.Model):
    """A name press releases use for a delegation, matched exactly after normalization."""

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, unique=True)

    class Meta:
        ordering = ["normalized"]
        verbose_name_plural = "delegation aliases"

    def __str__(self) -> str:
        return self.name


class Speaker(models.Model):
    """A person who took the floor; statements keep the name as printed beside this link."""

    name = models.CharField(max_length=200, help_text="Display name")
    slug = models.SlugField(max_length=120, unique=True)
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
        help_text="Set when staff merged this speaker into another: its URLs redirect there.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Lists sort by surname: the last word first ("Squeff María del Carmen"), except a name
    # already printed surname first, whose given name is a hyphenated Korean one ("Cho Tae-yul").
    sort_name = models.GeneratedField(
        expression=models.Case(
            models.When(name__regex=r"^\S+ \S+-[a-z]\S*$", then=models.F("name")),
            default=models.Func(
                models.F("name"),
                models.Value(r"^(.*) (\S+)$"),
                models.Value(r"\2 \1"),
                function="regexp_replace",
            ),
        ),
        output_field=models.CharField(max_length=200),
        db_persist=True,
    )

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["name"]), models.Index(fields=["sort_name", "id"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("statements:speaker-detail", args=[self.slug])


class SpeakerAlias(models.Model):
    """A spelling of a speaker's name as printed in a release."""

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, db_index=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "speaker aliases"
        constraints = [
            models.UniqueConstraint(fields=["speaker", "normalized"], name="speaker_alias_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class SpeakerRedirect(models.Model):
    """An old slug that must keep working: it redirects permanently to the speaker."""

    slug = models.SlugField(max_length=120, unique=True)
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="old_slugs")

    def __str__(self) -> str:
        return f"{self.slug} → {self.speaker.slug}"


class SpeakerMerge(models.Model):
    """What one speaker merge moved, so that it can be undone (statements/ingest/speaker_merge)."""

    source = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="merges_out")
    target = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="merges_in")
    statement_ids = ArrayField(models.BigIntegerField(), default=list, blank=True)
    aliases = models.JSONField(
        default=list, blank=True, help_text="Source's aliases, as [name, normalized] pairs"
    )
    added_aliases = ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        help_text="Normalized aliases the target did not have before the merge",
    )
    redirect_slugs = ArrayField(
        models.CharField(max_length=120), default=list, blank=True, help_text="Source's old slugs"
    )
    merged_speaker_ids = ArrayField(
        models.BigIntegerField(), default=list, blank=True, help_text="Speakers merged into source"
    )
    merged_at = models.DateTimeField(auto_now_add=True)
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-merged_at"]

    def __str__(self) -> str:
        return f"{self.source} → {self.target}"


class Statement(models.Model):
    """What one delegation said at a meeting, kept as printed and as resolved."""

    # STATEMENT, RIGHT_OF_REPLY, SUMMARY, BRIEFING, POINT_OF_ORDER (statements.kinds)
    Kind = models.TextChoices(
        "Kind",
        kinds.choices({v: gettext_lazy(k.label) for v, k in kinds.STATEMENT_KINDS.items()}),
        module=__name__,
        qualname="Statement.Kind",
    )

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="statements")
    sequence = models.PositiveIntegerField(help_text="Order within the release, from 1")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.STATEMENT)
    date = models.DateField(help_text="The meeting's date, kept here for fast sorting")
    speaker = models.ForeignKey(
        Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    speaker_label = models.CharField(max_length=200, blank=True, help_text="As printed")
    delegation = models.ForeignKey(
        Delegation, null=True, blank=True, on_delete=models.PROTECT, related_name="statements"
    )
    delegation_label = models.CharField(max_length=200, blank=True, help_text="As printed")
    title = models.CharField(max_length=300, blank=True, help_text="Title held that day")
    on_behalf_of = models.CharField(max_length=300, blank=True)
    on_behalf_of_delegation = models.ForeignKey(
        Delegation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="represented_in",
        help_text="The group or delegation spoken for, when it resolves",
    )
    aligned_with = models.CharField(max_length=300, blank=True)
    summary_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="summaries"
    )
    text = models.TextField()
    # What was checked: the parser's doubts, and whether staff reviewed or corrected it.
    ReviewState = models.TextChoices(
        "ReviewState",
        kinds.choices({v: gettext_lazy(label) for v, label in review.REVIEW_STATES.items()}),
        module=__name__,
        qualname="Statement.ReviewState",
    )
    # Database defaults too: bulk loads that write rows by COPY (the synthetic corpus) need none.
    review_state = models.CharField(
        max_length=20,
        choices=ReviewState.choices,
        default=ReviewState.AS_PARSED,
        db_default=ReviewState.AS_PARSED,
    )
    parser_warnings = ArrayField(
        models.TextField(),
        default=list,
        db_default=[],
        blank=True,
        help_text="The parser's doubts, in words",
    )
    review_date = models.DateField(
        null=True, blank=True, help_text="When staff last reviewed or corrected it"
    )
    themes = models.ManyToManyField(
        "themes.Theme", through="themes.StatementTheme", related_name="statements"
    )
    search_vector = models.GeneratedField(
        expression=(
            SearchVector("speaker_label", "delegation_label", weight="A", config=SEARCH_CONFIG)
            + SearchVector("text", weight="B", config=SEARCH_CONFIG)
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "sequence"]
        permissions = [("correct_statements", "Can correct statements")]
        constraints = [
            # Deferred so a re-ingest can renumber statements in place, keeping their ids.
            models.UniqueConstraint(
                fields=["meeting", "sequence"],
                name="statement_order_unique",
                deferrable=models.Deferrable.DEFERRED,
            ),
            models.CheckConstraint(condition=models.Q(sequence__gte=1), name="statement_seq_pos"),
            models.CheckConstraint(
                condition=models.Q(summary_of__isnull=True) | models.Q(kind="summary"),
                name="statement_summary_of_only_for_summaries",
            ),
        ]
        indexes = [
            GinIndex(fields=["search_vector"], name="statement_search_gin"),
            models.Index(fields=["-date", "-id"], name="statement_date_idx"),
            models.Index(fields=["delegation", "-date"], name="statement_delegation_date"),
            models.Index(fields=["speaker", "-date"], name="statement_speaker_date"),
            # Speaker resolution lists a delegation's speakers from this index alone.
            models.Index(fields=["delegation", "speaker"], name="statement_delegation_speaker"),
        ]

    def __str__(self) -> str:
        who = self.speaker_label or self.delegation_label or "Unattributed"
        return f"{who} — {self.date:%d %b %Y}"

    def get_absolute_url(self) -> str:
        return reverse("statements:statement-detail", args=[self.pk])

    @property
    def language(self) -> str:
        """The language the statement is written in: its meeting's release's ('en', 'fr')."""
        return self.meeting.release.language


class RetiredStatement(models.Model):
    """A statement id that a re-ingest removed: its permalink leads to the meeting instead."""

    statement_id = models.BigIntegerField(primary_key=True)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    text_hash = models.CharField(
        max_length=64, blank=True, db_index=True, help_text="SHA-256 of the text, to restore it"
    )
    merged_into = models.BigIntegerField(
        null=True, blank=True, help_text="Merged by staff: its permalink leads to this statement"
    )
    retired_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"#{self.statement_id}"


class Correction(models.Model):
    """One change staff made to what the parser found: who, when, what, why; undone or not."""

    class Operation(models.TextChoices):
        SPLIT = "split", "Split a statement"
        MERGE = "merge", "Merge two statements"
        REASSIGN = "reassign", "Change delegation, speaker, title or kind"
        TO_NARRATIVE = "to_narrative", "Move a paragraph to the narrative"
        TO_STATEMENT = "to_statement", "Move a narrative paragraph into a statement"
        REVIEW = "review", "Mark a statement reviewed"
        REVIEW_MEETING = "review_meeting", "Mark the whole meeting reviewed"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="corrections")
    operation = models.CharField(max_length=20, choices=Operation.choices)
    params = models.JSONField(
        default=dict, help_text="What to change, with the text it applies to (by hash)"
    )
    statement_id = models.BigIntegerField(
        null=True, blank=True, help_text="The statement it was made on (the kept one of a merge)"
    )
    other_id = models.BigIntegerField(
        null=True, blank=True, help_text="A split's new statement, or a merge's removed one"
    )
    description = models.TextField(help_text="What it does, in words")
    reason = models.TextField(help_text="Why, in the words of the member of staff")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    flag = models.TextField(
        blank=True, help_text="Why it no longer applies after a re-ingest (empty: it applies)"
    )

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "created_at", "pk"]
        indexes = [models.Index(fields=["meeting", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_operation_display()} on meeting {self.meeting_id}"
