"""Speaker, delegation, meeting, theme, statement and home pages."""

from __future__ import annotations

from django.urls import reverse

from statements.models import RetiredStatement, Speaker, SpeakerRedirect, Statement
from tests.factories import make_meeting, make_release, make_speaker, make_statement


def test_home_shows_counts_span_recent_meetings_and_ways_in(client, archive):
    response = client.get(reverse("statements:home"))
    assert response.status_code == 200
    span = response.context["span"]
    assert span["n"] == Statement.objects.exclude(kind="summary").count()
    assert span["first"].year == 2019 and span["last"].year == 2022
    html = response.content.decode()
    assert 'role="search"' in html and "Norway" in html and "Climate change" in html
    assert archive.meetings[-1].get_absolute_url() in html


def test_speaker_page_shows_roles_and_statements_newest_first(client, archive):
    speaker = archive.speakers["NOR"]
    response = client.get(speaker.get_absolute_url())
    assert response.status_code == 200
    roles = response.context["roles"]
    assert roles[0]["delegation__name"] == "Norway"
    assert roles[0]["title"] == "Permanent Representative"
    dates = [r.statement.date for r in response.context["results"]]
    assert dates == sorted(dates, reverse=True) and len(dates) == 4


def test_speaker_page_canonical_link_is_on_the_configured_site(client, archive, settings):
    settings.SITE_URL = "https://archive.example.org"
    speaker = archive.speakers["NOR"]
    html = client.get(speaker.get_absolute_url()).content.decode()
    url = f"https://archive.example.org{speaker.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in html


def test_speaker_page_searches_within(client, archive):
    speaker = archive.speakers["NOR"]
    response = client.get(speaker.get_absolute_url(), {"q": "nuclear"})
    results = response.context["results"]
    assert len(results) == 1 and "<mark>" in results[0].snippet


def test_speaker_role_changes_over_time(client, archive):
    speaker = archive.speakers["NOR"]
    make_statement(
        meeting=make_meeting(day=archive.meetings[-1].date.replace(year=2023)),
        delegation="NOR",
        speaker=speaker,
        title="Minister for Foreign Affairs",
    )
    roles = client.get(speaker.get_absolute_url()).context["roles"]
    assert [r["title"] for r in roles] == [
        "Minister for Foreign Affairs",
        "Permanent Representative",
    ]


def test_speaker_id_old_slug_and_merged_speaker_redirect_permanently(client, archive):
    speaker = archive.speakers["NOR"]
    canonical = speaker.get_absolute_url()
    by_id = client.get(reverse("statements:speaker-by-id", args=[speaker.pk]))
    assert by_id.status_code == 301 and by_id["Location"] == canonical
    old = client.get(reverse("statements:speaker-detail", args=["m-juul"]))
    assert old.status_code == 301 and old["Location"] == canonical
    twin = make_speaker(name="Mona Juul", slug="mona-juul-2")
    middle = make_speaker(name="M. Juul", slug="m-juul-3")
    twin.merged_into, middle.merged_into = middle, speaker
    twin.save(), middle.save()
    assert client.get(twin.get_absolute_url())["Location"] == canonical
    assert client.get(f"/speakers/{twin.pk}/")["Location"] == canonical
    SpeakerRedirect.objects.create(slug="old-twin", speaker=twin)
    assert client.get("/speakers/old-twin/")["Location"] == canonical


def test_a_merge_loop_does_not_hang(client, archive):
    a, b = make_speaker(name="A A", slug="a-a"), make_speaker(name="B B", slug="b-b")
    a.merged_into, b.merged_into = b, a
    a.save(), b.save()
    assert client.get("/speakers/a-a/").status_code == 301


def test_delegation_page(client, archive):
    response = client.get(reverse("statements:delegation-detail", args=["norway"]))
    assert response.status_code == 200
    context = response.context
    assert context["total"] == 4
    assert [b.count for b in context["chart"].bars] == [1, 1, 1, 1]
    assert {t.slug for t, _ in context["themes"]} == {
        "climate-change", "gender-equality", "trafficking-in-persons", "nuclear-non-proliferation"
    }  # fmt: skip
    assert context["speakers"][0]["speaker__slug"] == "mona-juul"
    assert [n for _, n in context["meetings"]] == [1, 1, 1, 1]  # summaries are not counted
    by_code = client.get("/delegations/NOR/")
    assert by_code.status_code == 301 and by_code["Location"] == "/delegations/norway/"


def test_meeting_page_has_every_statement_in_order_with_anchors(client, archive):
    meeting = archive.meetings[0]
    response = client.get(meeting.get_absolute_url())
    html = response.content.decode()
    statements = list(meeting.statements.order_by("sequence"))
    positions = [html.index(f'id="statement-{s.pk}"') for s in statements]
    assert positions == sorted(positions)
    summary = next(s for s in statements if s.kind == "summary")
    assert f'href="#statement-{summary.summary_of_id}"' in html  # summary points to full text
    assert f'href="#statement-{summary.pk}"' in html  # and back
    assert "Right of reply" in html and "Lead summary" in html
    assert reverse("statements:meeting-source", args=[meeting.pk]) in html
    assert response.context["previous"] is None


def test_meeting_page_links_previous_and_next_of_the_same_body(client, archive):
    body = archive.meetings[0].body
    same = [m for m in archive.meetings if m.body_id == body.pk]
    later = make_meeting(body=body.name, day=same[0].date.replace(day=28))
    response = client.get(same[0].get_absolute_url())
    assert response.context["next"] == later
    assert client.get(later.get_absolute_url()).context["previous"] == same[0]


def test_theme_page_includes_themes_under_a_pillar(client, archive):
    response = client.get(reverse("statements:theme-detail", args=["human-rights"]))
    assert response.status_code == 200
    # The gender meeting's statements (gender equality is under Human rights) count, except
    # Brazil's, whose tag staff removed.
    assert response.context["total"] == 7
    codes = {d["delegation__code"] for d in response.context["delegations"]}
    assert codes == {"NOR", "SWE", "FRA", "KEN", "CHN", "VAT", "EU"}


def test_statement_page_shows_context_and_citation(client, archive, settings):
    settings.SITE_URL = "https://archive.example.org"
    statement = next(s for s in archive.statements if s.delegation.code == "NOR" and s.speaker)
    response = client.get(statement.get_absolute_url())
    assert response.status_code == 200
    citation = response.context["citation"]
    url = f"https://archive.example.org/statements/{statement.pk}/"
    symbol = statement.meeting.release.symbol
    for text in (citation.text, citation.bibtex, citation.ris):
        assert url in text and symbol in text and "Mona Juul" in text and "Norway" in text
    assert f"{statement.date.day} {statement.date:%B %Y}" in citation.text
    assert (
        "@misc{" in citation.bibtex
        and f"year         = {{{statement.date.year}}}" in citation.bibtex
    )
    assert citation.ris.startswith("TY  - GEN") and "ER  - " in citation.ris
    assert response.context["next"] is not None and response.context["previous"] is None


def test_bibtex_escapes_special_characters(client, archive):
    statement = archive.statements[0]
    statement.title = "Minister for R&D, 100% committed_{x}"
    statement.save()
    bibtex = client.get(statement.get_absolute_url()).context["citation"].bibtex
    assert r"R\&D, 100\% committed\_\{x\}" in bibtex


def test_citation_downloads(client, archive):
    statement = archive.statements[0]
    bib = client.get(reverse("statements:statement-cite", args=[statement.pk, "bib"]))
    assert bib["Content-Type"].startswith("application/x-bibtex")
    assert "attachment" in bib["Content-Disposition"]
    ris = client.get(reverse("statements:statement-cite", args=[statement.pk, "ris"]))
    assert ris["Content-Type"].startswith("application/x-research-info-systems")


def test_a_retired_statement_id_redirects_to_its_meeting(client, archive):
    meeting = archive.meetings[0]
    RetiredStatement.objects.create(statement_id=987654, meeting=meeting)
    response = client.get("/statements/987654/")
    assert response.status_code == 301
    assert response["Location"] == f"{meeting.get_absolute_url()}?retired=987654"
    assert b"987654" in client.get(response["Location"]).content


def test_release_source_is_never_rendered_as_html_in_our_origin(client, db):
    html = b"<html><body><script>alert(document.cookie)</script>GA/1</body></html>"
    meeting = make_meeting(release=make_release(source=html, source_name="ga1.html"))
    response = client.get(reverse("statements:meeting-source", args=[meeting.pk]))
    assert response.content == html
    assert "attachment" in response["Content-Disposition"]
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    as_text = client.get(reverse("statements:meeting-source", args=[meeting.pk]), {"as": "text"})
    assert as_text["Content-Type"].startswith("text/plain")


def test_release_source_text_is_plain_text_inline(client, db):
    meeting = make_meeting(release=make_release(source="Café".encode(), source_name="x.txt"))
    response = client.get(reverse("statements:meeting-source", args=[meeting.pk]))
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].startswith("inline")
    latin = make_meeting(release=make_release(source="Café".encode("cp1252")))
    assert "windows-1252" in client.get(f"/meetings/{latin.pk}/source/")["Content-Type"]


def test_lists(client, archive):
    delegations = client.get(reverse("statements:delegation-list"))
    groups = dict(delegations.context["groups"])
    assert {d.code for d in groups["Europe"]} == {"NOR", "SWE", "FRA"}
    assert {d.code for d in groups["Observer States"]} == {"VAT"}
    assert {d.code for d in groups["Intergovernmental organizations"]} == {"EU"}
    speakers = client.get(reverse("statements:speaker-list"), {"name": "juul"})
    assert [s.slug for s in speakers.context["page"]] == ["mona-juul"]
    meetings = client.get(reverse("statements:meeting-list"), {"body": "security-council"})
    assert {m.body.slug for m in meetings.context["page"]} == {"security-council"}
    themes = client.get(reverse("statements:theme-list"))
    assert themes.status_code == 200


def test_every_speaker_in_a_list_links_to_a_page_that_exists(client, archive):
    for speaker in Speaker.objects.all():
        assert client.get(speaker.get_absolute_url()).status_code in (200, 301)


def test_a_statement_opened_from_a_search_highlights_the_words(client, archive):
    statement = next(s for s in archive.statements if "nuclear" in s.text.lower())
    response = client.get(statement.get_absolute_url(), {"q": "nuclear weapons"})
    assert "<mark>Nuclear</mark>" in str(response.context["highlighted"])
    assert response.content.count(b"<mark>") >= 3
    plain = client.get(statement.get_absolute_url(), {"q": "the"})
    assert plain.context["highlighted"] is None
    results = client.get(reverse("statements:statement-list"), {"q": "nuclear"})
    assert f'{statement.get_absolute_url()}?q=nuclear"'.encode() in results.content
