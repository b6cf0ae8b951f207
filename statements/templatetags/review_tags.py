"""Parser warnings in words for readers, and the correction that answers each, for staff."""

from __future__ import annotations

from django import template

from statements import review

register = template.Library()


@register.filter
def warning_words(warnings) -> str:
    """The parser's warnings ("code: message") as a reader reads them, joined by "; "."""
    return "; ".join(review.warning_words(w) for w in warnings or ())


@register.filter
def answering_action(warning: str) -> str:
    """The correction form that answers a warning (an anchor prefix on the corrections page)."""
    return review.ANSWERS.get(warning.partition(":")[0], "review")
