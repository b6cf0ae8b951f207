"""The OpenAPI 3.1 description: valid, complete, and true to what the API answers."""

from __future__ import annotations

import pytest
from django.urls import reverse

from statements.publish.api.schemas import STATEMENT_PARAMETERS
from statements.publish.exports.fields import STATEMENT_FIELD_NAMES
from statements.search.filters import StatementFilter
from tests.decisions.conftest import ingest_vote_release
from tests.publish.conftest import SITE

# The alignment resources (statements/alignment/api.py) are reports, not collections: one object
# computed from required parameters (tests/alignment checks their figures).
REPORTS = {
    "/alignment/pair": {"delegation": ["USA", "ISR"]},
    "/alignment/matrix": {"delegation": ["USA", "ISR"]},
    "/alignment/alike": {"delegation": "USA"},
    "/alignment/side-by-side": {"delegation": ["USA", "ISR"], "q": "peace"},
    "/alignment/words-and-votes": {"delegation": "USA"},
}


@pytest.fixture
def spec(client, archive) -> dict:
    response = client.get(reverse("data:api-openapi"), HTTP_ORIGIN="https://elsewhere.example")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def test_it_is_valid_openapi_3_1(spec):
    validator = pytest.importorskip("openapi_spec_validator")
    assert spec["openapi"] == "3.1.0"
    validator.validate(spec)


def test_every_ui_filter_is_documented(spec):
    assert set(StatementFilter.base_filters) <= set(STATEMENT_PARAMETERS)
    documented = {p["name"] for p in spec["paths"]["/statements"]["get"]["parameters"]}
    assert documented == {*StatementFilter.base_filters, "cursor", "limit"}


def test_statement_schema_is_the_export_row(spec):
    schema = spec["components"]["schemas"]["Statement"]
    assert tuple(schema["properties"]) == STATEMENT_FIELD_NAMES


def test_objects_answered_match_their_schemas(client, spec):
    jsonschema = pytest.importorskip("jsonschema")
    ingest_vote_release()  # a meeting with decisions and votes, so every list has rows
    schemas = spec["components"]["schemas"]
    server = spec["servers"][0]["url"].removeprefix(SITE)
    for path, item in spec["paths"].items():
        if "{" in path or path == "/" or path in REPORTS:
            continue
        body = client.get(server + path, {"limit": 3}).json()
        name = item["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        if "$ref" in name:  # ninja names the page schema in components
            name = schemas[name["$ref"].rsplit("/", 1)[1]]
        ref = name["properties"]["data"]["items"]["$ref"].rsplit("/", 1)[1]
        resolver = {"components": {"schemas": schemas}, **schemas[ref]}
        for obj in body["data"]:
            jsonschema.validate(obj, resolver)
        assert body["data"], path


def test_every_path_is_served(client, spec):
    server = spec["servers"][0]["url"].removeprefix(SITE)
    for path in spec["paths"]:
        if "{" not in path and path not in REPORTS:
            assert client.get(server + path).status_code == 200, path
    for path, query in REPORTS.items():  # computed reports: they need their parameters
        assert client.get(server + path).status_code == 400, path
        assert client.get(server + path, query).status_code == 200, path


def test_validators_quota_and_their_answers_are_documented(spec):
    for path, item in spec["paths"].items():
        responses = item["get"]["responses"]
        assert {"ETag", "RateLimit", "RateLimit-Policy"} <= set(responses["200"]["headers"]), path
        assert "304" in responses and "Retry-After" in responses["429"]["headers"], path
    language = [
        p for p in spec["paths"]["/statements"]["get"]["parameters"] if p["name"] == "language"
    ]
    assert language[0]["schema"]["items"]["pattern"] == "^(?:en|fr)$"
