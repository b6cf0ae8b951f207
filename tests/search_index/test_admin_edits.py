"""Every write reaches the search index: the outbox triggers see QuerySet.update(), the admin,
raw SQL alike (migration search_index 0003), one entry per SQL statement."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from meetings.models import Body, Meeting, Release
from statements.models import Delegation, Speaker, Statement
from statements.search.models import OutboxEntry
from statements.themes.models import StatementTheme, Theme
from tests.search_index.test_outbox import found, ingest, pg_full
from tests.seed import seed_bytes

pytestmark = pytest.mark.django_db(transaction=True)
OLD = date(1999, 1, 2)


def test_a_release_deleted_in_the_admin_leaves_search(live_index, admin_client):
    ingest(seed_bytes())
    assert found()
    release = Release.objects.get()
    url = reverse("admin:meetings_release_delete", args=[release.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Statement.objects.exists() and found() == set()


def test_a_queryset_update_reaches_the_index(live_index):
    ingest(seed_bytes())
    assert not found(date_to=OLD)
    Statement.objects.update(date=OLD)  # no save(), no admin, no record(): the trigger sees it
    assert found(date_to=OLD) == pg_full() and found(date_to=OLD)


def test_raw_sql_reaches_the_index(live_index):
    ingest(seed_bytes())
    statement = Statement.objects.full().first()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE statements_statement SET text = 'Quokkas everywhere' WHERE id = %s",
            [statement.pk],
        )
    assert found("quokkas") == {statement.pk}


def test_one_sql_statement_writes_one_entry_naming_what_it_touched():
    ingest(seed_bytes())
    before = OutboxEntry.objects.count()
    ids = sorted(Statement.objects.values_list("pk", flat=True))
    Statement.objects.update(text="x")
    assert OutboxEntry.objects.count() == before + 1
    assert OutboxEntry.objects.latest("id").statement_ids == ids


def test_a_change_search_does_not_show_writes_no_entry():
    ingest(seed_bytes())
    before = OutboxEntry.objects.count()
    Meeting.objects.update(title="Another headline")  # the index holds no meeting title
    Statement.objects.filter(pk=-1).update(text="x")  # no row
    Body.objects.update(name="Renamed body")  # bodies are indexed by slug
    assert OutboxEntry.objects.count() == before


def test_a_body_renamed_reindexes_its_meetings(live_index):
    ingest(seed_bytes())
    meeting = Meeting.objects.get()
    Body.objects.filter(pk=meeting.body_id).update(slug="renamed-body")
    assert found(bodies=("renamed-body",)) == pg_full()
    assert OutboxEntry.objects.latest("id").meeting_ids == [meeting.pk]


def test_a_meeting_session_changed_is_reindexed(live_index):
    ingest(seed_bytes())
    Meeting.objects.update(session=77)
    assert found(sessions=(77,)) == pg_full()


def test_a_speaker_and_a_delegation_renamed_are_reindexed(live_index):
    ingest(seed_bytes())
    spoken = Statement.objects.full().exclude(speaker=None).first()
    Speaker.objects.filter(pk=spoken.speaker_id).update(name="Zebulon Quixote")
    assert spoken.pk in found("quixote")
    delegation = Delegation.objects.create(code="ZZA", name="Zedland", slug="zedland", kind="state")
    Statement.objects.filter(pk=spoken.pk).update(delegation=delegation)
    Delegation.objects.filter(pk=delegation.pk).update(code="ZZQ")
    assert found(delegations=("ZZQ",)) == {spoken.pk}


def test_a_tag_and_a_theme_renamed_are_reindexed(live_index):
    ingest(seed_bytes())
    pillar = Theme.objects.create(name="Test pillar", slug="test-pillar")
    theme = Theme.objects.create(name="Test theme", slug="test-theme", parent=pillar)
    statement = Statement.objects.full().first()
    StatementTheme.objects.create(statement=statement, theme=theme, source="staff")
    assert statement.pk in found(themes=(theme.slug,))
    Theme.objects.filter(pk=theme.pk).update(slug="renamed-theme")
    assert statement.pk in found(themes=("renamed-theme",))
    StatementTheme.objects.filter(statement=statement, theme=theme).delete()
    assert statement.pk not in found(themes=("renamed-theme",))
