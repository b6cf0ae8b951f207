"""Explanations of vote linked by what they say and where they stand, against the gold list."""

from __future__ import annotations

from statements.parsing.decisions import ParsedDecision
from statements.parsing.model import ParsedNarrative, ParsedStatement
from statements.parsing.vote_links import vote_links
from statements.parsing.votes import ParsedVote
from tests.decisions.explanation_score import score


def test_linker_meets_the_goal_on_the_gold_list() -> None:
    result = score()
    assert result.releases >= 28 and result.gold >= 30
    assert result.precision >= 0.95 and result.recall >= 0.85, result
    # The goal holds on the real releases alone, not only thanks to the composed ones.
    real = score("real")
    assert real.gold >= 36 and real.precision >= 0.95 and real.recall >= 0.85, real


def _decision(sequence: int, paragraph: int, symbol: str, kind: str, **fields) -> ParsedDecision:
    base = {
        "sequence": sequence,
        "paragraph": paragraph,
        "subject_symbols": (symbol,),
        "subject_title": None,
        "subject_kind": kind,
        "action": "adopted",
        "method": "recorded",
        "yes": None,
        "no": None,
        "abstain": None,
        "absent": None,
        "votes": (),
        "text": "",
    }
    return ParsedDecision(**{**base, **fields})


def _statement(sequence: int, paragraph: int, label: str, text: str) -> ParsedStatement:
    fields = dict.fromkeys(ParsedStatement.__dataclass_fields__)
    fields.update(
        sequence=sequence,
        paragraph=paragraph,
        delegation_label=label,
        text=text,
        kind="statement",
        warnings=(),
    )
    return ParsedStatement(**fields)


AMENDMENT = _decision(
    1, 3, "A/C.3/71/L.64", "amendment", votes=(ParsedVote("Chile", "abstaining"),)
)
DRAFT = _decision(
    2, 4, "A/C.3/71/L.46", "draft_resolution", votes=(ParsedVote("Chile", "in_favour"),)
)


def test_an_abstention_on_the_draft_is_not_linked_to_the_amendment() -> None:
    said = _statement(1, 6, "Ghana", "Explaining her abstention on the draft, she said ...")
    assert vote_links([said], [AMENDMENT, DRAFT]) == ((1, 2),)


def test_on_the_amendment() -> None:
    said = _statement(1, 6, "Ghana", "She said her delegation had abstained on the amendment.")
    assert vote_links([said], [AMENDMENT, DRAFT]) == ((1, 1),)


def test_the_recorded_vote_singles_out_the_decision() -> None:
    said = _statement(1, 6, "Chile", "Speaking after the vote, he said Chile had abstained.")
    assert vote_links([said], [AMENDMENT, DRAFT]) == ((1, 1),)


def test_a_statement_may_explain_several_decisions() -> None:
    said = _statement(1, 6, "Peru", "He said Peru voted against A/C.3/71/L.64 and for L.46.")
    assert vote_links([said], [AMENDMENT, DRAFT]) == ((1, 1), (1, 2))


def test_uncertain_means_no_link() -> None:
    said = _statement(1, 6, "Peru", "Speaking in explanation of vote, he regretted the process.")
    assert vote_links([said], [AMENDMENT, DRAFT]) == ()


def test_a_vote_explains_no_text_adopted_without_one() -> None:
    consensus = _decision(1, 3, "A/74/L.99", "draft_resolution", method="without_vote")
    voted = _decision(2, 4, "A/74/L.98", "draft_resolution")
    said = _statement(1, 6, "Cuba", "She said her delegation had voted against the draft.")
    assert vote_links([said], [consensus, voted]) == ((1, 2),)


def test_before_the_vote_is_the_next_vote_when_votes_and_speeches_alternate() -> None:
    first = _decision(1, 3, "S/2024/1", "draft_resolution")
    second = _decision(2, 6, "S/2024/2", "draft_resolution")
    said = _statement(1, 5, "Malta", "Speaking before the vote, she said the text was balanced.")
    other = _statement(2, 4, "Japan", "He welcomed the adoption.")
    assert vote_links([other, said], [first, second]) == ((2, 1), (1, 2))


def test_french_explanations() -> None:
    draft = _decision(1, 3, "A/C.3/79/L.5", "draft_resolution")
    abstained = _statement(
        1, 5, "France", "La représentante de la France s’est abstenue sur le texte."
    )
    before = _statement(2, 2, "Chili", "Avant le vote, le Chili a dit soutenir le projet.")
    assert vote_links([abstained, before], [draft]) == ((1, 1), (2, 1))


def test_positions_said_in_other_words_explain_the_one_text() -> None:
    draft = _decision(1, 3, "A/72/L.12", "draft_resolution")
    said = [
        _statement(1, 4, "United States", "The representative, having called for a vote, said"),
        _statement(2, 5, "Mexico", "Mexico’s representative, disassociating from the text, said"),
        _statement(3, 6, "Viet Nam", "Viet Nam’s delegate expressed support for the draft."),
        _statement(4, 7, "Inde", "Les délégations se sont jointes au consensus sur ce texte."),
        _statement(5, 8, "Norway", "Norway’s delegate underscored that fisheries mattered."),
    ]
    assert vote_links(said, [draft]) == ((1, 1), (2, 1), (3, 1), (4, 1))


def test_a_council_member_speaking_of_the_text_voted_on_explains_that_vote() -> None:
    resolution = _decision(1, 2, "resolution 2602 (2021)", "resolution", method="non_recorded")
    noted = _statement(1, 5, "Kenya", "Kenya noted the resolution gives full support to the Envoy.")
    introducing = _statement(2, 4, "United States", "Introducing the text, she said ...")
    assert vote_links([noted, introducing], [resolution], body="Security Council") == ((1, 1),)
    # Elsewhere, or when the meeting took several decisions, the words alone settle nothing.
    assert vote_links([noted], [resolution], body="Third Committee") == ()
    other = _decision(2, 3, "resolution 2603 (2021)", "resolution", method="non_recorded")
    assert vote_links([noted], [resolution, other], body="Security Council") == ()


def test_an_observer_has_no_vote_to_explain() -> None:
    draft = _decision(1, 2, "E/CN.6/2010/L.1", "draft_resolution")
    observer = _statement(
        1, 3, "Palestine", "Speaking after the vote, the Permanent Observer of Palestine said ..."
    )
    member = _statement(2, 4, "Italy", "Speaking after the vote, Italy said it had abstained.")
    assert vote_links([observer, member], [draft]) == ((2, 1),)


def test_the_release_announcing_explanations_lends_its_cue_to_the_paragraph() -> None:
    decision = _decision(1, 2, "A/C.1/60/L.55", "draft_decision")
    announced = ParsedNarrative(
        paragraph=3, text="Several delegations took the floor to explain their abstention.", kind=""
    )
    jamaica = _statement(1, 3, "Jamaica", "Jamaica's speaker said her delegation was disappointed.")
    later = _statement(2, 4, "Peru", "Peru's speaker said the instrument was disappointing.")
    assert vote_links([jamaica, later], [decision], narrative=[announced]) == ((1, 1),)
    assert vote_links([jamaica, later], [decision]) == ()


def test_judging_the_adoption_of_the_text_is_a_position_on_it() -> None:
    # Real wording: gal3654 (Sixth Committee, 2021) and the decolonization release sc13197.
    draft = _decision(1, 3, "A/C.6/76/L.5", "draft_resolution", method="without_vote")
    judged = _statement(
        1,
        5,
        "Slovenia",
        "Slovenia’s delegate emphasized that approval of the draft resolution signals inaction.",
    )
    hoped = _statement(
        2, 6, "Cuba", "“The adoption of this text with the support of all members” would help."
    )
    french = _statement(3, 7, "Mali", "Le Mali a salué l’adoption du texte.")
    introducing = _statement(
        4,
        2,
        "Singapore",
        "Introducing the draft, he called for the adoption of the draft resolution.",
    )
    other = _statement(5, 8, "Peru", "Peru’s delegate said the Commission’s articles mattered.")
    found = vote_links([judged, hoped, french, introducing, other], [draft])
    assert found == ((1, 1), (2, 1), (3, 1))


def test_the_council_penholder_speaks_to_the_one_text_voted_on() -> None:
    # Real wording: "NICOLAS DE RIVIÈRE (France), speaking as penholder, said ..." (2021-06-29).
    resolution = _decision(1, 2, "resolution 2624 (2022)", "resolution", method="non_recorded")
    penholder = _statement(
        1,
        5,
        "United Kingdom",
        "WOODWARD (United Kingdom), speaking as penholder, said the designation responds.",
    )
    system = _statement(
        2,
        6,
        "Mexico",
        "Addressing concerns about the penholder system, he said elected members mattered.",
    )
    assert vote_links([penholder, system], [resolution], body="Security Council") == ((1, 1),)
    assert vote_links([penholder], [resolution], body="Third Committee") == ()


def test_the_council_member_named_as_the_texts_author_speaks_to_it() -> None:
    # Real wording: cs14139 (2020) "a adopté à l’unanimité une résolution, présentée par les
    # États-Unis, dans laquelle ..."; and "en sa qualité de porte-plume".
    sentence = "Le Conseil a adopté à l’unanimité une résolution, présentée par les États-Unis, ..."
    resolution = _decision(1, 3, "resolution 2513 (2020)", "resolution", text=sentence)
    author = _statement(1, 4, "États-Unis", "Le 29 février, ont déclaré les États-Unis, nous ...")
    other = _statement(2, 5, "Chine", "La Chine a rappelé le rôle des pays voisins.")
    penholder = _statement(3, 6, "France", "La France, en sa qualité de porte-plume, a salué ...")
    found = vote_links([author, other, penholder], [resolution], body="Security Council")
    assert found == ((1, 1), (3, 1))
    assert vote_links([author], [resolution], body="Third Committee") == ()
    bissau = _decision(
        1, 3, "resolution 2048 (2012)", "resolution", text="sponsored by Guinea-Bissau"
    )
    guinea = _statement(1, 4, "Guinea", "Guinea's representative recalled the coup.")
    assert vote_links([guinea], [bissau], body="Security Council") == ()
