"""What a meeting decided and how each delegation voted, plus the release's own narrative.

The tables were created by the statements app (its migration 0009) and keep their names.
"""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models

from meetings.models import Meeting
from meetings.records import document_symbol, document_url
from statements.decisions.querysets import DecisionQuerySet, VoteQuerySet


class NarrativeParagraph(models.Model):
    """One paragraph of the release that is not a statement, where it stands in the release."""

    class Kind(models.TextChoices):
        # The parser's NARRATIVE_KINDS.
        SUMMARY = "summary", "Summary"
        ACTION = "action", "Action"
        VOTE = "vote", "Vote"
        PROCEDURAL = "procedural", "Procedural (speakers, meeting times)"
        OTHER = "other", "Other (headings, texts)"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="narrative")
    paragraph = models.PositiveIntegerField(help_text="Position in the release, as statements")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    text = models.TextField()
    after_statement = models.PositiveIntegerField(
        default=0, help_text="Sequence of the statement it follows in the release (0: before all)"
    )

    class Meta:
        db_table = "statements_narrativeparagraph"  # created by the statements app (migration 0009)
        ordering = ["meeting", "paragraph"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "paragraph"], name="narrative_order_unique")
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id} ¶{self.paragraph}"


class Decision(models.Model):
    """One action a release reports: the text acted on, the outcome, how, and the tallies."""

    class Action(models.TextChoices):
        ADOPTED = "adopted", "Adopted"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        FAILED_VETO = "failed_veto", "Failed: veto"
        WITHDRAWN = "withdrawn", "Withdrawn"
        DEFERRED = "deferred", "Deferred"

    class Method(models.TextChoices):
        WITHOUT_VOTE = "without_vote", "Without a vote"
        CONSENSUS = "consensus", "By consensus"
        UNANIMOUS = "unanimous", "Unanimously"
        RECORDED = "recorded", "Recorded vote"
        NON_RECORDED = "non_recorded", "Non-recorded vote"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    sequence = models.PositiveIntegerField(help_text="Order within the release, from 1")
    paragraph = models.PositiveIntegerField(help_text="The release paragraph that reports it")
    date = models.DateField(help_text="The meeting's date, kept here for filtering")
    subject_symbols = ArrayField(models.CharField(max_length=80), default=list, blank=True)
    subject_title = models.CharField(max_length=500, blank=True)
    subject_kind = models.CharField(max_length=30, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    method = models.CharField(max_length=20, choices=Method.choices, blank=True)
    yes = models.PositiveSmallIntegerField(null=True, blank=True)
    no = models.PositiveSmallIntegerField(null=True, blank=True)
    abstain = models.PositiveSmallIntegerField(null=True, blank=True)
    absent = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(help_text="The sentence that reports it, as printed")

    objects = DecisionQuerySet.as_manager()

    class Meta:
        db_table = "statements_decision"  # created by the statements app (migration 0009)
        ordering = ["-date", "meeting", "sequence"]
        constraints = [
            # Deferred so a re-ingest can renumber decisions in place, keeping their ids.
            models.UniqueConstraint(
                fields=["meeting", "sequence"],
                name="decision_order_unique",
                deferrable=models.Deferrable.DEFERRED,
            ),
            models.CheckConstraint(condition=models.Q(sequence__gte=1), name="decision_seq_pos"),
        ]
        indexes = [models.Index(fields=["-date", "action"], name="decision_date_action")]

    def __str__(self) -> str:
        return f"{self.subject} — {self.get_action_display()}"

    def get_absolute_url(self) -> str:
        return f"{self.meeting.get_absolute_url()}#decision-{self.sequence}"

    @property
    def subject(self) -> str:
        """What was acted on, for display: its symbols, else its title or kind."""
        if self.subject_symbols:
            return ", ".join(self.subject_symbols)
        return self.subject_title or f"the {self.subject_kind.replace('_', ' ') or 'text'}"

    @property
    def documents(self) -> list[tuple[str, str | None]]:
        """Each subject symbol as printed with its document link (None when it cannot be built)."""
        body = self.meeting.body
        pairs = []
        for printed in self.subject_symbols:
            symbol = document_symbol(printed, body.short_name, self.meeting.session)
            pairs.append((printed, document_url(symbol) if symbol else None))
        return pairs

    @property
    def is_divided(self) -> bool:
        """Say whether any delegation voted against or abstained, or a veto was cast."""
        return bool(self.no or self.abstain) or self.action == self.Action.FAILED_VETO

    @property
    def tally(self) -> str:
        """The printed tally as "120-10-45", or "" when none was printed."""
        if self.yes is None and self.no is None and self.abstain is None:
            return ""
        return "-".join(str(n) if n is not None else "?" for n in (self.yes, self.no, self.abstain))


class Vote(models.Model):
    """How one member took part in one decision: named in the release, inferred, or consensus."""

    class Choice(models.TextChoices):
        IN_FAVOUR = "in_favour", "In favour"
        AGAINST = "against", "Against"
        ABSTAINING = "abstaining", "Abstaining"
        ABSENT = "absent", "Absent"
        # Adopted without a vote or by consensus: no vote was cast, so none is stored as one.
        CONSENSUS = "consensus", "Joined the consensus"

    class Basis(models.TextChoices):
        RECORDED = "recorded", "Recorded (named in the release)"
        INFERRED = "inferred", "Inferred (from the tally and the membership)"
        CONSENSUS = "consensus", "Consensus (adopted without a vote)"

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="votes")
    delegation = models.ForeignKey(
        "statements.Delegation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="votes",
    )
    delegation_label = models.CharField(max_length=200, help_text="As printed")
    vote = models.CharField(max_length=12, choices=Choice.choices)
    basis = models.CharField(
        max_length=10,
        choices=Basis.choices,
        default=Basis.RECORDED,
        help_text="Where the vote comes from: the release's names, the tally, or a consensus",
    )

    objects = VoteQuerySet.as_manager()

    class Meta:
        db_table = "statements_vote"  # created by the statements app (migration 0009)
        ordering = ["decision", "vote", "delegation_label"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "delegation"],
                condition=models.Q(delegation__isnull=False),
                name="vote_one_per_delegation",
            ),
            models.UniqueConstraint(
                fields=["decision", "delegation_label"], name="vote_one_per_label"
            ),
        ]
        indexes = [models.Index(fields=["delegation", "decision"], name="vote_delegation")]

    def __str__(self) -> str:
        return f"{self.delegation_label}: {self.get_vote_display()}"


class VoteExplanation(models.Model):
    """A statement made just before or after a decision, explaining a vote or position on it."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="explanations")
    statement = models.ForeignKey(
        "statements.Statement", on_delete=models.CASCADE, related_name="vote_explanations"
    )

    class Meta:
        db_table = "statements_voteexplanation"  # created by the statements app (migration 0009)
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "statement"], name="vote_explanation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.statement_id} explains {self.decision_id}"


class Election(models.Model):
    """One person or delegation elected to an office at a meeting, as the release prints it."""

    class Method(models.TextChoices):
        ACCLAMATION = "acclamation", "By acclamation"
        VOTE = "vote", "By vote"
        UNSPECIFIED = "", "Not stated"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="elections")
    sequence = models.PositiveIntegerField(help_text="Order within the release, from 1")
    paragraph = models.PositiveIntegerField(help_text="The release paragraph that reports it")
    person = models.CharField(max_length=200, blank=True, help_text="As printed; blank for a State")
    delegation_label = models.CharField(max_length=200, blank=True, help_text="As printed")
    delegation = models.ForeignKey(
        "statements.Delegation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="elections",
    )
    office = models.CharField(max_length=200, help_text="As printed: Chair, Vice-Présidents ...")
    method = models.CharField(max_length=12, choices=Method.choices, blank=True)
    votes = models.PositiveIntegerField(null=True, blank=True)
    text = models.TextField(help_text="The sentence that reports it, as printed")

    class Meta:
        ordering = ["meeting", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "sequence"], name="election_sequence_unique"
            ),
        ]

    def __str__(self) -> str:
        who = self.person or self.delegation_label
        return f"{who}: {self.office}"
