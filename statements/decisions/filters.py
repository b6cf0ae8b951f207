"""Decision filters and facet counts: body, year, action, divided votes only, delegation."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractYear

from statements.decisions.models import Decision

ACTIONS = Decision.Action.choices


class DecisionFilter(django_filters.FilterSet):
    """One definition of the decisions list's filters, shared by its page and the votes export."""

    body = django_filters.CharFilter(method="filter_body")
    year = django_filters.NumberFilter(method="filter_year")
    action = django_filters.ChoiceFilter(choices=ACTIONS, method="filter_action")
    divided = django_filters.BooleanFilter(method="filter_divided")
    delegation = django_filters.CharFilter(method="filter_delegation")

    class Meta:
        model = Decision
        fields: list[str] = []

    def __init__(self, data: Any = None, queryset: QuerySet | None = None, **kwargs: Any):
        super().__init__(data, queryset=queryset or Decision.objects.with_related(), **kwargs)

    def filter_body(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.for_body(value[:80]) if value else queryset

    def filter_year(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.in_year(int(value)) if value and 1945 <= value <= 2100 else queryset

    def filter_action(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(action=value) if value else queryset

    def filter_divided(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        return queryset.divided() if value else queryset

    def filter_delegation(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(votes__delegation__code__iexact=value[:40]).distinct()

    @property
    def valid_qs(self) -> QuerySet:
        """The filtered decisions; input that does not validate filters nothing rather than fail."""
        return self.qs if self.is_valid() else self.queryset.none()


def facet_counts(decisions: QuerySet) -> dict[str, list[dict]]:
    """Count the matching decisions per body, year and action."""
    plain = decisions.order_by()
    return {
        "bodies": list(
            plain.values("meeting__body__slug", "meeting__body__name")
            .annotate(n=Count("id"))
            .order_by("meeting__body__position", "meeting__body__name")
        ),
        "years": list(
            plain.annotate(year=ExtractYear("date"))
            .values("year")
            .annotate(n=Count("id"))
            .order_by("-year")
        ),
        "actions": [
            {**row, "label": dict(ACTIONS).get(row["action"], row["action"])}
            for row in plain.values("action").annotate(n=Count("id")).order_by("action")
        ],
    }
