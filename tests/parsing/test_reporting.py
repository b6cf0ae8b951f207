"""Attribution by grammar: a subject that names a delegation and a reporting predicate."""

from __future__ import annotations

import pytest

from statements.parsing.assemble import attributions
from statements.parsing.reporting import reported_attributions

SPEAKS = [
    # something before the speaker inside a paragraph
    ("In a similar vein, Peru’s representative stressed that mandates had to be clear.", ["PER"]),
    (
        "Kenya’s delegate spoke first, while the representative of Chile insisted on dialogue.",
        ["KEN", "CHL"],
    ),
    (
        "Le Kenya a ouvert le débat, alors que le représentant du Pérou a souligné l’urgence.",
        ["KEN", "PER"],
    ),
    ("Peacekeeping was the most visible activity, said Kenya’s delegate.", ["KEN"]),
    # a clause between speaker and verb
    ("The representative of Peru, whose country hosts a mission, said mandates mattered.", ["PER"]),
    ("Ghana’s delegate, noting the rise in attacks, asked for better evacuation.", ["GHA"]),
    (
        "Many raised funding, including the representative of Nepal, who urged prompt payment.",
        ["NPL"],
    ),
    ("Indonesia, speaking as a country concerned, said that hosts had to be consulted.", ["IDN"]),
    (
        "Speaking after the vote, Richard M. Mills, Jr., (United States) called for restraint.",
        ["USA"],
    ),
    # French inversions with any verb and with a person as subject
    ("Il n’y a pas de paix sans développement, a renchéri le Mali.", ["MLI"]),
    ("Les pays hôtes doivent être consultés, ont prévenu les Philippines.", ["PHL"]),
    (
        "La coopération doit se faire dans les deux sens, a indiqué le représentant de la Namibie.",
        ["NAM"],
    ),
    ("Comme l’a rappelé le Chili, le dialogue reste la seule voie.", ["CHL"]),
    # heads of State and Government by title, groups, adjectives, opinions, joint subjects
    ("The Prime Minister of Fiji told the Council that island States were ready.", ["FJI"]),
    ("Le Groupe des États d’Afrique a critiqué la lenteur des remboursements.", ["AFRICAN-GROUP"]),
    ("The Israeli delegate warned against a vote.", ["ISR"]),
    ("La délégation suédoise s’est félicitée des progrès accomplis.", ["SWE"]),
    ("Pour l’Allemagne, la sensibilisation doit rester une priorité.", ["DEU"]),
    (
        "La Chine et Cuba ont également pris la parole pour souligner que la solidarité compte.",
        ["CHN", "CUB"],
    ),
    ("…, with Colombia’s representative stating that the claim was valid.", ["COL"]),
]

SILENT = [
    "The Council thanked the representative of Peru for his briefing.",
    "Troops from Peru, Chile and Uruguay were deployed to the region.",
    "The Japanese delegation abstained, said nothing and left.",
    "Sans s’être porté candidat, le Venezuela a reçu une voix.",
    "The talks in Abuja, Nigeria, endorsed the deadline.",
    "Le Costa Rica, qui remplacera le Pérou, a été élu par 179 voix.",
    "The representative of Argentina, speaking also for Mexico and Sierra Leone, noted gaps.",
]


def _codes(text: str) -> list[str]:
    """The delegations a paragraph gives words to, joint subjects first, in order."""
    found = []
    for attribution in attributions(text):
        found += [joint.code for joint in attribution.joint]
        found.append(attribution.code)
    return found


@pytest.mark.parametrize(("text", "codes"), SPEAKS, ids=lambda v: str(v)[:40])
def test_a_delegation_that_speaks_is_found(text: str, codes: list[str]) -> None:
    """Each pattern of the issue finds its speakers, in printed order."""
    assert _codes(text) == codes


@pytest.mark.parametrize("text", SILENT, ids=lambda v: v[:40])
def test_a_delegation_spoken_of_is_not_a_speaker(text: str) -> None:
    """Objects, places, votes, elections and those spoken for are not speakers."""
    assert _codes(text) in ([], ["ARG"])


def test_the_statement_starts_where_the_clause_starts() -> None:
    """A second speaker after "while" takes the words from "while" on, not the first speaker’s."""
    text = "Kenya’s delegate spoke first, while the representative of Chile insisted on dialogue."
    chile = [a for a in reported_attributions(text) if a.code == "CHL"][0]
    assert text[chile.start :].startswith("while the representative of Chile")


def test_a_chair_named_with_a_country_briefs() -> None:
    """ "The Committee’s Chair, NAME (Romania), told" is the chair, not Romania."""
    text = "That task was not complete, the Committee’s Chair, Ana Pop (Romania), told delegations."
    assert [a.kind_hint for a in reported_attributions(text)] == ["briefing"]
