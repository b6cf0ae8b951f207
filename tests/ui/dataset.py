"""A small, realistic archive for UI tests: several bodies, countries, years, kinds and themes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils.text import slugify

from statements.models import Speaker, SpeakerRedirect, Statement
from statements.themes.models import Theme
from tests.factories import make_meeting, make_speaker, make_statement, make_theme, make_theme_tag

TOPICS = {
    "climate": "Climate change threatens small island developing States; adaptation finance must "
    "double and loss and damage funding cannot wait.",
    "trafficking": "Trafficking in persons is a modern form of slavery; victims need protection "
    "and traffickers must be prosecuted across borders.",
    "disarmament": "Nuclear disarmament remains the only guarantee against the use of nuclear "
    "weapons; the Treaty on the Non-Proliferation must be upheld.",
    "women": "Gender equality and the empowerment of women and girls are central to sustainable "
    "development and to lasting peace.",
}
COUNTRIES = ["NOR", "SWE", "FRA", "BRA", "KEN", "CHN", "VAT", "EU"]
BODIES = ["General Assembly", "Third Committee", "Security Council"]


@dataclass
class Archive:
    themes: dict[str, Theme] = field(default_factory=dict)
    speakers: dict[str, Speaker] = field(default_factory=dict)
    meetings: list = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)


def build_archive(
    *, meetings_per_year: int = 1, years=(2019, 2020, 2021, 2022), start: int = 0
) -> Archive:
    """Meetings across bodies and years; each country speaks, with replies and a summary."""
    archive = Archive()
    _themes(archive)
    _speakers(archive)
    n = start
    for year in years:
        for i in range(meetings_per_year):
            body = BODIES[(n + i) % len(BODIES)]
            meeting = make_meeting(
                body=body,
                day=date(year, 3 + (i % 9), 10 + (n % 15)),
                session=year - 1945,
                numbers=[n + 1],
                title=f"{body} debates {list(TOPICS)[n % 4]}",
            )
            archive.meetings.append(meeting)
            _meeting_statements(archive, meeting, n)
            n += 1
    return archive


def _themes(archive: Archive) -> None:
    """Use the taxonomy the migrations load; create a theme only if it is missing."""
    wanted = {
        "peace": ("peace-and-security", None),
        "rights": ("human-rights", None),
        "disarmament": ("nuclear-non-proliferation", "disarmament"),
        "trafficking": ("trafficking-in-persons", "drugs-crime-and-terrorism"),
        "women": ("gender-equality", "human-rights"),
        "climate": ("climate-change", "sustainable-development"),
    }
    for key, (slug, parent) in wanted.items():
        theme = Theme.objects.filter(slug=slug).first()
        if theme is None:
            pillar = Theme.objects.filter(slug=parent).first() if parent else None
            pillar = pillar or (make_theme(slug=parent) if parent else None)
            theme = make_theme(slug=slug, parent=pillar)
        archive.themes[key] = theme


def _speakers(archive: Archive) -> None:
    """Three named speakers (reused if they exist) and one old slug that redirects."""
    names = {"NOR": "Mona Juul", "SWE": "Anna Karin Eneström", "FRA": "Nicolas de Rivière"}
    for code, name in names.items():
        found = Speaker.objects.filter(slug=slugify(name)).first()
        archive.speakers[code] = found or make_speaker(name=name, slug=slugify(name))
    SpeakerRedirect.objects.get_or_create(slug="m-juul", speaker=archive.speakers["NOR"])


def _meeting_statements(archive: Archive, meeting, n: int) -> None:
    topic = list(TOPICS)[n % 4]
    first = None
    for j, code in enumerate(COUNTRIES):
        statement = make_statement(
            meeting=meeting,
            delegation=code,
            speaker=archive.speakers.get(code),
            title="Permanent Representative" if code in archive.speakers else "",
            text=f"{TOPICS[topic]} The delegate of {code} spoke at meeting {n + 1}, item {j}.",
        )
        first = first or statement
        archive.statements.append(statement)
        _tag(archive, statement, topic)
    reply = make_statement(
        meeting=meeting, delegation="CHN", kind=Statement.Kind.RIGHT_OF_REPLY,
        text="Speaking in exercise of the right of reply, he rejected the allegations as baseless.",
    )  # fmt: skip
    summary = make_statement(
        meeting=meeting, delegation="NOR", kind=Statement.Kind.SUMMARY, summary_of=first,
        text=f"The representative of Norway said {TOPICS[topic].lower()}",
    )  # fmt: skip
    archive.statements += [reply, summary]


def _tag(archive: Archive, statement: Statement, topic: str) -> None:
    theme = archive.themes[topic]
    make_theme_tag(statement=statement, theme=theme, source="rule")
    if statement.delegation.code == "BRA":
        # Staff removed the rule's theme from Brazil's statements: it must not count anywhere.
        make_theme_tag(statement=statement, theme=theme, source="staff", is_removal=True)
