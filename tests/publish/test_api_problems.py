"""API errors: RFC 9457 problem documents for bad values, unknown names, a lost database."""

from __future__ import annotations

import pytest
from django.db import OperationalError, connection

LIST = "/api/v1/statements"
ORIGIN = "https://elsewhere.example"


def problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    assert body["type"] == "about:blank"
    return body


@pytest.mark.parametrize(
    "query, parameter, code",
    [
        ("delegation=XXX", "delegation", "unknown_value"),
        ("delegation=NOR&delegation=XXX", "delegation", "unknown_value"),
        ("theme=no-such-theme", "theme", "unknown_value"),
        ("body=no-such-body", "body", "unknown_value"),
        ("date_from=garbage", "date_from", "invalid_parameter"),
        ("date_from=0000", "date_from", "invalid_parameter"),
        ("date_to=2021-02-30", "date_to", "invalid_parameter"),
        ("kind=", "kind", "invalid_parameter"),
        ("cursor=", "cursor", "invalid_parameter"),
        ("sort=newest&sort=oldest", "sort", "repeated_parameter"),
        ("q=a&q=b", "q", "repeated_parameter"),
    ],
)
def test_unknown_or_malformed_values_are_400_problems(client, archive, query, parameter, code):
    body = problem(client.get(f"{LIST}?{query}"), 400)
    assert body["code"] == code and body["parameter"] == parameter
    assert body["error"]["parameter"] == parameter  # the v1 shape, kept for its clients


def test_known_values_and_repeated_list_parameters_are_accepted(client, archive):
    query = "delegation=NOR&delegation=SWE&kind=statement&kind=summary&date_to=2024-02-29"
    assert client.get(f"{LIST}?{query}").status_code == 200
    region = client.get("/api/v1/delegations?region=Europe&region=Africa")
    assert region.status_code == 200


@pytest.mark.parametrize(
    "url, parameter",
    [
        ("/api/v1/delegations?kind=", "kind"),
        ("/api/v1/themes?cursor=__proto__", "cursor"),
        ("/api/v1/meetings?date_from=2021&date_from=2022", "date_from"),
        ("/api/v1/speakers/mona-juul?x=1", "x"),
    ],
)
def test_collections_answer_problems_too(client, archive, url, parameter):
    assert problem(client.get(url), 400)["parameter"] == parameter


def test_missing_rows_and_paths_are_404_problems(client, archive):
    assert problem(client.get("/api/v1/themes/nope"), 404)["code"] == "not_found"
    assert problem(client.get("/api/v1/no/such\npath"), 404)["code"] == "not_found"


def test_a_lost_database_is_a_json_503_with_cors(client, archive):
    def refuse(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    with connection.execute_wrapper(refuse):
        response = client.get(LIST, HTTP_ORIGIN=ORIGIN)
    body = problem(response, 503)
    assert body["code"] == "unavailable" and int(response["Retry-After"]) > 0
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_document_lists_the_names_the_database_holds(client, archive):
    spec = client.get("/api/v1/openapi.json").json()
    parameters = {p["name"]: p for p in spec["paths"]["/statements"]["get"]["parameters"]}
    assert {"NOR", "SWE", "BRA"} <= set(parameters["delegation"]["schema"]["items"]["enum"])
    assert "climate-change" in parameters["theme"]["schema"]["items"]["enum"]
    errors = spec["paths"]["/statements"]["get"]["responses"]["400"]["content"]
    assert list(errors) == ["application/problem+json"]
