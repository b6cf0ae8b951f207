"""On the real seed release, every statement of the trafficking meeting carries the theme."""

from __future__ import annotations

import pytest

from statements.ingest import ingest_source
from statements.models import Statement
from statements.themes.models import MeetingTheme, Theme
from tests.seed import SEED_OVERRIDES, seed_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    result = ingest_source(
        source=seed_bytes(), source_name="seed.txt", overrides=SEED_OVERRIDES, via="test"
    )
    return result.release.meeting


def test_every_statement_of_the_trafficking_meeting_carries_the_theme(meeting):
    trafficking = Theme.objects.get(slug="trafficking-in-persons")
    statements = Statement.objects.filter(meeting=meeting)
    assert statements.count() == 77
    assert statements.exclude(pk__in=trafficking.statements.values("pk")).count() == 0
    assert Statement.objects.with_theme([trafficking.pk]).filter(meeting=meeting).count() == 77


def test_the_trafficking_theme_is_on_the_meetings_agenda_from_its_headline(meeting):
    agenda = MeetingTheme.objects.filter(meeting=meeting).values_list("theme__slug", flat=True)
    assert list(agenda) == ["trafficking-in-persons"]


def test_a_reply_that_never_says_trafficking_gets_it_from_the_agenda(meeting):
    belarus = Statement.objects.get(meeting=meeting, delegation__code="BLR", kind="right_of_reply")
    assert "traffick" not in belarus.text
    sources = belarus.theme_tags.filter(theme__slug="trafficking-in-persons")
    assert list(sources.values_list("source", flat=True)) == ["agenda"]
