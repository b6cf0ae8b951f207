"""Staff corrections: recorded operations on a meeting's parse, re-applied after every re-ingest.

Imported by statements.models so Django finds the model; the operations themselves are in
statements.ingest.corrections.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from meetings.models import Meeting


class CorrectionQuerySet(models.QuerySet):
    def active(self):
        """The corrections in force, in the order they were made (the order they apply in)."""
        return self.filter(undone_at__isnull=True).order_by("created_at", "pk")

    def flagged(self):
        """In force but no longer applying: the text under them changed in a re-ingest."""
        return self.filter(undone_at__isnull=True).exclude(flag="")


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
