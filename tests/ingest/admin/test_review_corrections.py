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
    codenames = ["ingest_release", "view_release", "correct_statements"]
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


@pytest.fixture
def uploader(client, django_user_model):
    """Staff who may upload and confirm releases, but not correct statements."""
    user = django_user_model.objects.create_user("uploader", password="pw-123456", is_staff=True)
    codenames = ["ingest_release", "view_release"]
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


# A Council release with two of the parser's doubts: a vote sentence, another delegation named.
DOUBTFUL = (
    "SC/99903\n\nSecurity Council\n\n9903rd Meeting (AM)\n\n"
    "JANE DOE (Norway) said the text was fair.\n\n"
    "She added that it was late.  Algeria and China voted against.\n\n"
    "JOHN ROE (Chile) said the text was late.  As the representative of Sweden stressed "
    "earlier, it was also weak.\n"
)


def panel(page: str, sequence: int) -> str:
    """The Correct panel of one statement on the review page."""
    start = page.index(f'<details class="review-correct" id="correct-form-0-{sequence}">')
    return page[start : page.index("</details>", start)]


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


def test_each_warning_links_to_its_statement_s_panel_with_the_answer_chosen(staff_client):
    page = upload(staff_client, seed_file("sc.txt", DOUBTFUL.encode())).content.decode()
    assert "holds a vote sentence" in page and "names &#x27;Sweden&#x27;" in page
    for sequence, answer in [(1, "to_narrative"), (2, "reassign")]:
        assert f'<a href="#correct-form-0-{sequence}">correct it</a>' in page
        assert f'<option value="{answer}" selected>' in panel(page, sequence)


def test_an_uploader_who_may_not_correct_gets_no_panel_and_is_refused(uploader):
    review = upload(uploader, seed_file("seed.txt", seed_bytes()))
    assert 'class="review-correct"' not in review.content.decode()
    before = row_counts()
    posted = post(
        uploader,
        review,
        "correct:form-0:8",
        **{
            "form-0-c8-operation": "reassign",
            "form-0-c8-delegation": "PER",
            "form-0-c8-reason": "The release names Peru",
        },
    )
    page = posted.content.decode()
    assert "needs the permission “Can correct statements”" in page
    assert "Corrections made here" not in page
    assert changed_rows(before) == {}


def test_a_narrative_paragraph_taken_in_and_the_meeting_reviewed_before_confirm(staff_client):
    review = upload(staff_client, seed_file("seed.txt", seed_bytes()))
    page = review.content.decode()
    assert 'value="correct:form-0:0">Mark the whole meeting reviewed' in page
    assert '<option value="13">Also delivering statements were' in panel(page, 8)
    taken = post(
        staff_client,
        review,
        "correct:form-0:8",
        **{
            "form-0-c8-operation": "to_statement",
            "form-0-c8-narrative": "13",
            "form-0-c8-reason": "The list of speakers belongs to no statement, but checked",
        },
    )
    assert "from the narrative into statement 8" in taken.content.decode()
    reviewed = post(staff_client, taken, "correct:form-0:0", **{"form-0-c0-reason": "Read"})
    assert "Reviewed the whole meeting" in reviewed.content.decode()
    confirm = {"form-0-confirm_date": "on", "form-0-symbol": "GA/12388"}
    written = post(staff_client, reviewed, "confirm", **confirm)
    assert "Written to the archive" in written.content.decode()
    statement = Statement.objects.get(sequence=8)
    assert "Also delivering statements were" in statement.text
    assert statement.review_state == "corrected"
    states = set(Statement.objects.exclude(pk=statement.pk).values_list("review_state", flat=True))
    assert states == {"reviewed"}
    assert Statement.objects.count() == 77  # nothing lost, nothing added
    assert [c.operation for c in Correction.objects.order_by("pk")] == [
        "to_statement",
        "review_meeting",
    ]


def test_a_narrative_paragraph_not_next_to_the_statement_is_refused(staff_client):
    review = upload(staff_client, seed_file("seed.txt", seed_bytes()))
    posted = post(
        staff_client,
        review,
        "correct:form-0:30",
        **{
            "form-0-c30-operation": "to_statement",
            "form-0-c30-narrative": "13",
            "form-0-c30-reason": "x",
        },
    )
    page = posted.content.decode()
    assert "Choose a narrative paragraph next to the statement" in page
    assert "Corrections made here" not in page
