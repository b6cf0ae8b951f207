"""Corrections on the upload review page: kept until confirm, written with the release."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Permission

from statements.models import Correction, Statement
from tests.ingest.admin.test_upload import UPLOAD_URL, review_data, seed_file, upload
from tests.rows import changed_rows, row_counts
from tests.seed import seed_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw-123456", is_staff=True)
    codenames = ["ingest_release", "view_release"]
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


def post(client, review, step, **fields):
    return client.post(UPLOAD_URL, {**review_data(review), "step": step, **fields})


def test_a_correction_on_the_review_page_is_written_on_confirm(staff_client):
    review = upload(staff_client, seed_file("seed.txt", seed_bytes()))
    before = row_counts()
    corrected = post(
        staff_client,
        review,
        "correct:form-0:8",
        **{
            "form-0-c8-operation": "reassign",
            "form-0-c8-delegation": "PER",
            "form-0-c8-reason": "The release names Peru",
        },
    )
    page = corrected.content.decode()
    assert "Corrections made here (written when you confirm)" in page
    assert "delegation to Peru" in page
    assert changed_rows(before) == {}  # nothing written yet
    bad = post(staff_client, corrected, "correct:form-0:9", **{"form-0-c9-operation": "review"})
    assert "Say why" in bad.content.decode()
    confirm = {"form-0-confirm_date": "on", "form-0-symbol": "GA/12388"}
    written = post(staff_client, corrected, "confirm", **confirm)
    assert "Written to the archive" in written.content.decode(), re.findall(
        r'class="(?:errorlist|error|errors|messagelist)[^"]*">(.{0,300})', written.content.decode()
    )
    statement = Statement.objects.get(sequence=8)
    assert statement.delegation.code == "PER" and statement.review_state == "corrected"
    correction = Correction.objects.get()
    assert correction.statement_id == statement.pk
    assert correction.user.username == "editor" and correction.reason == "The release names Peru"


def test_an_altered_pending_list_is_refused(staff_client):
    review = upload(staff_client, seed_file("seed.txt", seed_bytes()))
    before = row_counts()
    response = post(staff_client, review, "confirm", **{"form-0-pending": "forged"})
    assert "could not be read back" in response.content.decode()
    assert changed_rows(before) == {}
