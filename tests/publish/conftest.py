"""A small archive for the data-out tests: two bodies, four years, themes, a staff removal."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from statements.models import Speaker, Statement
from statements.themes.models import Theme
from tests.factories import make_meeting, make_speaker, make_statement, make_theme_tag

SITE = "https://archive.example.org"
TEXTS = [
    "Climate change threatens small island developing States; adaptation finance must double.",
    "Nuclear disarmament remains the only guarantee against the use of nuclear weapons.",
    "Trafficking in persons is a modern form of slavery; victims need protection.",
]


@dataclass
class DataArchive:
    speakers: dict[str, Speaker] = field(default_factory=dict)
    meetings: list = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    climate: Theme | None = None
    disarmament: Theme | None = None


def build(*, years=(2019, 2020, 2021, 2022)) -> DataArchive:
    """Per year one meeting: statements by NOR, SWE, BRA, FRA, a right of reply and a summary."""
    archive = DataArchive(
        climate=Theme.objects.get(slug="climate-change"),
        disarmament=Theme.objects.get(slug="nuclear-non-proliferation"),
    )
    archive.speakers = {
        "NOR": _speaker("Mona Juul", "mona-juul"),
        "SWE": _speaker("Anna Karin Eneström", "anna-karin-enestrom"),
    }
    for i, year in enumerate(years):
        body = "General Assembly" if i % 2 == 0 else "Security Council"
        meeting = make_meeting(body=body, day=date(year, 10, 5 + i), numbers=[i + 1, i + 2])
        archive.meetings.append(meeting)
        _statements(archive, meeting, i)
    return archive


def _speaker(name: str, slug: str) -> Speaker:
    return Speaker.objects.filter(slug=slug).first() or make_speaker(name=name, slug=slug)


def _statements(archive: DataArchive, meeting, i: int) -> None:
    for j, code in enumerate(["NOR", "SWE", "BRA", "FRA"]):
        text = TEXTS[(i + j) % len(TEXTS)]
        statement = make_statement(
            meeting=meeting, delegation=code, speaker=archive.speakers.get(code), text=text
        )
        archive.statements.append(statement)
        theme = archive.climate if "Climate" in text else archive.disarmament
        make_theme_tag(statement=statement, theme=theme, source="rule")
        make_theme_tag(statement=statement, theme=theme, source="agenda")  # counted once
        if code == "BRA":
            make_theme_tag(statement=statement, theme=theme, source="staff", is_removal=True)
    reply = make_statement(
        meeting=meeting,
        delegation="FRA",
        kind=Statement.Kind.RIGHT_OF_REPLY,
        text="He rejected it.",
    )
    summary = make_statement(
        meeting=meeting,
        delegation="NOR",
        kind=Statement.Kind.SUMMARY,
        summary_of=archive.statements[-4],
        text="The representative of Norway spoke on climate.",
    )
    archive.statements += [reply, summary]


@pytest.fixture
def archive(db, settings) -> DataArchive:
    settings.SITE_URL = SITE
    return build()
