"""Historical States: ISO 3166-3 records found by English and French names, with successors that
are today's delegations."""

from __future__ import annotations

import pytest

from statements.reference import load_delegations
from statements.reference.historical_states import historical_state, load_historical_states


@pytest.mark.parametrize(
    ("label", "iso3166_3"),
    [
        ("USSR", "SUHH"),
        ("Union des Républiques socialistes soviétiques", "SUHH"),
        ("Soviet Union", "SUHH"),
        ("Yougoslavie", "YUCS"),
        ("Federal Republic of Yugoslavia", "YUCS"),
        ("Serbie-et-Monténégro", "CSXX"),
        ("Czechoslovakia", "CSHH"),
        ("Tchécoslovaquie", "CSHH"),
        ("République démocratique allemande", "DDDE"),
        ("German Democratic Republic", "DDDE"),
        ("Zaïre", "ZRCD"),
        ("ZAR", "ZRCD"),
        ("SUHH", "SUHH"),
    ],
)
def test_english_and_french_names_and_codes_resolve(label, iso3166_3):
    assert historical_state(label).iso3166_3 == iso3166_3


def test_today_s_states_are_not_historical():
    assert historical_state("Norway") is None and historical_state("Russian Federation") is None


def test_records_are_complete_and_successors_are_delegations():
    states = load_historical_states()
    keys = {s.key for s in states}
    assert len(keys) == len(states)
    today = {d.code for d in load_delegations()}
    for state in states:
        assert len(state.iso3166_3) == 4 and len(state.numeric) == 3, state.key
        assert state.start < state.end, state.key
        assert set(state.successors) <= today | keys, state.key
