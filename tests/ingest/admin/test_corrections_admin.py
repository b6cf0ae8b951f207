"""The corrections page: who may see it, who may change; a refused correction changes nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from statements.models import Correction, Statement
from statements.review import ANSWERS
from tests.rows import changed_rows, row_counts
from tests.seed import ingest_seed

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return ingest_seed()


def staff(client, django_user_model, *codenames):
    user = django_user_model.objects.create_user("u", password="pw-123456789", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


def url(meeting):
    return reverse("admin:statements_correction_meeting", args=[meeting.pk])


def test_view_only_staff_see_but_cannot_change(client, django_user_model, meeting):
    viewer = staff(client, django_user_model, "view_correction")
    page = viewer.get(url(meeting)).content.decode()
    assert "You may view corrections but not make them" in page
    assert 'name="operation"' not in page
    target = meeting.statements.exclude(kind="summary").first()
    before = row_counts()
    response = viewer.post(
        url(meeting), {"operation": "review", "statement": target.pk, "reason": "x"}
    )
    assert response.status_code == 403 and changed_rows(before) == {}


def test_staff_without_any_permission_are_refused(client, django_user_model, meeting):
    assert staff(client, django_user_model).get(url(meeting)).status_code == 403


def test_a_correction_through_the_page_and_a_bad_one(client, django_user_model, meeting):
    editor = staff(client, django_user_model, "view_correction", "correct_statements")
    target = meeting.statements.exclude(kind="summary").order_by("sequence")[1]
    response = editor.post(
        url(meeting),
        {"operation": "reassign", "statement": target.pk, "delegation": "PER", "reason": "Typo"},
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.delegation.code == "PER" and target.review_state == "corrected"
    correction = Correction.objects.get()
    assert correction.user.username == "u" and correction.reason == "Typo"
    assert "delegation to Peru" in correction.description
    before = row_counts()
    bad = editor.post(
        url(meeting),
        {"operation": "reassign", "statement": target.pk, "delegation": "ZZZ", "reason": "x"},
    )
    assert "No delegation has the code “ZZZ”" in bad.content.decode()
    assert changed_rows(before) == {}
    history = editor.get(url(meeting)).content.decode()
    assert "Typo" in history and "Undo" in history
    assert Statement.objects.filter(review_state="corrected").count() == 1


def test_each_warning_links_to_the_form_that_answers_it(client, django_user_model, meeting):
    editor = staff(client, django_user_model, "view_correction", "correct_statements")
    warned = list(meeting.statements.exclude(kind="summary").order_by("sequence")[:4])
    for statement, code in zip(warned, ANSWERS, strict=True):
        statement.parser_warnings = [f"{code}: what the parser doubted"]
        statement.review_state = "parser_warning"
        statement.save(update_fields=["parser_warnings", "review_state"])
    page = editor.get(url(meeting)).content.decode()
    for statement, code in zip(warned, ANSWERS, strict=True):
        target = f"{ANSWERS[code]}-{statement.pk}"
        assert f'<a href="#{target}">answer it</a>' in page, code
        assert f'<details id="{target}">' in page, code  # the form is there to answer it
