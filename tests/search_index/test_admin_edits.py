"""Edits in the admin of meetings, releases, bodies and themes reach the search index."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib import admin
from django.db import transaction
from django.urls import reverse

from meetings.models import Meeting, Release
from statements.admin.meetings_admin import IndexedMeetingAdmin
from statements.models import Statement
from statements.search.index import outbox
from statements.themes.admin import ThemeAdmin
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


def test_the_meeting_admin_is_the_indexed_one():
    assert isinstance(admin.site._registry[Meeting], IndexedMeetingAdmin)


def test_a_meeting_saved_in_the_admin_is_reindexed(live_index):
    ingest(seed_bytes())
    meeting = Meeting.objects.get()
    Meeting.objects.filter(pk=meeting.pk).update(date=OLD)
    Statement.objects.update(date=OLD)  # an edit the index has not seen yet
    assert not found(date_to=OLD)
    IndexedMeetingAdmin(Meeting, admin.site).save_model(None, meeting, None, True)
    assert found(date_to=OLD) == pg_full()


def test_a_theme_renamed_in_the_admin_is_reindexed(live_index):
    ingest(seed_bytes())
    pillar = Theme.objects.create(name="Test pillar", slug="test-pillar")
    theme = Theme.objects.create(name="Test theme", slug="test-theme", parent=pillar)
    statement = Statement.objects.full().first()
    with transaction.atomic():  # a staff tag, as the tag admin records it
        StatementTheme.objects.create(statement=statement, theme=theme, source="staff")
        outbox.record(statement_ids=[statement.pk])
    assert statement.pk in found(themes=(theme.slug,))
    Theme.objects.filter(pk=theme.pk).update(slug="renamed-theme")
    theme.refresh_from_db()
    ThemeAdmin(Theme, admin.site).save_model(None, theme, None, True)
    assert statement.pk in found(themes=("renamed-theme",))
