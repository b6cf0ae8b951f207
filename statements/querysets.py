"""Read queries as QuerySet methods: search, per-speaker, per-delegation, per-theme."""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery
from django.db import models

from statements.reference import normalize_name

SEARCH_CONFIG = "english"


class DelegationQuerySet(models.QuerySet):
    def get_by_name(self, label: str):
        """Return the delegation a printed name means, exactly via aliases, or None."""
        key = normalize_name(label or "")
        if not key:
            return None
        return self.filter(models.Q(aliases__normalized=key)).distinct().first()

    def states(self) -> DelegationQuerySet:
        return self.filter(kind__in=["member_state", "observer_state"])


class SpeakerQuerySet(models.QuerySet):
    def canonical(self) -> SpeakerQuerySet:
        """Speakers that were not merged into another."""
        return self.filter(merged_into__isnull=True)


class ThemeQuerySet(models.QuerySet):
    def pillars(self) -> ThemeQuerySet:
        return self.filter(parent__isnull=True)

    def leaves(self) -> ThemeQuerySet:
        return self.filter(parent__isnull=False)


class StatementQuerySet(models.QuerySet):
    def with_related(self) -> StatementQuerySet:
        """Join what a statement list shows."""
        return self.select_related("speaker", "delegation", "meeting__body", "meeting__release")

    def search(self, query: str) -> StatementQuerySet:
        """Filter by a websearch-syntax full-text query ("phrase", OR, -word)."""
        return self.filter(
            search_vector=SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
        )

    def for_speaker(self, speaker) -> StatementQuerySet:
        return self.filter(speaker=speaker)

    def for_delegation(self, delegation) -> StatementQuerySet:
        return self.filter(delegation=delegation)

    def full(self) -> StatementQuerySet:
        """Statements that are not lead-paragraph summaries."""
        return self.exclude(kind="summary")
