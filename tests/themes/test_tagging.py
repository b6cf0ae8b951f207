"""Tagging: per meeting at ingest, all at once on rule changes; staff tags win and survive."""

from __future__ import annotations

import pytest

from statements.models import Statement
from statements.search.models import OutboxEntry
from statements.themes.models import MeetingTheme, StatementTheme
from statements.themes.tagging import (
    effective_counts,
    effective_tags,
    retag,
    retag_all,
    tag_meeting,
)
from tests.factories import make_meeting, make_statement, make_theme

pytestmark = pytest.mark.django_db

CLIMATE = "Climate change threatens small islands."


@pytest.fixture
def climate(no_shipped_rules):
    return make_theme(slug="climate-test", rules=['"climate change"', '"sea-level rise"'])


def sources(statement, theme) -> set[str]:
    return set(statement.theme_tags.filter(theme=theme).values_list("source", flat=True))


def test_tag_meeting_tags_that_meeting_only_and_names_the_first_rule(climate):
    here = make_statement(text=f"{CLIMATE} Sea-level rise too.")
    elsewhere = make_statement(text=CLIMATE)
    tag_meeting(here.meeting)
    tag = here.theme_tags.get(theme=climate)
    assert (tag.source, tag.rule.query) == ("rule", '"climate change"')
    assert not elsewhere.theme_tags.exists()


def test_retag_replaces_stale_automatic_tags_and_keeps_staff_tags(climate):
    statement = make_statement(text=CLIMATE)
    other = make_theme(slug="other-test", rules=["islands"])
    retag_all()
    StatementTheme.objects.create(statement=statement, theme=other, source="staff")
    climate.rules.update(is_active=False)
    other.rules.update(is_active=False)
    retag_all()
    assert sources(statement, climate) == set()
    assert sources(statement, other) == {"staff"}


def test_a_staff_removal_overrides_rule_and_agenda_tags(climate):
    meeting = make_meeting(title="Climate Change Debate")
    statement = make_statement(meeting=meeting, text=CLIMATE)
    StatementTheme.objects.create(
        statement=statement, theme=climate, source="staff", is_removal=True
    )
    retag_all()
    assert sources(statement, climate) == {"rule", "agenda", "staff"}
    assert not effective_tags().filter(statement=statement, theme=climate).exists()
    assert not Statement.objects.with_theme([climate.pk]).exists()
    assert effective_counts([climate]) == {}


def test_a_headline_theme_reaches_every_statement_of_the_meeting(climate):
    meeting = make_meeting(title="Speakers Warn of Climate Change as Assembly Debates Oceans")
    said = make_statement(meeting=meeting, text=CLIMATE)
    other_words = make_statement(meeting=meeting, text="Our coasts are disappearing.")
    tag_meeting(meeting)
    assert MeetingTheme.objects.filter(meeting=meeting, theme=climate).exists()
    assert sources(said, climate) == {"rule", "agenda"}
    assert sources(other_words, climate) == {"agenda"}


def test_a_headline_theme_few_speakers_address_is_not_the_agenda(climate):
    meeting = make_meeting(title="Nuclear Risks, Climate Change Discussed in First Committee")
    statements = [make_statement(meeting=meeting, text="Nuclear weapons.") for _ in range(4)]
    statements.append(make_statement(meeting=meeting, text=CLIMATE))
    tag_meeting(meeting)
    assert not MeetingTheme.objects.filter(meeting=meeting).exists()
    assert sources(statements[0], climate) == set()


def test_a_lead_paragraph_theme_needs_half_the_speakers(climate):
    meeting = make_meeting(title="Delegates Speak")
    make_statement(meeting=meeting, kind="summary", text=f"The Assembly heard that {CLIMATE}")
    make_statement(meeting=meeting, text=CLIMATE)
    quiet = make_statement(meeting=meeting, text="We thank the President.")
    tag_meeting(meeting)
    assert sources(quiet, climate) == {"agenda"}
    make_statement(meeting=meeting, text="We thank the Secretary-General.")
    make_statement(meeting=meeting, text="We thank the facilitators.")
    tag_meeting(meeting)
    assert sources(quiet, climate) == set()


def test_retagging_one_theme_leaves_the_others_alone(climate):
    other = make_theme(slug="islands-test", rules=["islands"])
    statement = make_statement(text=CLIMATE)
    retag_all()
    other.rules.update(is_active=False)
    climate.rules.update(is_active=False)
    result = retag(themes=[climate])
    assert result.rule_tags == 0
    assert sources(statement, climate) == set()
    assert sources(statement, other) == {"rule"}


def test_retag_all_tags_every_meeting_and_reports_counts(climate):
    for n in range(3):
        make_statement(meeting=make_meeting(title=f"Meeting {n}"), text=CLIMATE)
    result = retag_all()
    assert (result.rule_tags, result.agenda_tags) == (3, 0)
    assert effective_counts([climate]) == {climate.pk: 3}


def outbox_ids() -> set[int]:
    return set(OutboxEntry.objects.values_list("pk", flat=True))


def named_since(before: set[int]) -> set[int]:
    entries = OutboxEntry.objects.exclude(pk__in=before)
    assert not entries.filter(everything=True).exists()
    return {pk for e in entries for pk in e.statement_ids}


def test_a_retag_that_changes_nothing_writes_no_outbox_entry(climate):
    make_statement(text=CLIMATE)
    make_statement(text="Nothing about the weather.")
    retag_all()
    before = outbox_ids()
    retag_all()
    assert outbox_ids() == before


def test_a_retag_names_only_the_statements_whose_tags_changed(climate):
    both = make_statement(text=f"{CLIMATE} Sea-level rise too.")
    only = make_statement(text=CLIMATE)
    make_statement(text="Nothing about the weather.")
    retag_all()
    before = outbox_ids()
    climate.rules.filter(query='"climate change"').update(is_active=False)
    retag_all()  # `both` keeps its tag by the other rule (its rule_id changes): no change
    assert named_since(before) == {only.pk}
    assert both.theme_tags.get(theme=climate).rule.query == '"sea-level rise"'
