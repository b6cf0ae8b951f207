"""Nonsense and hostile requests get a clean page, never an error."""

from __future__ import annotations

import pytest
from django.urls import reverse

URL = reverse("statements:statement-list")

HOSTILE = [
    {"q": '"unbalanced quote'},
    {"q": 'nuclear "arms race'},
    {"q": "peace " * 1000},  # 6,000 characters
    {"q": "x" * 5000},
    {"q": "the of and to"},  # only stop words
    {"q": "'; DROP TABLE statements_statement; --"},
    {"q": "1' OR '1'='1"},
    {"q": "nuclear\x00weapons"},
    {"q": "\x00"},
    {"q": "!!! ||| &&& ::: <-> ()"},
    {"q": "-"},
    {"q": "OR"},
    {"q": "<script>alert(1)</script>"},
    {"q": "\u202enuclear\u200b"},
    {"date_from": "not-a-date"},
    {"date_from": "2021-02-30"},
    {"date_to": "99999"},
    {"date_from": "0000"},
    {"date_from": "2021-13"},
    {"date_from": "\x00"},
    {"delegation": "';DROP TABLE x;--"},
    {"delegation": "NOR\x00"},
    {"delegation": "ZZZ"},
    {"session": "abc"},
    {"session": "99999999999999999999"},
    {"speaker": "../../etc/passwd"},
    {"theme": "x" * 500},
    {"kind": "evil"},
    {"sort": "'; DROP"},
    {"page": "-1"},
    {"page": "abc"},
    {"page": "99999999999999999999"},
    {"after": "garbage"},
    {"after": "2021-13-45.1"},
    {"before": "2021-01-01.99999999999999999999"},
    {"before": "end", "after": "2020-01-01.1"},
]


@pytest.mark.parametrize("params", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_parameters_give_a_clean_page(client, archive, params):
    response = client.get(URL, params)
    # a NUL anywhere in the query string is refused by name (config/nul_characters.py)
    nul = any("\x00" in value for value in params.values())
    assert response.status_code == (400 if nul else 200)
    assert b"<script>alert(1)" not in response.content


def test_repeated_and_many_parameters(client, archive):
    query = "&".join(f"delegation=C{i}" for i in range(500)) + "&q=a&q=nuclear&sort=x&sort=oldest"
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert response.context["filter"].query.text == "nuclear"
    assert response.context["filter"].sort_by == "oldest"


def test_only_stop_words_shows_everything_and_says_why(client, archive):
    response = client.get(URL, {"q": "the of and"})
    assert response.context["page"].total > 0
    assert any("too common" in note for note in response.context["notes"])


def test_an_unbalanced_quote_is_closed_and_said(client, archive):
    response = client.get(URL, {"q": '"modern form of slavery'})
    assert response.context["page"].total > 0
    assert any("quotation mark" in note for note in response.context["notes"])


def test_a_bad_date_is_ignored_and_said(client, archive):
    response = client.get(URL, {"date_from": "soon"})
    assert response.context["page"].total > 0
    assert any("soon" in note for note in response.context["notes"])


@pytest.mark.parametrize(
    "path",
    [
        "/statements/99999999999999999999/",
        "/statements/0/",
        "/statements/1/cite.exe",
        "/speakers/99999999999999999999/",
        "/speakers/no-such-person/",
        "/delegations/atlantis/",
        "/meetings/99999999999999999999/",
        "/meetings/99999999999999999999/source/",
        "/themes/no-such-theme/",
    ],
)
def test_bad_ids_are_not_found(client, archive, path):
    response = client.get(path)
    assert response.status_code == 404
    if not path.endswith(".exe"):
        assert b"Search all statements" in response.content  # the site's own 404 page


def test_other_pages_survive_bad_parameters(client, archive):
    speaker = archive.speakers["NOR"]
    meeting = archive.meetings[0]
    for url, params in [
        (speaker.get_absolute_url(), {"q": '"\x00', "page": "x", "after": "x"}),
        (reverse("statements:speaker-list"), {"name": "\x00" * 3, "page": "-4"}),
        (reverse("statements:meeting-list"), {"body": "\x00", "page": "zz"}),
        (meeting.get_absolute_url(), {"retired": "not-a-number"}),
    ]:
        nul = any("\x00" in value for value in params.values())
        assert client.get(url, params).status_code == (400 if nul else 200), url
