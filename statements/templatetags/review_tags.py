"""Parser warnings in words for readers, and the correction that answers each, for staff."""

from __future__ import annotations

from django import template

from statements import review
from statements.ingest.corrections import first_words, paragraphs, sentence_starts
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


@register.filter
def sentence_choices(text: str) -> list[tuple[int, str]]:
    """Where a statement may be split: (offset, the sentence's first words)."""
    return [(at, first_words(text[at:], 8)) for at in sentence_starts(text)]


@register.filter
def paragraph_choices(text: str) -> list[str]:
    """A statement's paragraphs, by their first words."""
    return [first_words(p, 8) for p in paragraphs(text)]


@register.filter
def narrative_choices(plan, sequence: int) -> list[tuple[int, str]]:
    """The narrative paragraphs a statement of a review may take in: (number, first words)."""
    return [(n.paragraph, first_words(n.text, 8)) for n in narrative_near(plan.parsed, sequence)]
