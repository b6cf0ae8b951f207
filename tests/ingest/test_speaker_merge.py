"""Merging speakers moves everything and leaves redirects; the admin action drives it."""

import pytest
from django.contrib.auth.models import User

from statements.ingest.speaker_merge import speaker_merge
from statements.models import Speaker, SpeakerRedirect
from tests.factories import make_speaker, make_statement

pytestmark = pytest.mark.django_db


def test_merge_moves_statements_aliases_and_redirects_the_old_slug():
    keep, drop = make_speaker(name="Jane Doe"), make_speaker(name="J. Doe")
    make_statement(speaker=drop)
    make_statement(speaker=keep)
    moved = speaker_merge(source=drop, target=keep)
    assert moved == 1
    assert keep.statements.count() == 2
    assert {a.name for a in keep.aliases.all()} == {"JANE DOE", "J. DOE"}
    assert SpeakerRedirect.objects.get(slug=drop.slug).speaker == keep
    drop.refresh_from_db()
    assert drop.merged_into == keep


def test_merge_into_itself_is_refused():
    speaker = make_speaker()
    with pytest.raises(ValueError):
        speaker_merge(source=speaker, target=speaker)


def test_admin_action_asks_which_to_keep_then_merges(client):
    client.force_login(User.objects.create_superuser("boss", "b@x.org", "pw"))
    a, b = make_speaker(name="Jane Doe"), make_speaker(name="Jane Doe-Smith")
    url = "/admin/statements/speaker/"
    data = {"action": "merge_speakers", "_selected_action": [a.pk, b.pk]}
    confirm = client.post(url, data)
    assert b"Choose the one to keep" in confirm.content
    client.post(url, {**data, "target": a.pk})
    assert Speaker.objects.get(pk=b.pk).merged_into_id == a.pk
