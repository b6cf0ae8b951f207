"""A statement in a list, and who spoke it, as HTML built in Python: `{{ result|card:query }}`,
`{{ result|speaker_card:query }}`, `{{ card|listed_card }}` and `{{ statement|who }}`.

Every list of statements (search, a speaker's, a country's and a theme's pages) shows these cards,
and every page that names a statement's speaker uses `who`: one place for both. A card is one
f-string over the precomputed fields of statements.search.cards; as template includes, the cards
cost about a ninth of a search page's CPU. tests/ui/golden/cards/ holds what they print.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from html import escape as _escape  # Django's escape, without its lazy-string wrapper
from urllib.parse import quote

from django import template
from django.utils import dateformat, translation
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext

from statements.ingest.speaker_names import display_name
from statements.templatetags.languages import lang_attr
from statements.templatetags.names import with_localized_article

register = template.Library()


@register.filter
def card(result, query: str) -> SafeString:
    """The card of a search result (a statements.search.results.Result)."""
    return card_html(result.card, result.snippet, query=query)


@register.filter
def speaker_card(result, query: str) -> SafeString:
    """The card of a result on its speaker's own page."""
    return card_html(result.card, result.snippet, query=query, hide_speaker=True)


@register.filter
def listed_card(card: dict) -> SafeString:
    """The card of a statement listed without a search (a country's or theme's latest)."""
    return card_html(card, None, query="")


@register.filter
def who(statement) -> SafeString:
    """The speaker, else who they represented (a Statement, or a card's fields)."""
    return mark_safe(_who(_who_fields(statement)))  # noqa: S308 (escaped in _who)


def _who_fields(statement) -> dict:
    if isinstance(statement, dict):
        return statement
    speaker, delegation = statement.speaker, statement.delegation
    return {
        "speaker": speaker and {"name": speaker.name},
        "speaker_label": statement.speaker_label,
        "delegation": delegation and {"name": delegation.name},
        "delegation_label": statement.delegation_label,
    }


def card_html(
    card: dict, snippet: str | None, *, query: str, hide_speaker: bool = False
) -> SafeString:
    """The card of one statement in a list (`card` from cards.card); a speaker's own page
    (`hide_speaker`) names the meeting's body and day instead of the speaker."""
    pk, meeting = card["pk"], card["meeting"]
    href = _e(card["get_absolute_url"]) + (f"?q={_escape(quote(query))}" if query else "")
    label = f", {_e(meeting['label'])}" if meeting["label"] else ""
    text = conditional_escape(snippet) if snippet else _e(_truncated(card["text"]))
    who = _body_and_day(card) if hide_speaker else _who(card)
    html = (
        f'\n\n<article class="result" aria-labelledby="result-{pk}">\n'
        f'  <h3 id="result-{pk}">\n'
        f'    <a href="{href}">{who}</a>\n'
        f"    {_badge(card)}\n"
        "  </h3>\n"
        '  <p class="result-meta">\n'
        f"    {_meta(card)}\n"
        f"    {'' if hide_speaker else _speaker_link(card)}\n"
        "  </p>\n"
        '  <p class="result-where">\n'
        f'    <time datetime="{_date(card["date"], "Y-m-d")}">'
        f"{_date(card['date'], 'j M Y')}</time>\n"
        f'    · <a href="{_e(meeting["get_absolute_url"])}#statement-{pk}">'
        f"{_e(meeting['body']['name'])}{label}</a>\n"
        f"    · {_e(meeting['release']['symbol'])}\n"
        "  </p>\n"
        f'  <p class="snippet"{lang_attr(card["language"])}>{text}</p>\n'
        f"  {_tags(card)}\n"
        "</article>\n"
    )
    return mark_safe(html)  # noqa: S308 (every value escaped above)


def _e(value) -> str:
    return _escape(str(value))


def _who(card: dict) -> str:
    """The speaker's name, else their printed name, else "Representative of" their delegation."""
    if card["speaker"]:
        return _e(card["speaker"]["name"])
    if card["speaker_label"]:
        return _e(display_name(card["speaker_label"]))
    if card["delegation"]:
        return _representative(card["delegation"]["name"])
    if card["delegation_label"]:
        return _representative(card["delegation_label"])
    return _e(gettext("Unattributed"))


def _representative(name: str) -> str:
    return gettext("Representative of %(name)s") % {"name": _e(with_localized_article(name))}


def _body_and_day(card: dict) -> str:
    return f"{_e(card['meeting']['body']['name'])}, {_date(card['date'], 'j F Y')}"


def _badge(card: dict) -> str:
    if card["kind"] == "statement":
        return ""
    reply = " badge-reply" if card["kind"] == "right_of_reply" else ""
    return f'<span class="badge{reply}">{_e(card["get_kind_display"])}</span>'


def _meta(card: dict) -> str:
    """Delegation, title and on-behalf-of, as the template's first meta line."""
    delegation = card["delegation"]
    if delegation:
        html = f'<a href="{_e(delegation["get_absolute_url"])}">{_e(delegation["name"])}</a>'
    else:
        html = _e(card["delegation_label"]) if card["delegation_label"] else ""
    if card["title"]:
        html += f" · {_e(card['title'])}"
    if card["on_behalf_of"]:
        html += " · " + gettext("on behalf of %(who)s") % {"who": _e(card["on_behalf_of"])}
    return html


def _speaker_link(card: dict) -> str:
    speaker = card["speaker"]
    if not speaker:
        return ""
    return (
        f' · <a href="{_e(speaker["get_absolute_url"])}">{_e(gettext("Speaker page"))}'
        f'<span class="visually-hidden">: {_e(speaker["name"])}</span></a>'
    )


def _tags(card: dict) -> str:
    tags = card["effective_theme_tags"]
    if not tags:
        return ""
    items = "".join(
        f'<li><a href="{_e(t["theme"]["get_absolute_url"])}">{_e(t["theme"]["name"])}</a></li>'
        for t in tags
    )
    return f'\n  <ul class="tags" aria-label="{_e(gettext("Themes"))}">\n    {items}\n  </ul>\n  '


def _date(day: date, fmt: str) -> str:
    """The template's `date` filter, escaped; month names in the interface's language."""
    return _formatted(day, fmt, translation.get_language())


@lru_cache(maxsize=8192)
def _formatted(day: date, fmt: str, language: str) -> str:
    return _e(dateformat.format(day, fmt))


def _truncated(text: str) -> str:
    """The template's `truncatewords:55`."""
    return Truncator(text).words(55, truncate=" …")
