"""Read queries as QuerySet methods: per-speaker, per-delegation, per-theme (search is the
search index's: statements/search/index/engine.py)."""

from __future__ import annotations

from django.contrib.postgres.expressions import ArraySubquery
from django.db import models

from meetings.models import Meeting, shown_in
from statements.kinds import STATE_KINDS
from statements.reference import normalize_name


class DelegationQuerySet(models.QuerySet):
    def get_by_name(self, label: str):
        """Return the delegation a printed name means, exactly via aliases, or None."""
        key = normalize_name(label or "")
        if not key:
            return None
        return self.filter(models.Q(aliases__normalized=key)).distinct().first()

    def states(self) -> DelegationQuerySet:
        return self.filter(kind__in=STATE_KINDS)


class SpeakerQuerySet(models.QuerySet):
    def canonical(self) -> SpeakerQuerySet:
        """Speakers that were not merged into another."""
        return self.filter(merged_into__isnull=True)


class StatementQuerySet(models.QuerySet):
    def with_related(self) -> StatementQuerySet:
        """Join what a statement list shows."""
        return self.select_related("speaker", "delegation", "meeting__body", "meeting__release")

    def for_delegation(self, delegation) -> StatementQuerySet:
        return self.filter(delegation=delegation)

    def primary_versions(self) -> StatementQuerySet:
        """One version of each sitting's statements (meetings/versions.py): counted once."""
        return self.filter(meeting__primary_version=True)

    def shown_in(self, interface: str) -> StatementQuerySet:
        """One version of each sitting's statements: the interface language's, else primary."""
        return self.filter(shown_in(interface, prefix="meeting__"))

    def in_other_languages(self, statement) -> list:
        """The same speech in the sitting's other versions (meetings/versions.py): the statement
        of the same delegation and kind at the same place among that delegation's statements,
        where both releases count them alike. No query for a meeting with no other version."""
        meeting = statement.meeting
        if not meeting.other_languages or statement.delegation_id is None:
            return []
        alike = self.filter(delegation_id=statement.delegation_id, kind=statement.kind)
        mine = list(alike.filter(meeting=meeting).order_by("sequence").values_list("pk", flat=True))
        theirs: dict[int, list] = {}
        others = Meeting.objects.versions_of(meeting).values("pk")
        for row in alike.filter(meeting__in=others).select_related("meeting__release"):
            theirs.setdefault(row.meeting_id, []).append(row)
        place = mine.index(statement.pk)
        return [
            sorted(rows, key=lambda s: s.sequence)[place]
            for rows in theirs.values()
            if len(rows) == len(mine)
        ]

    def full(self) -> StatementQuerySet:
        """Statements that are not lead-paragraph summaries."""
        return self.exclude(kind="summary")

    # Research UI (issue 5): effective themes, speaker families, list joins.

    def with_theme(self, theme_ids) -> StatementQuerySet:
        """Statements carrying any of the themes (ids) as an effective theme."""
        tags = _theme_tag_model(self.model).objects.filter(
            statement=models.OuterRef("pk"), theme__in=theme_ids
        )
        return self.filter(models.Exists(effective_theme_tags(tags)))

    def effective_theme_tags(self) -> models.QuerySet:
        """The effective theme tags of these statements (a theme may come from two sources)."""
        tags = _theme_tag_model(self.model).objects.filter(statement__in=self.values("pk"))
        return effective_theme_tags(tags)

    def with_effective_themes(self) -> StatementQuerySet:
        """Prefetch each statement's effective themes, once each, into .effective_theme_tags."""
        order = ["statement_id", "theme__position", "theme__name", "theme_id"]
        tags = effective_theme_tags(_theme_tag_model(self.model).objects.select_related("theme"))
        return self.prefetch_related(
            models.Prefetch(
                "theme_tags",
                queryset=tags.order_by(*order).distinct(*order),
                to_attr="effective_theme_tags",
            )
        )

    def with_theme_ids(self) -> StatementQuerySet:
        """Each statement's effective theme ids, in the order pages list them, as one array
        column `theme_ids`: the themes come with the rows (one query, not a prefetch)."""
        tag_model = _theme_tag_model(self.model)
        theme_model = tag_model._meta.get_field("theme").related_model
        tags = tag_model.objects.filter(statement=models.OuterRef(models.OuterRef("pk")))
        themes = theme_model.objects.filter(
            pk__in=effective_theme_tags(tags).values("theme_id")
        ).order_by("position", "name", "pk")
        return self.annotate(theme_ids=ArraySubquery(themes.values("pk")))

    def for_listing(self) -> StatementQuerySet:
        """Join and prefetch everything a statement list shows: no query per row.

        The release's source bytes are left out: a list never shows them, and they are large.
        """
        return self.with_related().with_effective_themes()

    def for_speaker_family(self, speaker) -> StatementQuerySet:
        """Statements by the speaker or by speakers staff merged into it."""
        # An IN over the family's ids, not an OR across the speaker join: the OR cannot use the
        # (speaker, date) index and scans the whole table (0.5 s a query at a million statements).
        family = type(speaker).objects.filter(
            models.Q(pk=speaker.pk) | models.Q(merged_into=speaker)
        )
        return self.filter(speaker__in=family.values("pk"))


def effective_theme_tags(tags: models.QuerySet) -> models.QuerySet:
    """Keep the theme tags that count: not removals, and with no staff removal of that theme.

    The one place that says what a statement's themes are; every page, facet and filter uses it.
    """
    removals = tags.model.objects.filter(
        statement=models.OuterRef("statement"), theme=models.OuterRef("theme"), is_removal=True
    )
    return tags.filter(is_removal=False).filter(~models.Exists(removals))


def _theme_tag_model(statement_model):
    """StatementTheme, reached through the model (this module is imported by models.py)."""
    return statement_model._meta.get_field("theme_tags").related_model


class CorrectionQuerySet(models.QuerySet):
    def active(self):
        """The corrections in force, in the order they were made (the order they apply in)."""
        return self.filter(undone_at__isnull=True).order_by("created_at", "pk")

    def flagged(self):
        """In force but no longer applying: the text under them changed in a re-ingest."""
        return self.filter(undone_at__isnull=True).exclude(flag="")
