"""A result card's fields, computed in one pass for the page: what the card filters read.

A list page renders 20 cards of about 25 fields each. Read from model instances, every field
costs the template a failed `obj[key]` (an exception) before `getattr`, and every link a
`reverse()`: a third of the page's CPU. Here each card is plain dicts, which Django's template
lookup reads on its first try, and links are filled into a path reversed once per page.
statements/templatetags/statement_cards.py turns them into HTML.
"""

from __future__ import annotations

from django.urls import reverse

from statements.models import Statement
from statements.search.index import memo, readers
from statements.themes.models import Theme

_SLOT = "zzslotzz"  # matches both the slug and (by position) the int converters' places
_NUMBER = 987654321


class Links:
    """The detail URLs of statements, meetings, delegations, speakers and themes, by argument.

    Each URL name is reversed once with a placeholder; the argument is put in its place (slugs
    and ids need no quoting: slug and int converters only accept [-a-zA-Z0-9_])."""

    def __init__(self) -> None:
        self._paths: dict[str, tuple[str, str]] = {}

    def url(self, name: str, arg: int | str) -> str:
        found = self._paths.get(name)
        if found is None:
            slot = _NUMBER if name in _BY_ID else _SLOT
            found = self._paths[name] = (reverse(name, args=[slot]), str(slot))
        path, slot = found
        return path.replace(slot, str(arg), 1)


_BY_ID = {"statements:statement-detail", "statements:meeting-detail"}
_KIND_LABELS = dict(Statement.Kind.choices)


def card(statement, links: Links, themes: dict) -> dict:
    """The fields a card shows, as dicts
    (`statement` from with_theme_ids(); `themes`: every theme by id)."""
    meeting = statement.meeting
    return {
        "pk": statement.pk,
        "get_absolute_url": links.url("statements:statement-detail", statement.pk),
        "kind": statement.kind,
        # as get_kind_display(), which hashes every kind's lazy label (a translation each) per call
        "get_kind_display": str(_KIND_LABELS.get(statement.kind, statement.kind)),
        "speaker": _named(statement.speaker, "statements:speaker-detail", links),
        "speaker_label": statement.speaker_label,
        "delegation": _named(statement.delegation, "statements:delegation-detail", links),
        "delegation_label": statement.delegation_label,
        "title": statement.title,
        "on_behalf_of": statement.on_behalf_of,
        "date": statement.date,
        "text": statement.text,
        "language": meeting.release.language,
        "meeting": {
            "get_absolute_url": links.url("statements:meeting-detail", meeting.pk),
            "label": meeting.label,
            "body": {"name": meeting.body.name},
            "release": {"symbol": meeting.release.symbol},
        },
        "effective_theme_tags": [
            {"theme": _named(themes[pk], "statements:theme-detail", links)}
            for pk in statement.theme_ids
            if pk in themes
        ],
    }


def listed(ids: list[int]) -> list[dict]:
    """The cards of these statements in the ids' order (a country's or a theme's latest)."""
    rows = readers.rows(Statement.objects.with_related().with_theme_ids(), ids)
    links, themes = Links(), themes_by_id()
    return [card(statement, links, themes) for statement in rows]


def themes_by_id() -> dict:
    """Every theme by id, kept until the next index commit (a few hundred rows)."""
    return memo.per_commit("labels", "themes-by-id", lambda: Theme.objects.in_bulk())


def _named(row, url_name: str, links: Links) -> dict | None:
    """A linked row (speaker, delegation, theme) as its name and URL; None stays None."""
    if row is None:
        return None
    return {"name": row.name, "get_absolute_url": links.url(url_name, row.slug)}
