"""How statements are produced and checked, with the archive's own counts."""

from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from statements import review
from statements.models import Correction, Statement


def review_counts(statements) -> list[tuple[str, str, str, int]]:
    """(value, label, meaning, count) of each review state, full statements only."""
    found = dict(
        statements.exclude(kind=Statement.Kind.SUMMARY)
        .order_by()
        .values_list("review_state")
        .annotate(n=Count("pk"))
    )
    return [
        (value, gettext(label), review.MEANINGS[value], found.get(value, 0))
        for value, label in review.REVIEW_STATES.items()
    ]


def checks(request: HttpRequest) -> HttpResponse:
    """The public page on parsing, warnings, reviews and staff corrections."""
    counts = review_counts(Statement.objects.all())
    corrections = Correction.objects.filter(undone_at__isnull=True)
    context = {
        "counts": counts,
        "total": sum(n for *_, n in counts),
        "corrections": corrections.count(),
        "corrected_meetings": corrections.values("meeting").distinct().count(),
        "flagged": Correction.objects.flagged().count(),
        "by_operation": [
            (Correction.Operation(op).label, n)
            for op, n in corrections.order_by()
            .values_list("operation")
            .annotate(n=Count("pk"))
            .order_by("-n", "operation")
        ],
    }
    return render(request, "statements/checks.html", context)
