"""Parser warnings in words for readers, and the correction that answers each, for staff."""

from __future__ import annotations

from django import template

from statements import review
from statements.ingest.corrections import first_words, paragraph_choices, sentence_choices
from statements.ingest.review_corrections import narrative_near

register = template.Library()


@register.filter
def warning_words(warnings) -> str:
    """The parser's warnings ("code: message") as a reader reads them, joined by "; "."""
    return "; ".join(review.warning_words(w) for w in warnings or ())


@register.filter
def answering_action(warning: str) -> str:
    """The correction form that answers a warning (an anchor prefix on the corrections page)."""
    return review.ANSWERS.get(warning.partition(":")[0], "review")


register.filter("sentence_choices", sentence_choices)
register.filter("paragraph_choices", paragraph_choices)


@register.filter
def narrative_choices(plan, sequence: int) -> list[tuple[int, str]]:
    """The narrative paragraphs a statement of a review may take in: (number, first words)."""
    return [(n.paragraph, first_words(n.text, 8)) for n in narrative_near(plan.parsed, sequence)]
