"""Reference data of delegations: counts, aliases, normalization (no Django, no database)."""

from __future__ import annotations

import dataclasses
import importlib.util
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from statements.reference import (
    KINDS,
    AliasCollisionError,
    DelegationRef,
    build_alias_index,
    delegation_by_code,
    load_delegations,
    lookup_delegation,
    normalize_name,
)

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_delegations.py"

REQUIRED_VARIANTS = [
    ("Bolivia", "BOL"),
    ("Iran", "IRN"),
    ("Syria", "SYR"),
    ("Venezuela", "VEN"),
    ("United States", "USA"),
    ("United States of America", "USA"),
    ("United Kingdom", "GBR"),
    ("UK", "GBR"),
    ("Russia", "RUS"),
    ("Russian Federation", "RUS"),
    ("Republic of Korea", "KOR"),
    ("South Korea", "KOR"),
    ("Democratic People’s Republic of Korea", "PRK"),
    ("Democratic People's Republic of Korea", "PRK"),
    ("North Korea", "PRK"),
    ("Tanzania", "TZA"),
    ("United Republic of Tanzania", "TZA"),
    ("Moldova", "MDA"),
    ("Republic of Moldova", "MDA"),
    ("Laos", "LAO"),
    ("Lao People’s Democratic Republic", "LAO"),
    ("Micronesia", "FSM"),
    ("Viet Nam", "VNM"),
    ("Vietnam", "VNM"),
    ("Syrian Arab Republic", "SYR"),
    ("Iran (Islamic Republic of)", "IRN"),
    ("Democratic Republic of the Congo", "COD"),
    ("DRC", "COD"),
    ("Congo", "COG"),
    ("the Congo", "COG"),
    ("Republic of the Congo", "COG"),
    ("Brunei", "BRN"),
    ("Cabo Verde", "CPV"),
    ("Cape Verde", "CPV"),
    ("Czechia", "CZE"),
    ("Eswatini", "SWZ"),
    ("North Macedonia", "MKD"),
    ("Netherlands", "NLD"),
    ("the Netherlands", "NLD"),
    ("Kingdom of the Netherlands", "NLD"),
    ("Netherlands (the)", "NLD"),
    ("Palestine", "PSE"),
    ("State of Palestine", "PSE"),
    ("Holy See", "VAT"),
    ("Vatican", "VAT"),
    ("Turkey", "TUR"),
    ("Swaziland", "SWZ"),
    ("The former Yugoslav Republic of Macedonia", "MKD"),
    ("Czech Republic", "CZE"),
    ("Burma", "MMR"),
    ("Zaire", "COD"),
    ("Ivory Coast", "CIV"),
    ("Côte d’Ivoire", "CIV"),
    ("Côte d'Ivoire", "CIV"),
    ("Cote d'Ivoire", "CIV"),
    ("Turkiye", "TUR"),
    ("Türkiye", "TUR"),
    ("the United Arab Emirates", "ARE"),
    ("the Russian Federation", "RUS"),
    ("the Philippines", "PHL"),
    ("the Gambia", "GMB"),
    ("Gambia", "GMB"),
    ("Bahamas", "BHS"),
    ("the Bahamas", "BHS"),
    ("the Group of 77 and China", "G77"),
    ("Group of 77 and China", "G77"),
    ("G77", "G77"),
    ("European Union", "EU"),
    ("EU", "EU"),
    ("the European Union", "EU"),
    ("League of Arab States", "LAS"),
    ("Arab League", "LAS"),
    ("African Union", "AU"),
    ("Non-Aligned Movement", "NONALIGNED"),
    ("Secretary-General", "UN-SG"),
    ("Secretary General", "UN-SG"),
    ("Non Aligned Movement", "NONALIGNED"),
    ("UN-Women", "UN-WOMEN"),
    ("UNODC", "UNODC"),
    ("United Nations Office on Drugs and Crime", "UNODC"),
]

LOOKALIKES = [
    ("Guinea", "GIN"),
    ("Guinea-Bissau", "GNB"),
    ("Guinea Bissau", "GNB"),
    ("Equatorial Guinea", "GNQ"),
    ("Papua New Guinea", "PNG"),
    ("Niger", "NER"),
    ("the Niger", "NER"),
    ("Nigeria", "NGA"),
    ("Dominica", "DMA"),
    ("Dominican Republic", "DOM"),
    ("Sudan", "SDN"),
    ("the Sudan", "SDN"),
    ("South Sudan", "SSD"),
    ("Samoa", "WSM"),
    ("American Samoa", None),
    ("Korea", None),
]

CANONICAL_NAMES = [
    ("SLE", "Sierra Leone"),
    ("BOL", "Bolivia (Plurinational State of)"),
    ("TUR", "Türkiye"),
    ("CIV", "Côte d’Ivoire"),
    ("GBR", "United Kingdom of Great Britain and Northern Ireland"),
    ("VAT", "Holy See"),
    ("PSE", "State of Palestine"),
]

NORMALIZATION_CASES = [
    ("Côte d’Ivoire", "cote d'ivoire"),
    ("Côte d‘Ivoire", "cote d'ivoire"),
    ("Cote dʼIvoire", "cote d'ivoire"),
    ("Cote d`Ivoire", "cote d'ivoire"),
    ("Cote d´Ivoire", "cote d'ivoire"),
    ("TÜRKIYE", "turkiye"),
    ("São Tomé and Príncipe", "sao tome and principe"),
    ("Netherlands (the)", "netherlands"),
    ("Netherlands ( the )", "netherlands"),
    ("Gambia, the", "gambia"),
    ("The Gambia.", "gambia"),
    ("the  United\u00a0Arab   Emirates ", "united arab emirates"),
    ("Holy See (the) *", "holy see"),
    ("Trinidad & Tobago", "trinidad and tobago"),
    ("Guinea–Bissau", "guinea bissau"),
    ("Guinea — Bissau", "guinea bissau"),
    ("Timor\u2011Leste", "timor leste"),
    ("Secretary-General", "secretary general"),
    ("Iran ( Islamic Republic of )", "iran (islamic republic of)"),
    ("Congo;", "congo"),
    ("the", "the"),
    ("Theodore", "theodore"),
    ("", ""),
]


@pytest.fixture(scope="module")
def refs() -> tuple[DelegationRef, ...]:
    """All shipped delegations."""
    return load_delegations()


def test_counts_by_kind(refs: tuple[DelegationRef, ...]) -> None:
    """193 Member States, 2 observer States, and every kind is a known one."""
    counts = Counter(ref.kind for ref in refs)
    assert counts["member_state"] == 193
    assert counts["observer_state"] == 2
    assert {ref.code for ref in refs if ref.kind == "observer_state"} == {"VAT", "PSE"}
    assert set(counts) <= set(KINDS)
    assert counts["igo"] >= 20 and counts["group"] >= 12 and counts["un_entity"] >= 25


def test_codes_are_unique_and_well_formed(refs: tuple[DelegationRef, ...]) -> None:
    """State codes are ISO alpha-3 with alpha-2 and M49; other codes never look like a State's."""
    assert len({ref.code for ref in refs}) == len(refs)
    state_codes = {ref.code for ref in refs if ref.iso2}
    for ref in refs:
        if ref.is_state:
            assert len(ref.code) == 3 and ref.code.isalpha() and ref.code.isupper()
            assert len(ref.iso2) == 2 and ref.iso2.isupper()
            assert len(ref.m49) == 3 and ref.m49.isdigit()
        elif not ref.iso2:
            assert ref.code not in state_codes
            assert ref.m49 == "" and ref.region == ""


def test_every_state_has_m49_region_and_subregion(refs: tuple[DelegationRef, ...]) -> None:
    """Member and observer States all carry an M49 region and sub-region."""
    states = [ref for ref in refs if ref.is_state]
    assert len(states) == 195
    assert all(ref.region and ref.subregion for ref in states)
    regions = {ref.region for ref in states}
    assert regions == {"Africa", "Americas", "Asia", "Europe", "Oceania"}


@pytest.mark.parametrize(("code", "name"), CANONICAL_NAMES)
def test_canonical_names(code: str, name: str) -> None:
    """Canonical names are the UN M49 English short names."""
    ref = delegation_by_code(code)
    assert ref is not None and ref.name == name


@pytest.mark.parametrize(("label", "code"), REQUIRED_VARIANTS)
def test_required_variants_resolve(label: str, code: str) -> None:
    """Short, former, accent-less and article forms resolve to the right delegation."""
    ref = lookup_delegation(label)
    assert ref is not None, label
    assert ref.code == code


@pytest.mark.parametrize(("label", "code"), LOOKALIKES)
def test_lookalike_names_do_not_bleed(label: str, code: str | None) -> None:
    """Guinea/Niger/Dominica/Sudan lookalikes stay apart; "Korea" alone is not mapped."""
    ref = lookup_delegation(label)
    assert (ref.code if ref else None) == code


@pytest.mark.parametrize(
    "label",
    ["", "   ", "Korea", "Atlantis", "Taiwan", "Kosovo", "Republic", "United", "the", "Guinea X"],
)
def test_unknown_or_ambiguous_labels_return_none(label: str) -> None:
    """Lookup never guesses."""
    assert lookup_delegation(label) is None


@pytest.mark.parametrize(("label", "expected"), NORMALIZATION_CASES)
def test_normalize_name(label: str, expected: str) -> None:
    """Accents, apostrophes, dashes, articles, punctuation and spaces are normalized."""
    assert normalize_name(label) == expected


def test_normalize_name_is_idempotent(refs: tuple[DelegationRef, ...]) -> None:
    """Normalizing a key again changes nothing, for every shipped label."""
    for label in (label for ref in refs for label in ref.labels):
        key = normalize_name(label)
        assert key and normalize_name(key) == key, label


def test_shipped_aliases_never_collide(refs: tuple[DelegationRef, ...]) -> None:
    """Every name and variant of every delegation resolves back to that delegation."""
    index = build_alias_index(refs)
    assert set(index.values()) == set(refs)
    for ref in refs:
        for label in ref.labels:
            assert lookup_delegation(label) == ref, label


def test_alias_collision_raises() -> None:
    """Two delegations sharing a normalized label is an error at build time."""
    guinea = DelegationRef(code="GIN", name="Guinea", kind="member_state")
    clash = DelegationRef(
        code="GNB", name="Guinea-Bissau", kind="member_state", variants=("Guinea",)
    )
    with pytest.raises(AliasCollisionError, match="GIN"):
        build_alias_index([guinea, clash])


def test_same_delegation_may_repeat_a_label() -> None:
    """A variant equal to the delegation's own name after normalization is harmless."""
    ref = DelegationRef(
        code="CIV", name="Côte d’Ivoire", kind="member_state", variants=("Cote d'Ivoire",)
    )
    assert build_alias_index([ref]) == {"cote d'ivoire": ref}


def test_refs_are_frozen_and_cached(refs: tuple[DelegationRef, ...]) -> None:
    """DelegationRef is immutable and the data is loaded once."""
    with pytest.raises(dataclasses.FrozenInstanceError):
        refs[0].name = "changed"  # type: ignore[misc]
    assert load_delegations() is refs
    assert isinstance(refs[0].variants, tuple)


def test_delegation_by_code() -> None:
    """Codes of States, organizations and UN entities are found; unknown codes are not."""
    assert delegation_by_code("SLE").name == "Sierra Leone"
    assert delegation_by_code("EU").kind == "igo"
    assert delegation_by_code("G77").kind == "group"
    assert delegation_by_code("UN-SG").kind == "un_entity"
    assert delegation_by_code("XXX") is None


def test_shipped_json_matches_the_generator() -> None:
    """delegations.json is exactly what scripts/build_delegations.py produces."""
    spec = importlib.util.spec_from_file_location("build_delegations", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.OUTPUT.read_text(encoding="utf-8") == module.render(module.build_payload())


def test_project_files_never_point_at_the_shared_folder() -> None:
    """The package, its generator and these tests only use files inside the project."""
    shared = "/".join(("", "work", "shared"))
    files = [*(ROOT / "statements" / "reference").glob("*.py"), SCRIPT, Path(__file__)]
    assert not [path for path in files if shared in path.read_text(encoding="utf-8")]


def test_import_does_not_load_django() -> None:
    """The reference package is pure standard library."""
    code = (
        "import sys, statements.reference as r; r.lookup_delegation('Iran'); "
        "assert not [m for m in sys.modules if m.split('.')[0] == 'django'], 'django imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_normalization_cache_keeps_no_long_strings():
    from statements.reference import names

    names._normalize_cached.cache_clear()
    long_label = "Minister for Affairs, " * 10_000
    assert names.normalize_name(long_label) == names.normalize_name(long_label)
    assert names._normalize_cached.cache_info().currsize == 0
    assert names.normalize_name("Côte d’Ivoire") == "cote d'ivoire"
    assert names._normalize_cached.cache_info().maxsize == 8192
