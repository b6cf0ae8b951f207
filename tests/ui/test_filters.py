"""StatementFilter on its own: a QueryDict in, a queryset out (for exports, the API and feeds)."""

from __future__ import annotations

from datetime import date

from django.http import QueryDict

from statements.models import Statement
from statements.search.filters import StatementFilter


def run(query: str) -> StatementFilter:
    return StatementFilter(QueryDict(query))


def test_no_data_means_every_statement_but_summaries(archive):
    assert StatementFilter().qs.count() == Statement.objects.exclude(kind="summary").count()


def test_filters_combine_and_order(archive):
    fs = run("delegation=nor&delegation=SWE&date_from=2020&date_to=2021-06&sort=oldest")
    rows = list(fs.qs)
    assert {s.delegation.code for s in rows} == {"NOR", "SWE"}
    assert min(s.date for s in rows) >= date(2020, 1, 1)
    assert max(s.date for s in rows) <= date(2021, 6, 30)
    assert [s.date for s in rows] == sorted(s.date for s in rows)


def test_search_is_ranked_and_matches_is_unordered(archive):
    fs = run("q=nuclear")
    assert fs.sort_by == "relevance"
    first = fs.qs.first()
    assert first.rank > 0
    assert not fs.matches.query.order_by
    assert fs.matches.count() == fs.qs.count()


def test_body_session_speaker_and_kind(archive):
    assert {s.meeting.body.slug for s in run("body=security-council").qs} == {"security-council"}
    assert {s.meeting.session for s in run("session=75").qs} == {75}
    assert {s.speaker.slug for s in run("speaker=mona-juul").qs} == {"mona-juul"}
    assert {s.kind for s in run("kind=right_of_reply").qs} == {"right_of_reply"}


def test_merged_speakers_count_as_the_speaker_they_were_merged_into(archive):
    target = archive.speakers["NOR"]
    other = archive.speakers["SWE"]
    other.merged_into = target
    other.save()
    codes = {s.delegation.code for s in run(f"speaker={target.slug}").qs}
    assert codes == {"NOR", "SWE"}


def test_facet_queryset_leaves_out_only_its_own_filter(archive):
    fs = run("delegation=NOR&kind=statement")
    assert {s.delegation.code for s in fs.facet_queryset("delegation")} > {"NOR"}
    assert {s.kind for s in fs.facet_queryset("kind")} >= {"statement", "summary"}
