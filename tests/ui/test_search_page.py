"""The statements page: search syntax, facets, chips, sorting, pagination and the chart."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from statements.models import Statement

URL = reverse("statements:statement-list")


def shown(response) -> list[Statement]:
    return [r.statement for r in response.context["results"]]


def facet(response, name: str) -> dict[str, int]:
    """value -> count of one facet on the page."""
    item = next(f for f in response.context["facets"] if f["facet"].name == name)
    return {v.value: v.count for v in item["facet"].values}


def test_browse_shows_newest_first_without_lead_summaries(client, archive):
    response = client.get(URL)
    assert response.status_code == 200
    results = shown(response)
    assert all(s.kind != "summary" for s in results)
    dates = [s.date for s in results]
    assert dates == sorted(dates, reverse=True)
    assert response.context["page"].total == Statement.objects.exclude(kind="summary").count()


def test_search_ranks_highlights_and_defaults_to_relevance(client, archive):
    response = client.get(URL, {"q": "nuclear weapons"})
    results = shown(response)
    assert results and all("nuclear" in s.text.lower() for s in results)
    assert response.context["filter"].sort_by == "relevance"
    assert b"<mark>" in response.content
    assert all(r.snippet for r in response.context["results"])


@pytest.mark.parametrize(
    ("query", "must", "must_not"),
    [
        ('"modern form of slavery"', "modern form of slavery", None),
        ("slavery OR nuclear", None, "climate change threatens"),
        ("nuclear -weapons", None, "nuclear"),
        ("prosecute", "prosecuted", None),  # stemming
    ],
)
def test_websearch_syntax(client, archive, query, must, must_not):
    results = shown(client.get(URL, {"q": query}))
    texts = [s.text.lower() for s in results]
    if must:
        assert texts and all(must in t for t in texts)
    if must_not:
        assert all(must_not not in t for t in texts)


def test_snippet_escapes_html_in_the_text(client, archive):
    statement = archive.statements[0]
    statement.text = "<script>alert(1)</script> nuclear if a < b & c <b>bold</b>"
    statement.save()
    response = client.get(URL, {"q": "nuclear", "delegation": statement.delegation.code})
    found = {r.statement.pk: r.snippet for r in response.context["results"]}
    snippet = str(found[statement.pk])
    assert "<script" not in snippet and "<b>" not in snippet
    assert "<mark>nuclear</mark>" in snippet and "a &lt; b &amp; c" in snippet
    assert b"<script>alert" not in client.get(URL, {"delegation": "NOR"}).content


def test_several_values_of_a_facet_mean_or_and_facets_combine_with_and(client, archive):
    both = shown(client.get(URL + "?delegation=NOR&delegation=SWE"))
    assert {s.delegation.code for s in both} == {"NOR", "SWE"}
    narrowed = client.get(URL + "?delegation=NOR&delegation=SWE&theme=climate-change")
    codes = {s.delegation.code for s in shown(narrowed)}
    assert codes == {"NOR", "SWE"}
    assert all("climate" in s.text.lower() for s in shown(narrowed))


def test_facet_counts_reflect_the_other_filters(client, archive):
    response = client.get(URL, {"delegation": "NOR"})
    delegations = facet(response, "delegation")
    # The delegation facet ignores its own filter, so choosing a second country adds to results.
    assert delegations["SWE"] == delegations["NOR"] > 0
    # Other facets count only Norway's statements.
    kinds = facet(response, "kind")
    assert (
        kinds["statement"]
        == Statement.objects.filter(delegation__code="NOR", kind="statement").count()
    )
    assert "right_of_reply" not in kinds  # only China replies


def test_a_staff_removal_hides_a_theme_everywhere(client, archive):
    brazil = client.get(URL, {"delegation": "BRA"})
    assert facet(brazil, "theme") == {}
    assert not shown(client.get(URL, {"delegation": "BRA", "theme": "climate-change"}))
    norway = client.get(URL, {"delegation": "NOR"})
    assert facet(norway, "theme")["climate-change"] == 1


def test_a_pillar_includes_the_themes_under_it(client, archive):
    pillar = shown(client.get(URL, {"theme": "human-rights", "delegation": "NOR"}))
    assert pillar and all("gender" in s.text.lower() for s in pillar)


def test_lead_summaries_are_selectable_through_the_kind_facet(client, archive):
    response = client.get(URL, {"kind": "summary"})
    assert shown(response) and all(s.kind == "summary" for s in shown(response))
    counts = facet(client.get(URL), "kind")
    assert counts["summary"] == len(archive.meetings)


def test_chips_show_active_filters_with_links_that_remove_them(client, archive):
    response = client.get(URL, {"q": "nuclear", "delegation": ["NOR", "SWE"], "date_from": "2020"})
    chips = {c.label: c.url for c in response.context["chips"]}
    assert set(chips) == {"“nuclear”", "Norway", "Sweden", "2020"}
    assert "delegation=NOR" not in chips["Norway"] and "delegation=SWE" in chips["Norway"]
    assert "q=" not in chips["“nuclear”"]
    assert "date_from" not in chips["2020"]


def test_partial_dates_and_reversed_range(client, archive):
    in_2020 = shown(client.get(URL, {"date_from": "2020", "date_to": "2020"}))
    assert in_2020 and {s.date.year for s in in_2020} == {2020}
    swapped = client.get(URL, {"date_from": "2021-12", "date_to": "2020"})
    assert {s.date.year for s in shown(swapped)} == {2020, 2021}
    assert any("swapped" in n for n in swapped.context["notes"])


def test_sort_orders(client, archive):
    oldest = shown(client.get(URL, {"sort": "oldest"}))
    assert [s.date for s in oldest] == sorted(s.date for s in oldest)
    assert oldest[0].date.year == 2019
    # Relevance without words to rank falls back to newest.
    assert client.get(URL, {"sort": "relevance"}).context["filter"].sort_by == "newest"


def test_cursor_pages_walk_every_result_once_in_order(client, db):
    from tests.ui.dataset import build_archive

    build_archive(meetings_per_year=2)
    expected = list(
        Statement.objects.exclude(kind="summary")
        .order_by("-date", "-id")
        .values_list("pk", flat=True)
    )
    seen, url = [], URL
    while url:
        response = client.get(url)
        seen += [s.pk for s in shown(response)]
        nxt = next((link for link in response.context["page"].links if link.rel == "next"), None)
        url = URL + nxt.url if nxt and nxt.url else None
    assert seen == expected
    last = client.get(URL, {"before": "end"})
    assert [s.pk for s in shown(last)] == expected[-len(shown(last)) :]
    back = next(link for link in last.context["page"].links if link.rel == "prev")
    previous = client.get(URL + back.url)
    assert [s.pk for s in shown(previous)] == expected[-40:-20]


def test_relevance_pages_are_capped_with_a_message(client, archive, monkeypatch):
    from statements.search import pagination

    monkeypatch.setattr(pagination, "MAX_RANKED", 25)
    response = client.get(URL, {"q": "delegate", "page": "99"})
    page = response.context["page"]
    assert page.first_index == 21 and len(page.items) == 5
    assert "sort by date" in page.note


def test_chart_per_year_and_per_delegation(client, archive):
    bars = client.get(URL).context["chart"]
    assert [b.year for b in bars.bars] == [2019, 2020, 2021, 2022]
    assert "date_from=2019" in bars.bars[0].url
    lines = client.get(URL + "?delegation=NOR&delegation=FRA").context["chart"]
    assert [s.label for s in lines.series] == ["France", "Norway"]
    assert b"<svg" in client.get(URL).content


def test_the_url_holds_the_whole_state(client, archive):
    response = client.get(URL, {"q": "nuclear", "delegation": "NOR", "sort": "oldest"})
    html = response.content.decode()
    # The search form carries the other filters along as hidden inputs.
    assert re.search(r'<input type="hidden" name="delegation" value="NOR">', html)
    assert re.search(r'<input type="hidden" name="sort" value="oldest">', html)


def test_cached_counts_follow_new_data(client, archive):
    from tests.factories import make_meeting, make_statement

    before = client.get(URL, {"delegation": "NOR"}).context["page"].total
    again = client.get(URL, {"delegation": "NOR", "after": "2030-01-01.1"})
    assert again.context["page"].total == before  # served from the cache, same answer
    make_statement(meeting=make_meeting(), delegation="NOR")  # a new release moves the version
    assert client.get(URL, {"delegation": "NOR"}).context["page"].total == before + 1
