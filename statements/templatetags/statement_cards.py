"""`{{ result|card:query }}`: a result card's HTML built in Python, the same bytes as
includes/_statement_card.html.

The search page shows 20 cards; as an include each (and one more for the speaker's name), the
card template cost about a ninth of the page's CPU in node rendering and lookups. Here a card
is one f-string over the precomputed fields of statements.search.cards (a Result's `card`).
The template stays for the theme and country pages, whose cards are models;
tests/ui/test_statement_cards.py renders both ways and compares.
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
    """includes/_statement_who.html: the speaker, else who they represented."""
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
