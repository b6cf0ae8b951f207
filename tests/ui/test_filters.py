"""StatementFilter on its own: a QueryDict in, the search index's query out, and what it matches.

Every page, export, feed and the API search through StatementFilter.spec() and the engine; these
tests check the rows the engine returns against the database's own view of them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from django.http import QueryDict

from statements.models import Statement
from statements.search.filters import StatementFilter
from statements.search.index import engine
from statements.search.index.query import SearchSpec


def run(query: str) -> StatementFilter:
    return StatementFilter(QueryDict(query))


def found(query: str, *, sort: str | None = None) -> list[Statement]:
    """The engine's matches for the query string, as rows in the engine's order."""
    fs = run(query)
    ids = engine.all_ids(fs.spec(), sort=sort or fs.sort_by)
    rows = Statement.objects.select_related("delegation", "meeting__body", "speaker").in_bulk(ids)
    return [rows[pk] for pk in ids]


def test_no_data_means_every_statement_but_summaries(archive):
    expected = set(Statement.objects.exclude(kind="summary").values_list("pk", flat=True))
    assert StatementFilter().spec() == SearchSpec()
    assert {s.pk for s in found("")} == expected


def test_filters_combine_and_order(archive):
    fs = run("delegation=nor&delegation=SWE&date_from=2020&date_to=2021-06&sort=oldest")
    spec = fs.spec()
    assert spec.delegations == ("NOR", "SWE")
    assert (spec.date_from, spec.date_to) == (date(2020, 1, 1), date(2021, 6, 30))
    rows = found("delegation=nor&delegation=SWE&date_from=2020&date_to=2021-06&sort=oldest")
    expected = Statement.objects.filter(
        delegation__code__in=["NOR", "SWE"],
        date__range=(date(2020, 1, 1), date(2021, 6, 30)),
    ).exclude(kind="summary")
    assert {s.pk for s in rows} == set(expected.values_list("pk", flat=True))
    assert rows and [(s.date, s.pk) for s in rows] == sorted((s.date, s.pk) for s in rows)


def test_search_is_ranked_by_relevance(archive):
    fs = run("q=nuclear")
    assert fs.sort_by == "relevance" and fs.spec().text == "nuclear"
    rows = found("q=nuclear")
    assert rows and all("nuclear" in s.text.lower() for s in rows)
    expected = Statement.objects.filter(text__icontains="nuclear").exclude(kind="summary")
    assert len(rows) == expected.count()
    scores = [score for score, _ in engine.ranked(fs.spec(), offset=0, limit=len(rows))]
    assert scores == sorted(scores, reverse=True)


def test_body_session_speaker_and_kind(archive):
    assert {s.meeting.body.slug for s in found("body=security-council")} == {"security-council"}
    assert {s.meeting.session for s in found("session=75")} == {75}
    assert {s.speaker.slug for s in found("speaker=mona-juul")} == {"mona-juul"}
    assert {s.kind for s in found("kind=right_of_reply")} == {"right_of_reply"}
    assert found("kind=right_of_reply")


def test_merged_speakers_count_as_the_speaker_they_were_merged_into(archive):
    target = archive.speakers["NOR"]
    other = archive.speakers["SWE"]
    other.merged_into = target
    other.save()
    codes = {s.delegation.code for s in found(f"speaker={target.slug}")}
    assert codes == {"NOR", "SWE"}


def test_a_page_scope_restricts_the_search(archive):
    speaker = archive.speakers["NOR"]
    scoped = StatementFilter(QueryDict("delegation=SWE"), scope={"speaker": speaker.slug})
    assert scoped.spec().scope == {"speaker": speaker.slug}
    assert engine.count(scoped.spec()) == 0  # Mona Juul never spoke for Sweden
    alone = StatementFilter(QueryDict(""), scope={"speaker": speaker.slug})
    assert engine.count(alone.spec()) == Statement.objects.filter(speaker=speaker).full().count()


def test_a_facet_leaves_out_only_its_own_filter(archive):
    spec = run("delegation=NOR&kind=statement").spec()
    without_delegation = engine.terms(spec.without("delegation"), "delegation")
    assert set(without_delegation) > {"NOR"}
    without_kind = engine.terms(spec.without("kind"), "kind")
    assert set(without_kind) >= {"statement", "summary"}


def test_the_filter_no_longer_filters_querysets(archive):
    try:
        run("q=nuclear").qs  # noqa: B018
    except NotImplementedError as exc:
        assert "spec()" in str(exc)
    else:
        raise AssertionError("StatementFilter.qs should point to spec()")


def test_a_scope_after_an_id_matches_only_newer_statements(archive):
    every = sorted(pk for pk in engine.all_ids(run("").spec()))
    middle = every[len(every) // 2]
    spec = run("").spec()
    newer = replace(spec, scope={"after_id": middle})
    assert sorted(engine.all_ids(newer)) == [pk for pk in every if pk > middle]
    assert engine.count(newer) == len(every) - every.index(middle) - 1 > 0
