"""Names in running text: a delegation with its article ("Representative of the Sudan")."""

from __future__ import annotations

from django import template
from django.utils.translation import pgettext

from statements.ingest.speaker_names import display_name
from statements.reference.articles import with_article

register = template.Library()


@register.filter("with_article")
def with_localized_article(name: str) -> str:
    """The name after "of", with "the" where the UN writes it, in the interface's language (the
    catalogue says how: French writes « Représentant(e) : Pays-Bas », with no article)."""
    named = with_article(name)
    if named == name:
        return name
    return pgettext("a State's name with its article", "the %(name)s") % {"name": named[4:]}


register.filter("display_name", display_name)
