"""The JSON API: the UI's filters, cursor pages, read-only, CORS, JSON errors."""

from __future__ import annotations

import pytest
from django.http import QueryDict
from django.urls import reverse

from statements.models import RetiredStatement, Speaker
from statements.search.filters import StatementFilter
from statements.search.index import engine
from tests.factories import make_meeting, make_release, make_speaker, make_statement
from tests.publish.conftest import SITE
from tests.publish.test_exports import QUERIES, ui_ids

LIST = "/api/v1/statements"
ORIGIN = "https://elsewhere.example"  # CORS headers answer a request that has an Origin


def walk(client, url: str, params: dict) -> list[dict]:
    """Every item of a list, following links.next."""
    items, response = [], client.get(url, params).json()
    while True:
        items += response["data"]
        following = response["links"]["next"]
        if not following:
            return items
        assert following.startswith(SITE)
        response = client.get(following.removeprefix(SITE)).json()


@pytest.mark.parametrize("query", [q for q in QUERIES if "not a code" not in q])
def test_statement_list_finds_what_the_ui_finds(client, archive, query):
    fs = StatementFilter(QueryDict(query))
    response = client.get(f"{LIST}?{query}&limit=3")
    assert response.status_code == 200
    assert response.json()["meta"]["total"] == len(engine.all_ids(fs.spec()))
    ids = [s["id"] for s in walk(client, f"{LIST}?{query}&limit=3", {})]
    assert ids == ui_ids(query)  # by relevance too: the engine's BM25 order


def test_repeated_parameters_are_or_as_in_the_ui(client, archive):
    response = client.get(f"{LIST}?delegation=NOR&delegation=SWE&kind=statement&kind=summary")
    fs = StatementFilter(QueryDict("delegation=NOR&delegation=SWE&kind=statement&kind=summary"))
    assert response.json()["meta"]["total"] == len(engine.all_ids(fs.spec())) > 0


@pytest.mark.parametrize("sort", ["newest", "oldest", "relevance"])
def test_cursor_pages_cover_every_row_once_in_order(client, archive, sort):
    params = {"q": "nuclear OR climate OR trafficking", "sort": sort, "limit": 2}
    ids = [s["id"] for s in walk(client, LIST, params)]
    assert ids == ui_ids(f"q=nuclear OR climate OR trafficking&sort={sort}")
    assert len(ids) == len(set(ids)) > 4


def test_cursor_is_stable_while_rows_are_added(client, archive):
    first = client.get(LIST, {"limit": 5}).json()
    seen = [s["id"] for s in first["data"]]
    # A statement newer than every other arrives while the client pages.
    make_statement(meeting=archive.meetings[-1], text="Brand new.")
    rest = walk(client, first["links"]["next"].removeprefix(SITE), {})
    ids = seen + [s["id"] for s in rest]
    before = [s.pk for s in archive.statements if s.kind != "summary"]
    assert sorted(ids) == sorted(before)


def test_cursor_and_link_header(client, archive):
    response = client.get(LIST, {"limit": 2, "q": "climate"})
    body = response.json()
    assert body["links"]["self"] == f"{SITE}{LIST}?limit=2&q=climate"
    assert response["Link"] == f'<{body["links"]["next"]}>; rel="next"'
    assert "cursor=" in body["links"]["next"]


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("bogus=1", "bogus"),
        ("page=2", "page"),
        ("date_from=yesterday", "date_from"),
        ("date_to=2021-13", "date_to"),
        ("sort=random", "sort"),
        ("delegation=N O R", "delegation"),
        ("kind=speech", "kind"),
        ("session=seventy", "session"),
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("limit=ten", "limit"),
        ("limit=²", "limit"),
        ("cursor=not-a-cursor", "cursor"),
        (f"q={'x' * 20001}", "q"),
    ],
)
def test_bad_parameters_are_400_json(client, archive, query, parameter):
    response = client.get(f"{LIST}?{query}", HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert response["Access-Control-Allow-Origin"] == "*"
    error = response.json()["error"]
    assert error["status"] == 400 and error["parameter"] == parameter and error["message"]


def test_a_cursor_only_works_with_its_own_order(client, archive):
    following = client.get(LIST, {"limit": 2}).json()["links"]["next"]
    cursor = QueryDict(following.split("?", 1)[1])["cursor"]
    response = client.get(LIST, {"limit": 2, "sort": "oldest", "cursor": cursor})
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_cursor"
    tampered = cursor[:-3] + ("AAA" if not cursor.endswith("AAA") else "BBB")
    assert client.get(LIST, {"cursor": tampered}).status_code == 400
    other = client.get("/api/v1/speakers", {"cursor": cursor})
    assert other.status_code == 400


def test_hostile_search_never_fails(client, archive):
    for q in ['"unbalanced', "'; DROP TABLE statements_statement; --", "the of and", "x" * 5000]:
        response = client.get(LIST, {"q": q})
        assert response.status_code == 200, q
        assert isinstance(response.json()["meta"]["notes"], list)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", [LIST, "/api/v1/", "/api/v1/openapi.json", "/api/v1/themes"])
def test_writes_are_405(client, archive, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_cors_is_open_for_get_and_preflight(client, archive):
    assert client.get(LIST, HTTP_ORIGIN=ORIGIN)["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(LIST, HTTP_ORIGIN=ORIGIN)
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    head = client.head(LIST, HTTP_ORIGIN=ORIGIN)
    assert head.status_code == 200 and head["Access-Control-Allow-Origin"] == "*"


def test_statement_detail_gone_and_missing(client, archive):
    statement = archive.statements[0]
    data = client.get(f"{LIST}/{statement.pk}").json()["data"]
    assert data["id"] == statement.pk and data["permalink"] == f"{SITE}/statements/{statement.pk}/"
    RetiredStatement.objects.create(statement_id=99_999_999, meeting=statement.meeting)
    gone = client.get(f"{LIST}/99999999")
    assert gone.status_code == 410
    assert gone.json()["error"]["meeting"].endswith(f"/api/v1/meetings/{statement.meeting_id}")
    assert client.get(f"{LIST}/99999998").status_code == 404


def test_unknown_endpoint_is_json_404(client, archive):
    response = client.get("/api/v1/nothing/here")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_meeting_detail_lists_its_statements_in_order(client, archive):
    meeting = archive.meetings[0]
    data = client.get(f"/api/v1/meetings/{meeting.pk}").json()["data"]
    assert data["release_symbol"] == meeting.release.symbol
    assert data["numbers"] == meeting.numbers
    sequences = [s["sequence"] for s in data["statements"]]
    assert sequences == sorted(sequences) and len(sequences) == meeting.statements.count()


def test_merged_speaker_redirects_to_the_current_one(client, archive):
    target = archive.speakers["NOR"]
    old = make_speaker(name="M. Juul", slug="m-juul")
    Speaker.objects.filter(pk=old.pk).update(merged_into=target)
    response = client.get(f"/api/v1/speakers/{old.slug}")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/speakers/mona-juul"
    current = client.get("/api/v1/speakers/mona-juul").json()["data"]
    assert current["name"] == "Mona Juul" and current["aliases"] == ["MONA JUUL"]
    listed = [s["slug"] for s in walk(client, "/api/v1/speakers", {"limit": 1})]
    assert old.slug not in listed and "mona-juul" in listed


@pytest.mark.parametrize(
    "url, params, check",
    [
        ("/api/v1/delegations", {"kind": "member_state", "region": "Europe"}, "code"),
        ("/api/v1/meetings", {"body": "security-council", "date_from": "2020"}, "id"),
        ("/api/v1/releases", {"date_to": "2020"}, "symbol"),
        ("/api/v1/themes", {"parent": "disarmament"}, "slug"),
        ("/api/v1/speakers", {"q": "juul"}, "slug"),
    ],
)
def test_other_collections_filter_and_page(client, archive, url, params, check):
    items = walk(client, url, {**params, "limit": 1})
    assert items and len({i[check] for i in items}) == len(items)
    assert client.get(url, {"nonsense": "1"}).status_code == 400


def test_collection_filters_reject_bad_values(client, archive):
    assert client.get("/api/v1/delegations", {"kind": "planet"}).status_code == 400
    assert client.get("/api/v1/meetings", {"session": "x"}).status_code == 400
    assert client.get("/api/v1/meetings", {"date_from": "soon"}).status_code == 400


def test_details_of_each_collection(client, archive):
    meeting = archive.meetings[0]
    assert client.get("/api/v1/delegations/nor").json()["data"]["name"] == "Norway"
    release = client.get(f"/api/v1/releases/{meeting.release.symbol}").json()["data"]
    assert release["meeting_id"] == meeting.pk
    theme = client.get("/api/v1/themes/disarmament").json()["data"]
    assert theme["parent"] is None and "nuclear-non-proliferation" in theme["children"]
    for url in ["/api/v1/delegations/XXX", "/api/v1/releases/NO/1", "/api/v1/themes/nope"]:
        assert client.get(url).status_code == 404


def test_api_root_links_everything(client, archive):
    body = client.get(reverse("data:api-root")).json()
    assert body["openapi"] == f"{SITE}/api/v1/openapi.json"
    assert {"decisions", "coverage", "statements"} <= set(body["collections"])
    for url in body["collections"].values():
        assert client.get(url.removeprefix(SITE)).status_code == 200
    assert body["documentation"] == f"{SITE}/data/api/"
    assert client.get(body["documentation"].removeprefix(SITE)).status_code == 200
    for url in body["reports"].values():  # they need parameters: 400 that says which
        assert client.get(url.removeprefix(SITE)).status_code == 400


def test_statements_carry_their_language_and_filter_by_it(client, archive):
    french = make_meeting(release=make_release(language="fr"))
    make_statement(meeting=french, delegation="FRA", text="La paix exige la coopération.")
    rows = walk(client, LIST, {"language": "fr"})
    assert [row["language"] for row in rows] == ["fr"]
    english = walk(client, LIST, {"language": "en", "limit": 500})
    assert english and {row["language"] for row in english} == {"en"}
    both = client.get(LIST, {"language": ["en", "fr"]}).json()["meta"]["total"]
    assert both == len(english) + 1
    response = client.get(LIST, {"language": "de"})
    assert response.status_code == 400 and response.json()["parameter"] == "language"
