"""The Popolo export: persons (speakers), organizations (delegations, with ISO, M49 and Wikidata
identifiers) and memberships dated by the first and last statement."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from tests.factories import make_meeting, make_speaker, make_statement


def test_speakers_delegations_and_dated_memberships(client, db):
    juul = make_speaker(name="Mona Juul", slug="mona-juul")
    for day in (date(2020, 3, 1), date(2022, 5, 9)):
        make_statement(meeting=make_meeting(day=day), delegation="NOR", speaker=juul)
    response = client.get(reverse("data:popolo"))
    assert response.status_code == 200 and response["ETag"]
    document = response.json()
    assert {"id": "speaker/mona-juul", "name": "Mona Juul"}.items() <= next(
        p for p in document["persons"] if p["id"] == "speaker/mona-juul"
    ).items()
    norway = next(o for o in document["organizations"] if o["id"] == "delegation/NOR")
    assert {"scheme": "wikidata", "identifier": "Q20"} in norway["identifiers"]
    assert {"scheme": "un-m49", "identifier": "578"} in norway["identifiers"]
    (membership,) = document["memberships"]
    assert membership["person_id"] == "speaker/mona-juul"
    assert membership["organization_id"] == "delegation/NOR"
    assert (membership["start_date"], membership["end_date"]) == ("2020-03-01", "2022-05-09")


def test_delegations_carry_their_wikidata_item_in_the_api(client, db):
    norway = client.get("/api/v1/delegations/NOR").json()["data"]
    assert norway["wikidata"] == "Q20"
    eu = client.get("/api/v1/delegations/EU").json()["data"]
    assert eu["wikidata"] == ""  # only States come from the shipped reference


def test_the_data_page_links_the_popolo_export_and_the_api_documentation(client, db):
    html = client.get(reverse("data-pages:download")).content.decode()
    assert f'href="{reverse("data:popolo")}"' in html
    assert f'href="{reverse("data-pages:api-docs")}"' in html


def test_historical_states_are_served_with_english_and_french_names(client, db):
    states = client.get(reverse("data:historical-states")).json()["states"]
    ussr = next(s for s in states if s["iso3166_3"] == "SUHH")
    assert ussr["name_fr"] == "Union des Républiques socialistes soviétiques"
    assert "RUS" in ussr["successors"]
