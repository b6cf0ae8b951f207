"""Language in pages: the `lang` of archive text, and the same page in each interface language."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import unquote, urlencode, urlsplit, urlunsplit

from django import template
from django.conf import settings
from django.urls import (
    NoReverseMatch,
    Resolver404,
    get_script_prefix,
    get_urlconf,
    resolve,
    reverse,
)
from django.utils import translation
from django.utils.html import format_html

from statements.search.state import PAGING, QueryState

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
    here = _here(context, request)
    current = translation.get_language()
    pages = [
        {
            "code": code,
            "name": translation.get_language_info(code)["name_local"],
            "url": _translated(here, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    # A page in one language only (an untranslated tool, data out) has no other version.
    return [page for page in pages if page["current"] or page["url"] != here]


def _translated(url: str, code: str) -> str:
    """Django's translate_url(url, code), the path's resolve() and reverse() done once a
    process per path and language: the same few paths come back on every request, and
    translate_url only changes the path (it keeps the query string and fragment)."""
    parts = urlsplit(url)
    # resolve() reads the active language (the /fr/ prefix), reverse() the script prefix.
    urls = get_urlconf() or settings.ROOT_URLCONF
    key = (translation.get_language(), urls, get_script_prefix())
    path = _translated_path(parts.path, code, *key)
    if path is None:
        return url
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, parts.fragment))


@lru_cache(maxsize=4096)
def _translated_path(
    path: str, code: str, active: str, urlconf: str | None, prefix: str
) -> str | None:
    """The path in language code, as translate_url finds it; None where it finds none."""
    try:
        match = resolve(unquote(path), urlconf)
    except Resolver404:
        return None
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with translation.override(code):
        try:
            return reverse(name, urlconf, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return None


def _here(context, request) -> str:
    """This page's address with only what the page itself uses of its query string.

    A list page's state (its usable filters) and its place (page, cursor) are kept; parameters
    it ignores are not echoed into every link. Elsewhere the query string is kept unless it is
    longer than any link of the site's own would be.
    """
    state = context.get("state")
    if isinstance(state, QueryState):
        paging = [(n, v) for n in PAGING for v in request.GET.getlist(n) if len(v) <= 200]
        query = urlencode([*state.hidden_inputs(exclude=()), *paging])
        return f"{request.path}?{query}" if query else request.path
    here = request.get_full_path()
    return here if len(here) <= _LONGEST_LINK else request.path


_LONGEST_LINK = 2000


@register.simple_tag
def language_name(code: str) -> str:
    """A language's name in the interface's language ('French', 'français'), from Django's
    catalogues; the code itself if Django does not know it."""
    try:
        return str(translation.get_language_info(code[:2])["name_translated"])
    except KeyError:
        return code
