"""Elections: who was elected to what, by acclamation or by vote."""

from __future__ import annotations

from statements.parsing.elections import _ELECT, _may_elect, extract_elections


def _read(text: str) -> list[tuple]:
    return [
        (e.person, e.delegation_code, e.office, e.method, e.votes)
        for e in extract_elections([(1, text)])
    ]


def test_officers_by_acclamation_each_with_their_office() -> None:
    text = (
        "The Committee elected by acclamation Jane Doe (Norway) as its Chair. It also elected "
        "John Roe (Peru) and Ann Poe (Kenya) as Vice-Chairs, and Li Wei (China) as Rapporteur."
    )
    assert _read(text) == [
        ("Jane Doe", "NOR", "Chair", "acclamation", None),
        ("John Roe", "PER", "Vice-Chairs", "", None),
        ("Ann Poe", "KEN", "Vice-Chairs", "", None),
        ("Li Wei", "CHN", "Rapporteur", "", None),
    ]


def test_states_elected_by_vote_with_their_votes() -> None:
    text = "Brazil was elected with 182 votes, and Gabon with 184 votes, as non-permanent members."
    assert _read(text) == [
        (None, "BRA", "non-permanent members", "vote", 182),
        (None, "GAB", "non-permanent members", "vote", 184),
    ]


def test_french_elections_and_the_seat_replaced_is_not_elected() -> None:
    assert _read("M. Jean Dupont (France) a été élu Président par acclamation.") == [
        ("Jean Dupont", "FRA", "Président", "acclamation", None)
    ]
    text = "Le Costa Rica, qui remplacera le Pérou, a été élu par 179 voix sur 189."
    assert _read(text) == [(None, "CRI", "member", "vote", 179)]


def test_a_sentence_without_an_election_yields_nothing() -> None:
    assert _read("The Committee elected to defer the item. Jane Doe (Norway) spoke.") == []


def test_the_election_pretest_never_hides_a_match() -> None:
    """Each letter of the words _ELECT needs, replaced by any character of the Basic Multilingual
    Plane, still passes the plain pre-test wherever the case-blind pattern matches."""
    for word in ("elect", "élu", "élit"):
        for index in range(len(word)):
            for code in range(0x10000):
                text = f"was {word[:index]}{chr(code)}{word[index + 1 :]} by"
                assert not _ELECT.search(text) or _may_elect(text), (word, index, hex(code))
