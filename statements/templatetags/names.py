"""Names in running text: a delegation with its article ("Representative of the Sudan")."""

from __future__ import annotations

from django import template

from statements.ingest.speaker_names import display_name
from statements.reference.articles import with_article

register = template.Library()
register.filter("with_article", with_article)
register.filter("display_name", display_name)
