"""Language in pages: the `lang` of archive text, and the same page in each interface language."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html

register = template.Library()


@register.filter
def lang_attr(code: str | None) -> str:
    """` lang="fr"` when text in language code sits in a page of another language (WCAG 3.1.2)."""
    text = (code or "")[:2].lower()
    if not text or text == translation.get_language():
        return ""
    return format_html(' lang="{}"', text)


@register.simple_tag(takes_context=True)
def page_in_languages(context) -> list[dict]:
    """This page's address in every interface language: code, local name, url, current."""
    request = context.get("request")
    if request is None:
        return []
    here = request.get_full_path()
    current = translation.get_language()
    pages = [
        {
            "code": code,
            "name": translation.get_language_info(code)["name_local"],
            "url": translate_url(here, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    # A page in one language only (an untranslated tool, data out) has no other version.
    return [page for page in pages if page["current"] or page["url"] != here]


@register.simple_tag
def language_name(code: str) -> str:
    """A language's name in the interface's language ('French', 'français'), from Django's
    catalogues; the code itself if Django does not know it."""
    try:
        return str(translation.get_language_info(code[:2])["name_translated"])
    except KeyError:
        return code
