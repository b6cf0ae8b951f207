"""Resolving a printed name to a delegation is one call, exact on variants, never a guess."""

import pytest

from statements.models import Delegation

pytestmark = pytest.mark.django_db

VARIANTS = {
    "Bolivia": "BOL",
    "Bolivia (Plurinational State of)": "BOL",
    "Iran": "IRN",
    "Syria": "SYR",
    "Venezuela": "VEN",
    "United States": "USA",
    "United Kingdom": "GBR",
    "Russia": "RUS",
    "the Russian Federation": "RUS",
    "Turkey": "TUR",
    "Türkiye": "TUR",
    "Turkiye": "TUR",
    "Swaziland": "SWZ",
    "The former Yugoslav Republic of Macedonia": "MKD",
    "Czech Republic": "CZE",
    "Côte d’Ivoire": "CIV",
    "Côte d'Ivoire": "CIV",
    "Cote d'Ivoire": "CIV",
    "Holy See": "VAT",
    "State of Palestine": "PSE",
    "the United Arab Emirates": "ARE",
}


@pytest.mark.parametrize(("label", "code"), VARIANTS.items())
def test_variant_resolves(label, code):
    assert Delegation.objects.get_by_name(label).code == code


def test_organizations_resolve():
    assert Delegation.objects.get_by_name("European Union").kind == "igo"
    assert Delegation.objects.get_by_name("League of Arab States").kind == "igo"


@pytest.mark.parametrize("label", ["Korea", "", "   ", "Atlantis", "Republic"])
def test_ambiguous_or_unknown_is_none(label):
    assert Delegation.objects.get_by_name(label) is None


def test_reference_data_is_complete():
    assert Delegation.objects.filter(kind="member_state").count() == 193
    assert set(Delegation.objects.filter(kind="observer_state").values_list("code", flat=True)) == {
        "VAT",
        "PSE",
    }
    assert not Delegation.objects.filter(kind="member_state", region="").exists()
