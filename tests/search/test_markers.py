"""The highlighter's markers (\\x02, \\x03) in a statement never become <mark>.

Before: ingest kept them and ts_headline passed them through, so a release holding
"\\x02free\\x03" showed a <mark> of its own on the statement's page and in result snippets.
"""

from __future__ import annotations

import pytest

from statements.parsing import parse_press_release
from statements.parsing.decoding import decode_input
from tests.factories import make_statement

pytestmark = pytest.mark.django_db

PLANTED = "Delegates \x02spoke\x03 about peace and \x02cooperation\x03 today."


def test_ingest_strips_control_characters():
    body = b"The Security Council met today to discuss peace and security in the region. " * 20
    text = decode_input(b"Security Council\n\x02Peace\x03 \x01talks\x7f\n" + body).text
    assert text.startswith("Security Council\nPeace talks\n")


def test_planted_markers_never_become_mark(client):
    statement = make_statement(text=PLANTED)
    page = client.get(f"/statements/{statement.pk}/", {"q": "peace"}).content.decode()
    assert "<mark>spoke</mark>" not in page and "<mark>cooperation</mark>" not in page
    assert "<mark>peace</mark>" in page
    listing = client.get("/statements/", {"q": "peace"}).content.decode()
    assert "<mark>spoke</mark>" not in listing and "<mark>peace</mark>" in listing


def test_a_parsed_release_has_no_markers():
    source = (
        "Security Council\n9999th Meeting (AM)\n\nCouncil Debates Peace\n\n"
        "The representative of France said \x02peace\x03 needs dialogue.  He called for unity.\n"
    )
    parsed = parse_press_release(source)
    assert all("\x02" not in s.text and "\x03" not in s.text for s in parsed.statements)
