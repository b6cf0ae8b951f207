"""Every custom admin action checks the model permission it changes."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from statements.models import Speaker
from statements.themes.models import StatementTheme
from tests.factories import make_speaker, make_statement, make_theme, make_theme_tag
from tests.rows import changed_rows, row_counts

pytestmark = pytest.mark.django_db


def staff(client, django_user_model, *codenames):
    user = django_user_model.objects.create_user("staff", password="pw-123456", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


def run_action(client, url_name, action, pks, **extra):
    data = {"action": action, "_selected_action": [str(pk) for pk in pks], **extra}
    return client.post(reverse(url_name), data)


def test_view_only_staff_cannot_merge_speakers(client, django_user_model):
    viewer = staff(client, django_user_model, "view_speaker")
    a, b = make_speaker(name="Jane Doe"), make_speaker(name="J. Doe")
    page = viewer.get(reverse("admin:statements_speaker_changelist")).content.decode()
    assert "merge_speakers" not in page
    before = row_counts()
    run_action(
        viewer,
        "admin:statements_speaker_changelist",
        "merge_speakers",
        [a.pk, b.pk],
        target=str(a.pk),
    )
    assert changed_rows(before) == {}
    assert not Speaker.objects.filter(merged_into__isnull=False).exists()


def test_staff_who_may_change_speakers_can_merge(client, django_user_model):
    editor = staff(client, django_user_model, "view_speaker", "change_speaker")
    a, b = make_speaker(name="Jane Doe"), make_speaker(name="J. Doe")
    run_action(
        editor,
        "admin:statements_speaker_changelist",
        "merge_speakers",
        [a.pk, b.pk],
        target=str(a.pk),
    )
    assert Speaker.objects.get(pk=b.pk).merged_into_id == a.pk


@pytest.mark.parametrize("action", ["mark_wrong", "confirm"])
def test_view_only_staff_cannot_write_staff_tags(client, django_user_model, action):
    viewer = staff(client, django_user_model, "view_statementtheme")
    statement, theme = make_statement(), make_theme(slug="t-perm")
    tag = make_theme_tag(statement=statement, theme=theme)
    before = row_counts()
    tags_before = StatementTheme.objects.count()
    run_action(viewer, "admin:themes_statementtheme_changelist", action, [tag.pk])
    assert changed_rows(before) == {}
    assert StatementTheme.objects.count() == tags_before


def test_staff_with_add_and_change_can_write_staff_tags(client, django_user_model):
    editor = staff(
        client,
        django_user_model,
        "view_statementtheme",
        "add_statementtheme",
        "change_statementtheme",
    )
    statement, theme = make_statement(), make_theme(slug="t-perm2")
    tag = make_theme_tag(statement=statement, theme=theme)
    run_action(editor, "admin:themes_statementtheme_changelist", "mark_wrong", [tag.pk])
    assert StatementTheme.objects.filter(source="staff", is_removal=True).count() == 1


def test_view_only_staff_cannot_retag(client, django_user_model, monkeypatch):
    from statements.themes import admin as themes_admin

    calls = []
    monkeypatch.setattr(themes_admin, "retag", lambda **kw: calls.append(kw))
    viewer = staff(client, django_user_model, "view_theme")
    theme = make_theme(slug="t-perm3")
    run_action(viewer, "admin:themes_theme_changelist", "retag_selected", [theme.pk])
    assert calls == []
