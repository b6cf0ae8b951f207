"""One validation of every parameter: pages show what they ignored; exports refuse it."""

from __future__ import annotations

import json

import pytest
from django.http import QueryDict

from statements.search.filters import Problem, StatementFilter


def page(client, query: str):
    response = client.get(f"/statements/?{query}")
    assert response.status_code == 200
    return response


@pytest.mark.parametrize(
    ("query", "param", "value", "reason"),
    [
        ("delegation=XXX", "delegation", "XXX", "no delegation code is called that"),
        ("theme=no-such-theme", "theme", "no-such-theme", "no theme is called that"),
        ("body=no-body", "body", "no-body", "no UN body is called that"),
        ("speaker=nobody-at-all", "speaker", "nobody-at-all", "no speaker is called that"),
        ("delegation=%3Cscript%3E", "delegation", "<script>", "not a delegation code"),
        ("kind=speech", "kind", "speech", "not one of statement"),
        ("date_from=garbage", "date_from", "garbage", "use a year"),
        ("sort=sideways", "sort", "sideways", "Select a valid choice"),
    ],
)
def test_unusable_values_are_problems(archive, query, param, value, reason):
    problems = StatementFilter(QueryDict(query)).problems
    assert len(problems) == 1
    assert (problems[0].param, problems[0].value) == (param, value)
    assert reason in problems[0].reason
    assert problems[0].as_dict()["parameter"] == param


def test_known_values_are_not_problems(archive):
    fs = StatementFilter(
        QueryDict("delegation=nor&theme=climate-change&date_from=2020&sort=oldest")
    )
    assert fs.problems == []


def test_page_shows_a_removable_chip_and_a_note_and_ignores_the_value(client, archive):
    everything = page(client, "").context["page"].total
    response = page(client, "delegation=XXX&delegation=NOR")
    chips = [c for c in response.context["chips"] if c.problem]
    assert [(c.facet, c.label) for c in chips] == [("Delegation", "XXX")]
    assert chips[0].url == "?delegation=NOR"  # removing it keeps the rest
    assert any("Ignored delegation “XXX”" in note for note in response.context["notes"])
    html = response.content.decode()
    assert "(ignored)" in html and "check the spelling" in html
    assert "XXX" not in "".join(
        o.url for f in response.context["facets"] for g in f["groups"] for o in g["options"]
    )
    alone = page(client, "delegation=XXX")
    assert alone.context["page"].total == everything  # ignored, as the note says


def test_links_carry_only_known_parameters(client, archive):
    junk = "j" * 4096
    plain = page(client, "q=climate")
    response = page(client, f"q=climate&junk={junk}&theme={junk[:100]}")
    html = response.content.decode()
    assert junk[:200] not in html.replace(f"“{junk[:39]}…”", "")
    assert "junk=" not in html
    assert len(response.content) < len(plain.content) + 2000


def test_export_answers_400_with_a_problem_document(client, archive):
    for query in ("date_from=garbage", "delegation=XXX", "theme=no-such-theme&q=climate"):
        response = client.get(f"/statements/export.csv?{query}")
        assert response.status_code == 400, query
        assert response["Content-Type"] == "application/problem+json"
        body = json.loads(response.content)
        assert body["status"] == 400 and body["errors"][0]["parameter"] in query
    assert client.get("/statements/export.jsonl?date_from=garbage").status_code == 400


def test_feed_leaves_unusable_values_out_of_its_links(client, archive):
    response = client.get("/feeds/statements.atom?q=climate&delegation=XXX&junk=1")
    assert response.status_code == 200
    feed = response.content.decode()
    assert "XXX" not in feed and "junk" not in feed


def test_problem_is_a_value_object():
    assert Problem("delegation", "XXX", "no").as_dict() == {
        "parameter": "delegation",
        "value": "XXX",
        "detail": "no",
    }
