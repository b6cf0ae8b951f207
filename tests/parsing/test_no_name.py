"""No-name attributions ("The representative of Brazil said") and quotation sources."""

from __future__ import annotations

import pytest

from statements.parsing.no_name import anonymous_attributions, quote_source, sentence_starts


@pytest.mark.parametrize(
    ("paragraph", "label", "code"),
    [
        ("The representative of Brazil said the Council must act.", "Brazil", "BRA"),
        ("The representative of the Maldives said her country acted.", "Maldives", "MDV"),
        ("Kenya’s representative said pastoralists suffer.", "Kenya", "KEN"),
        ("Norway’s delegate said her country would help.", "Norway", "NOR"),
        ("The United Kingdom’s representative welcomed it.", "United Kingdom", "GBR"),
        ("Her counterpart from Chile stressed that islands suffer.", "Chile", "CHL"),
        ("Also speaking, the representative of Norway said it abstained.", "Norway", "NOR"),
        ("Trinidad and Tobago’s delegate noted progress.", "Trinidad and Tobago", "TTO"),
    ],
)
def test_no_name_forms(paragraph: str, label: str, code: str) -> None:
    """Each no-name form gives the delegation as printed and its code; no speaker."""
    (found,) = anonymous_attributions(paragraph)
    assert (found.speaker, found.label, found.code, found.start) == (None, label, code, 0)


def test_speaking_for_a_group() -> None:
    """Speaking for the Group of 77 and China, the representative of Uganda ..."""
    (found,) = anonymous_attributions(
        "Speaking for the Group of 77 and China, the representative of Uganda said finance lags."
    )
    assert (found.code, found.on_behalf_of) == ("UGA", "Group of 77 and China")


def test_two_delegations_in_one_paragraph() -> None:
    """ "Brazil’s representative said ... Kenya’s representative observed ..." is two statements."""
    paragraph = (
        "Brazil’s representative said climate change multiplies risks.  Kenya’s representative "
        "observed that herders have lost half their livestock."
    )
    first, second = anonymous_attributions(paragraph)
    assert (first.code, second.code) == ("BRA", "KEN")
    assert paragraph[second.start :].startswith("Kenya’s representative")


@pytest.mark.parametrize(
    "paragraph",
    [
        "The representative of Syria had misled the Council, he said.",
        "He agreed with Kenya’s representative that more must be done.",
        "The representatives of Brazil and Chile spoke.",
        "Responding to the representative of Syria, he said the facts are clear.",
        "The Assembly’s adoption of the Declaration was a step forward.",
    ],
)
def test_mentions_that_are_not_attributions(paragraph: str) -> None:
    """Mentions of a delegation inside a sentence, or with "had", are not new speakers."""
    assert anonymous_attributions(paragraph) == []


def test_unknown_country_is_kept_as_printed() -> None:
    """ "The representative of X" with an unknown X keeps the label, unresolved."""
    (found,) = anonymous_attributions("The representative of Freedonia, responding, said no.")
    assert (found.label, found.code) == ("Freedonia", None)


def test_right_of_reply_clause() -> None:
    """The representative of Greece, exercising the right of reply ..., said ..."""
    (found,) = anonymous_attributions(
        "The representative of Greece, exercising the right of reply in response to the "
        "statement made by the delegation of Turkey, said his country acted."
    )
    assert (found.code, found.kind_hint) == ("GRC", "right_of_reply")


def test_official_without_a_name_is_a_briefing() -> None:
    """Briefing the Council, the Under-Secretary-General for ... said ..."""
    (found,) = anonymous_attributions(
        "Briefing the Council, the Under-Secretary-General for Political Affairs said talks stall."
    )
    assert (found.kind_hint, found.title, found.label) == (
        "briefing",
        "Under-Secretary-General for Political Affairs",
        None,
    )


def test_french_no_name_form() -> None:
    """Le représentant du Soudan a déclaré ... (kept as printed)."""
    (found,) = anonymous_attributions("Le représentant du Soudan a déclaré que la paix est proche.")
    assert found.label == "Soudan"


def test_sentence_starts_skip_abbreviations() -> None:
    """ "10 a.m. on" does not start a sentence."""
    text = "It met at 10 a.m. on Monday. Then it rose."
    assert sentence_starts(text) == [0, text.index("Then")]


@pytest.mark.parametrize(
    ("line", "code", "title", "kind"),
    [
        ("Representative of Portugal", "PRT", None, None),
        ("— Minister for Finance of Zambia", "ZMB", "Minister for Finance", None),
        ("Under-Secretary-General for Economic and Social Affairs", None, "Under-Secretary-General "
         "for Economic and Social Affairs", "briefing"),
    ],
)  # fmt: skip
def test_quote_sources(line: str, code: str | None, title: str | None, kind: str | None) -> None:
    """Budget-crisis releases name a quotation's source on its own line."""
    found = quote_source(line)
    assert found is not None
    assert (found.code, found.title, found.kind_hint) == (code, title, kind)


@pytest.mark.parametrize("line", ["Question of Palestine", "Statements", "Right of Reply"])
def test_headings_are_not_quote_sources(line: str) -> None:
    """Headings that end in a country name are not sources."""
    assert quote_source(line) is None


def test_both_sentence_starts_match_the_two_splits_on_every_golden_paragraph():
    """One scan gives what SENTENCE_BREAK and sentence_starts() give apart, abbreviations,
    French capitals and closing quotation marks included."""
    from pathlib import Path

    from statements.parsing.no_name import both_sentence_starts
    from statements.parsing.reporting import _sentence_starts

    tricky = "Mr. Doe spoke. « Non », dit-il. Ébahi, M. X a dit: “Yes.” Then U.S. aid. Fin."
    golden = Path(__file__).parent / "golden"
    paragraphs = [tricky] + [
        part for path in sorted(golden.glob("*.txt")) for part in path.read_text().split("\n\n")
    ]
    assert len(paragraphs) > 100
    for paragraph in paragraphs:
        assert both_sentence_starts(paragraph) == (
            _sentence_starts(paragraph),
            sentence_starts(paragraph),
        )
    assert both_sentence_starts(tricky)[0] != both_sentence_starts(tricky)[1]
