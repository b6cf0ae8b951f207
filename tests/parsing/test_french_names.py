"""French delegation names, with and without accents, resolve through the same alias table."""

from __future__ import annotations

import pytest

from statements.reference import lookup_delegation


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("États-Unis", "USA"),
        ("Etats-Unis", "USA"),
        ("États-Unis d’Amérique", "USA"),
        ("Royaume-Uni", "GBR"),
        ("Fédération de Russie", "RUS"),
        ("Federation de Russie", "RUS"),
        ("Soudan", "SDN"),
        ("Croatie", "HRV"),
        ("République arabe syrienne", "SYR"),
        ("Arabie saoudite", "SAU"),
        ("Groupe des 77 et la Chine", "G77"),
        ("Union européenne", "EU"),
    ],
)
def test_french_name_resolves(label: str, code: str) -> None:
    """A French short name reaches the same delegation as its English name."""
    ref = lookup_delegation(label)
    assert ref is not None and ref.code == code


def test_english_names_still_resolve() -> None:
    """Adding French names takes nothing away from the English ones."""
    assert lookup_delegation("United States").code == "USA"
    assert lookup_delegation("Sudan").code == "SDN"
