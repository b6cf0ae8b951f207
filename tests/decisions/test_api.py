"""Decisions and their votes in the JSON API."""

from __future__ import annotations

import pytest
from django.urls import reverse

from statements.decisions.models import Decision

pytestmark = pytest.mark.django_db


def test_decisions_list_and_detail_carry_votes(client, vote_meeting):
    body = client.get(reverse("data:api-decisions-list"), {"divided": "true"}).json()
    assert len(body["data"]) == 1 and body["links"]["next"] is None
    decision = body["data"][0]
    assert decision["subject_symbols"] == ["A/61/L.52"]
    assert decision["official_records"] == ["A/61/PV.84"]
    iran = next(v for v in decision["votes"] if v["delegation_code"] == "IRN")
    assert iran["vote"] == "abstaining" and iran["explanation_id"]
    one = client.get(reverse("data:api-decisions-detail", args=[Decision.objects.get().pk]))
    assert len(one.json()["data"]["votes"]) == 22


def test_unknown_decision_and_bad_filter_are_clean_errors(client, db):
    assert client.get(reverse("data:api-decisions-detail", args=[999])).status_code == 404
    response = client.get(reverse("data:api-decisions-list"), {"year": "x"})
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_parameter"
