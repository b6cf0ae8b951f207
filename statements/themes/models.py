"""Themes, their rules, and the theme tags of statements and meetings."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from meetings.models import Meeting
from statements.models import Statement
from statements.themes.querysets import ThemeQuerySet


class Theme(models.Model):
    """A subject researchers follow; pillars have no parent, themes sit under a pillar."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    position = models.PositiveSmallIntegerField(default=100)

    objects = ThemeQuerySet.as_manager()

    class Meta:
        db_table = "statements_theme"  # created by the statements app
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("statements:theme-detail", args=[self.slug])


class ThemeRule(models.Model):
    """A full-text query (websearch syntax) whose matches are tagged with the theme.

    Rules match a statement's text only (not the speaker or delegation printed beside it). When
    ``requires`` is set, the text must match it too: "outer space" AND (weapons OR "arms race").
    """

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="rules")
    query = models.CharField(max_length=500, help_text='websearch syntax: "exact phrase" -word')
    requires = models.CharField(
        max_length=500,
        blank=True,
        verbose_name="and also",
        help_text='Optional second query the text must also match, e.g. weapons OR "arms race"',
    )
    note = models.CharField(max_length=200, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        db_table = "statements_themerule"  # created by the statements app
        ordering = ["theme", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["theme", "query", "requires"], name="theme_rule_unique"
            ),
        ]

    def __str__(self) -> str:
        extra = f" AND ({self.requires})" if self.requires else ""
        return f"{self.theme}: {self.query}{extra}"


class StatementTheme(models.Model):
    """A theme on a statement, with where it came from: a rule, the agenda, or staff."""

    class Source(models.TextChoices):
        RULE = "rule", "Rule"
        AGENDA = "agenda", "Meeting agenda"
        STAFF = "staff", "Staff"

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="theme_tags")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="statement_tags")
    source = models.CharField(max_length=10, choices=Source.choices)
    rule = models.ForeignKey(ThemeRule, null=True, blank=True, on_delete=models.SET_NULL)
    is_removal = models.BooleanField(
        default=False, help_text="Staff removed this theme: automatic tagging must not add it"
    )

    class Meta:
        db_table = "statements_statementtheme"  # created by the statements app
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "theme", "source"], name="statement_theme_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(is_removal=False) | models.Q(source="staff"),
                name="statement_theme_removal_is_staff",
            ),
        ]
        indexes = [
            models.Index(fields=["theme", "statement"]),
            # Every effective-theme query anti-joins the (few) staff removals.
            models.Index(
                fields=["statement", "theme"],
                condition=models.Q(is_removal=True),
                name="statement_theme_removals",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.theme} on #{self.statement_id} ({self.source})"


class MeetingTheme(models.Model):
    """A theme of a meeting's agenda, from its headline and lead paragraphs."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="theme_tags")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="meeting_tags")
    rule = models.ForeignKey(ThemeRule, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        db_table = "statements_meetingtheme"  # created by the statements app
        constraints = [
            models.UniqueConstraint(fields=["meeting", "theme"], name="meeting_theme_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.theme} on {self.meeting_id}"
