"""Named attributions: every printed form of "NAME (Country) said"."""

from __future__ import annotations

import pytest

from statements.parsing.speakers import name_style, named_attribution


def test_caps_name_with_country_in_brackets() -> None:
    """JUAN FRANCISCO GALLI (Chile) said ..."""
    found = named_attribution("JUAN FRANCISCO GALLI (Chile) said his Government supports it.")
    assert found is not None
    assert (found.speaker, found.label, found.code, found.title) == (
        "JUAN FRANCISCO GALLI",
        "Chile",
        "CHL",
        None,
    )


def test_mixed_case_name_needs_a_known_country() -> None:
    """Jane Doe (Norway) said ...; but "Many States (including X)" is not a speaker."""
    found = named_attribution("Jane Doe (Norway) said the Council must act.")
    assert found is not None and (found.speaker, found.code) == ("Jane Doe", "NOR")
    assert named_attribution("Many Member States (including small ones) said so.") is None


@pytest.mark.parametrize(
    ("paragraph", "title", "label", "code"),
    [
        (
            "BAINDU DASSAMA-KAMARA, Minister for Social Welfare of Sierra Leone, said more",
            "Minister for Social Welfare",
            "Sierra Leone",
            "SLE",
        ),
        (
            "TARIQ AHMAD, Minister for State for South Asia and the Commonwealth of the United "
            "Kingdom, said the report",
            "Minister for State for South Asia and the Commonwealth",
            "United Kingdom",
            "GBR",
        ),
        (
            "AJAY KUMAR MISHRA, Minister of State for Home Affairs of India, noted that",
            "Minister of State for Home Affairs",
            "India",
            "IND",
        ),
        (
            "ANA RUIZ, Minister for Foreign Affairs, International Trade and Worship of "
            "Argentina, said",
            "Minister for Foreign Affairs, International Trade and Worship",
            "Argentina",
            "ARG",
        ),
    ],
)
def test_name_with_title_and_country(paragraph: str, title: str, label: str, code: str) -> None:
    """NAME, Minister for X of Country, said ..."""
    found = named_attribution(paragraph)
    assert found is not None
    assert (found.title, found.label, found.code) == (title, label, code)


def test_on_behalf_of_a_person() -> None:
    """NAME, speaking on behalf of Person, Deputy Prime Minister of Country, said ..."""
    found = named_attribution(
        "DAVIT KNYAZYAN, speaking on behalf of Mher Grigoryan, Deputy Prime Minister of Armenia, "
        "said nations must act."
    )
    assert found is not None
    assert found.on_behalf_of == "Mher Grigoryan, Deputy Prime Minister of Armenia"
    assert (found.code, found.title) == ("ARM", None)


def test_on_behalf_of_a_group() -> None:
    """NAME (Country), speaking on behalf of the Group of 77 and China, said ..."""
    found = named_attribution(
        "AHMED ELSHANDAWILY (Egypt), speaking on behalf of the Group of 77 and China, said x."
    )
    assert found is not None
    assert (found.code, found.on_behalf_of) == ("EGY", "Group of 77 and China")


def test_associating_with_the_european_union() -> None:
    """ "associating himself with the European Union" fills aligned_with."""
    found = named_attribution(
        "BENEDETTO DELLA VEDOVA, Deputy Minister for Foreign Affairs of Italy, associating "
        "himself with the European Union, said that"
    )
    assert found is not None
    assert (found.code, found.aligned_with) == ("ITA", "European Union")


def test_observer() -> None:
    """NAME, observer for the Holy See, ..."""
    found = named_attribution("FREDRIK HANSEN, observer for the Holy See, pointed out that")
    assert found is not None
    assert (found.label, found.code, found.title) == ("Holy See", "VAT", None)


def test_council_president_in_national_capacity() -> None:
    """NAME (Country), Council President for March, speaking in her national capacity, ..."""
    found = named_attribution(
        "JANE DOE (Norway), Council President for March, speaking in her national capacity, said"
    )
    assert found is not None
    assert (found.code, found.title, found.kind_hint) == (
        "NOR",
        "Council President for March",
        None,
    )


def test_un_official_is_a_briefing() -> None:
    """GHADA WALY, Executive Director of the UNODC, said ... is a briefing."""
    found = named_attribution(
        "GHADA WALY, Executive Director of the United Nations Office on Drugs and Crime, said"
    )
    assert found is not None
    assert (found.kind_hint, found.title, found.code) == ("briefing", "Executive Director", "UNODC")


def test_briefing_intro_with_mixed_case_name() -> None:
    """Briefing the Council, Rosemary Doe, Under-Secretary-General for ..., said ..."""
    found = named_attribution(
        "Briefing the Council, Rosemary Doe, Under-Secretary-General for Political and "
        "Peacebuilding Affairs, said the talks had stalled."
    )
    assert found is not None
    assert found.speaker == "Rosemary Doe"
    assert found.kind_hint == "briefing"
    assert found.title == "Under-Secretary-General for Political and Peacebuilding Affairs"


def test_right_of_reply_and_point_of_order_clauses() -> None:
    """Clauses after the name mark replies and points of order."""
    reply = named_attribution("JOHN ROE (Greece), speaking in exercise of the right of reply, said")
    order = named_attribution("JOHN ROE (Greece), speaking on a point of order, said")
    assert reply is not None and reply.kind_hint == "right_of_reply"
    assert order is not None and order.kind_hint == "point_of_order"


def test_french_honorific() -> None:
    """M. JEAN DUPONT (France) a déclaré ..."""
    found = named_attribution("M. JEAN DUPONT (France) a déclaré que la situation est grave.")
    assert found is not None and (found.speaker, found.code) == ("JEAN DUPONT", "FRA")


@pytest.mark.parametrize(
    "paragraph",
    [
        "1. ABDULKHALEQ AL-HOUTHI (alias Abu Yunis) Designation: commander.",
        "SALEH MUSLEH AL-SHAMI (Yemen) Designation: Financier.",
        "The General Assembly, recalling its resolutions, decided to act.",
        "UNICEF, the United Nations Children’s Fund, said that",
        "GENERAL ASSEMBLY ADOPTS TEXT ON OCEANS",
    ],
)
def test_not_attributions(paragraph: str) -> None:
    """Annex entries, resolution text, acronyms and headlines are not speakers."""
    assert named_attribution(paragraph) is None


@pytest.mark.parametrize(
    ("name", "style"),
    [
        ("MARÍA DEL CARMEN SQUEFF", "caps"),
        ("GENNADY V. KUZMIN", "caps"),
        ("DONAL McDONALD", "caps"),
        ("Rafael Darío Ramírez Carreño", "mixed"),
        ("the representative", None),
        ("de LA FUENTE", None),
    ],
)
def test_name_styles(name: str, style: str | None) -> None:
    """Names are recognised in capitals or in mixed case."""
    assert name_style(name) == style


def test_rank_stays_in_the_printed_name() -> None:
    """Archbishop PAUL RICHARD GALLAGHER, Secretary for Relations with States of the Holy See."""
    found = named_attribution(
        "Archbishop PAUL RICHARD GALLAGHER, Secretary for Relations with States of the Holy See, "
        "said peace is possible."
    )
    assert found is not None
    assert (found.speaker, found.code, found.title) == (
        "Archbishop PAUL RICHARD GALLAGHER",
        "VAT",
        "Secretary for Relations with States",
    )


def test_presiding_officer_resolves_to_the_office() -> None:
    """NAME, President of the General Assembly, said ... resolves to the office itself."""
    found = named_attribution("ABDULLA SHAHID, President of the General Assembly, said that")
    assert found is not None
    assert (found.code, found.kind_hint) == ("UN-PGA", "briefing")
