"""Factory functions for tests: keyword-only defaults, one known place."""

from __future__ import annotations

import itertools
from datetime import date

from meetings.models import Body, Meeting, Release, ReleaseSource
from statements.models import Delegation, Speaker, SpeakerAlias, Statement
from statements.themes.models import Theme, ThemeRule

_counter = itertools.count(1)


def make_release(*, symbol: str | None = None, day: date = date(2021, 11, 23), **fields) -> Release:
    """A release with a unique symbol and a tiny source (source=bytes to choose it)."""
    n = next(_counter)
    symbol = symbol or f"GA/T{n}"
    source = fields.pop("source", f"source {n}".encode())
    defaults = {
        "date": day,
        "headline": f"Test headline {n}",
        "source_name": f"test-{n}.txt",
        "content_hash": f"{n:064d}",
        "parser_version": "test",
    }
    release = Release.objects.create(symbol=symbol, **{**defaults, **fields})
    ReleaseSource.objects.create(release=release, data=source)
    return release


def make_meeting(
    *, body: str = "General Assembly", day: date = date(2021, 11, 23), **fields
) -> Meeting:
    """A meeting covered by a new release."""
    release = fields.pop("release", None) or make_release(day=day)
    defaults = {"session": 76, "numbers": [38], "part": "AM", "title": release.headline}
    return Meeting.objects.create(
        release=release, body=Body.objects.get(name=body), date=day, **{**defaults, **fields}
    )


def make_speaker(*, name: str = "Jane Doe", slug: str | None = None) -> Speaker:
    """A speaker with one alias."""
    speaker = Speaker.objects.create(
        name=name, slug=slug or f"{name.lower().replace(' ', '-')}-{next(_counter)}"
    )
    SpeakerAlias.objects.create(speaker=speaker, name=name.upper(), normalized=name.lower())
    return speaker


def make_statement(
    *,
    meeting: Meeting | None = None,
    delegation: str | None = "NOR",
    speaker: Speaker | None = None,
    text: str = "The representative said peace requires cooperation.",
    **fields,
) -> Statement:
    """A statement at the end of a meeting's order, for a delegation given by code."""
    meeting = meeting or make_meeting()
    sequence = fields.pop("sequence", None) or (meeting.statements.count() + 1)
    found = Delegation.objects.get(code=delegation) if delegation else None
    return Statement.objects.create(
        meeting=meeting,
        sequence=sequence,
        date=meeting.date,
        delegation=found,
        delegation_label=found.name if found else "",
        speaker=speaker,
        speaker_label=speaker.name.upper() if speaker else "",
        text=text,
        **fields,
    )


def make_theme(
    *, slug: str = "test-theme", name: str | None = None, rules=(), parent=None
) -> Theme:
    """A theme with optional websearch rules."""
    theme = Theme.objects.create(
        slug=slug, name=name or slug.replace("-", " ").title(), parent=parent
    )
    for query in rules:
        ThemeRule.objects.create(theme=theme, query=query)
    return theme


def make_theme_tag(*, statement, theme, source: str = "rule", is_removal: bool = False):
    """Tag a statement with a theme (or, with is_removal, record a staff removal)."""
    from statements.themes.models import StatementTheme

    return StatementTheme.objects.create(
        statement=statement, theme=theme, source=source, is_removal=is_removal
    )
