"""Elections a meeting held: who was elected to what, by acclamation or by vote.

Imported by statements.models so Django finds the model; kept apart so models.py stays small.
"""

from __future__ import annotations

from django.db import models

from meetings.models import Meeting


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
