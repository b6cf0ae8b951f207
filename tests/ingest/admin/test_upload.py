"""The admin upload flow: upload → review (nothing written) → confirm (one transaction)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile

from meetings.models import Release
from statements.models import Statement
from tests.seed import SEED_SYMBOL, seed_bytes

pytestmark = pytest.mark.django_db
UPLOAD_URL = "/admin/meetings/release/upload/"


@pytest.fixture
def staff_client(client):
    user = User.objects.create_user("editor", password="pw-123456", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="ingest_release"),
        Permission.objects.get(codename="view_release"),
    )
    client.force_login(user)
    return client


def upload(client, *files, text=""):
    return client.post(UPLOAD_URL, {"files": list(files), "text": text})


def review_data(response, **changes) -> dict:
    """The review formset's POST data as rendered, with changes to the first form."""
    html = response.content.decode()
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    for name, value in re.findall(
        r'<input type="(?:text|number|date)" name="([^"]+)" value="([^"]*)"', html
    ):
        data[name] = value
    data.pop("csrfmiddlewaretoken", None)
    data.update({f"form-0-{k}": v for k, v in changes.items()})
    return data


def seed_file(name="ga12388.txt", content=None):
    return SimpleUploadedFile(name, content if content is not None else seed_bytes(), "text/plain")


def test_anonymous_users_go_to_login(client):
    response = client.get(UPLOAD_URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_staff_without_the_ingest_permission_get_403(client):
    client.force_login(User.objects.create_user("viewer", password="x", is_staff=True))
    assert client.get(UPLOAD_URL).status_code == 403


def test_review_shows_the_parse_and_writes_nothing(staff_client):
    response = upload(staff_client, seed_file())
    assert response.status_code == 200
    body = response.content.decode()
    assert "70 statements" in body or "77 statements" in body
    assert "BAINDU DASSAMA-KAMARA" in body and "Sierra Leone" in body
    assert "inferred" in body and "no symbol" in body
    assert Release.objects.count() == 0


def test_confirm_writes_the_release(staff_client):
    review = upload(staff_client, seed_file())
    data = review_data(review, symbol=SEED_SYMBOL, confirm_date="on")
    response = staff_client.post(UPLOAD_URL, {**data, "step": "confirm"})
    assert response.status_code == 200, response.content[:2000]
    assert "Written to the archive" in response.content.decode()
    release = Release.objects.get(symbol=SEED_SYMBOL)
    assert release.ingestions.get().user.username == "editor"
    assert Statement.objects.exclude(kind="summary").count() == 70


def test_confirm_without_a_symbol_writes_nothing(staff_client):
    review = upload(staff_client, seed_file())
    data = review_data(review, confirm_date="on")
    response = staff_client.post(UPLOAD_URL, {**data, "step": "confirm"})
    assert "Nothing was written" in response.content.decode()
    assert Release.objects.count() == 0


def test_reuploading_shows_it_updates_the_existing_release(staff_client):
    review = upload(staff_client, seed_file())
    staff_client.post(
        UPLOAD_URL,
        {**review_data(review, symbol=SEED_SYMBOL, confirm_date="on"), "step": "confirm"},
    )
    again = upload(staff_client, seed_file())
    assert "updates" in again.content.decode() and SEED_SYMBOL in again.content.decode()


def test_tampered_payload_is_refused(staff_client):
    review = upload(staff_client, seed_file())
    data = review_data(review, symbol=SEED_SYMBOL, confirm_date="on")
    data["form-0-payload"] = data["form-0-payload"][:-3] + "xyz"
    response = staff_client.post(UPLOAD_URL, {**data, "step": "confirm"})
    assert "upload it again" in response.content.decode()
    assert Release.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("photo.txt", bytes(range(256)) * 20, ""),
        ("page.html", b"<html><body><h1>Welcome</h1><p>Our shop.</p></body></html>", ""),
    ],
)
def test_bad_files_get_a_specific_message_and_nothing_is_written(
    staff_client, name, content, message
):
    response = upload(staff_client, seed_file(name, content))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was uploaded" in body and name in body
    assert message.lower() in body.lower()
    assert Release.objects.count() == 0


def test_oversized_file_is_refused_with_the_limit(staff_client, settings):
    settings.MAX_RELEASE_BYTES = 1000
    response = upload(staff_client, seed_file())
    assert "the limit is" in response.content.decode()


def test_pasted_text_is_reviewed(staff_client):
    response = upload(staff_client, text=seed_bytes().decode("utf-8"))
    assert "pasted text" in response.content.decode()
    assert "BAINDU DASSAMA-KAMARA" in response.content.decode()


def test_review_lists_decisions_and_tallies_before_writing(staff_client):
    from tests.decisions.conftest import RELEASE

    response = upload(staff_client, seed_file(RELEASE.name, RELEASE.read_bytes()))
    body = response.content.decode()
    section = body[body.index("1 decision found") :]
    assert "A/61/L.52" in section and "158-0-4-3" in section
    assert "the tally says 158 in favour but 15 delegation(s) are named" in body
    assert Release.objects.count() == 0


def test_review_says_how_the_members_not_named_will_be_completed(staff_client):
    from tests.decisions.test_vote_inference import RELEASES

    release = RELEASES / "sc_2024_veto_tally.txt"
    body = upload(staff_client, seed_file(release.name, release.read_bytes())).content.decode()
    section = body[body.index("1 decision found") :]
    assert "Failed: veto" in section and "13 inferred" in section
    release = RELEASES / "ga_2019_consensus.txt"
    body = upload(staff_client, seed_file(release.name, release.read_bytes())).content.decode()
    section = body[body.index("2 decisions found") :]
    assert "193 consensus" in section and "175 of the 193 members" in section
    assert Release.objects.count() == 0
