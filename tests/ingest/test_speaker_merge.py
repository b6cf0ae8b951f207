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


def test_a_merge_can_be_undone():
    """Before SpeakerMerge there was no undo: clearing merged_into left the speaker without its
    statements, aliases and old slug (an empty page that redirected nowhere)."""
    from statements.ingest.speaker_merge import speaker_unmerge

    keep, drop = make_speaker(name="Jane Doe"), make_speaker(name="J. Doe")
    earlier = make_speaker(name="J Doe")
    speaker_merge(source=earlier, target=drop)  # drop already carries an earlier merge
    theirs = {make_statement(speaker=drop).pk}
    mine = {make_statement(speaker=keep).pk}
    keep_aliases = {a.name for a in keep.aliases.all()}
    drop_aliases = {a.name for a in drop.aliases.all()}
    speaker_merge(source=drop, target=keep)

    assert speaker_unmerge(source=drop) == 1  # one statement was drop's own when merged
    drop.refresh_from_db()
    assert drop.merged_into is None
    assert set(drop.statements.values_list("pk", flat=True)) == theirs
    assert set(keep.statements.values_list("pk", flat=True)) == mine
    assert {a.name for a in drop.aliases.all()} == drop_aliases
    assert {a.name for a in keep.aliases.all()} == keep_aliases
    assert not SpeakerRedirect.objects.filter(slug=drop.slug).exists()
    assert Speaker.objects.get(pk=earlier.pk).merged_into_id == drop.pk
    assert SpeakerRedirect.objects.get(slug=earlier.slug).speaker_id == drop.pk
    with pytest.raises(ValueError, match="no merge to undo"):
        speaker_unmerge(source=drop)


def test_undo_waits_for_a_later_merge_of_the_target():
    from statements.ingest.speaker_merge import speaker_unmerge

    a, b, c = make_speaker(name="A A"), make_speaker(name="B B"), make_speaker(name="C C")
    speaker_merge(source=a, target=b)
    speaker_merge(source=b, target=c)
    with pytest.raises(ValueError, match="undo that merge first"):
        speaker_unmerge(source=Speaker.objects.get(pk=a.pk))


def test_admin_undo_action_and_merged_into_is_read_only(client):
    client.force_login(User.objects.create_superuser("boss", "b@x.org", "pw"))
    a, b = make_speaker(name="Jane Doe"), make_speaker(name="Jane Doe-Smith")
    moved = make_statement(speaker=b)
    speaker_merge(source=b, target=a)
    url = "/admin/statements/speaker/"
    client.post(url, {"action": "undo_merge", "_selected_action": [b.pk]})
    assert Speaker.objects.get(pk=b.pk).merged_into_id is None
    assert moved.__class__.objects.get(pk=moved.pk).speaker_id == b.pk
    page = client.get(f"{url}{b.pk}/change/").content.decode()
    assert 'name="merged_into"' not in page
