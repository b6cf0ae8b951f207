"""Speakers lists and their comparison with the statements found."""

from __future__ import annotations

import pytest

from statements.parsing.crosscheck import crosscheck, dedupe_labels, speakers_list_labels


@pytest.mark.parametrize(
    ("paragraph", "labels"),
    [
        (
            "Also delivering statements were Government ministers and representatives of Sierra "
            "Leone, Trinidad and Tobago, Armenia and the Russian Federation.",
            ["Sierra Leone", "Trinidad and Tobago", "Armenia", "Russian Federation"],
        ),
        (
            "Representatives of Holy See and the League of Arab States spoke in their capacity "
            "as observers.",
            ["Holy See", "League of Arab States"],
        ),
        (
            "Speaking in the exercise of the right of reply were representatives of Greece and "
            "Belarus.",
            ["Greece", "Belarus"],
        ),
        (
            "Also speaking were the representatives of Bosnia and Herzegovina and Serbia, as well "
            "as the observers for the Holy See and the State of Palestine.",
            ["Bosnia and Herzegovina", "Serbia", "Holy See", "State of Palestine"],
        ),
        (
            "Statements in explanation of position were made by the representatives of the "
            "Philippines, Canada and Cuba.",
            ["Philippines", "Canada", "Cuba"],
        ),
    ],
)
def test_speakers_list_labels(paragraph: str, labels: list[str]) -> None:
    """Lists split on commas and "and", keeping names that contain "and"."""
    assert speakers_list_labels(paragraph) == labels


def test_crosscheck_reports_both_directions() -> None:
    """A listed delegation without a statement and a statement not listed are both reported."""
    warnings = crosscheck(["Japan", "Brazil"], ["Kenya"], ["Brazil", "Kenya", "Chile"])
    assert warnings == [
        "Listed as speaking but no statement found: Japan",
        "Statement by Chile not in the speakers list",
    ]


def test_crosscheck_matches_variants_by_code() -> None:
    """ "Syria" in a list matches "Syrian Arab Republic" in a statement."""
    assert crosscheck(["Syria", "Türkiye"], [], ["Syrian Arab Republic", "Turkey"]) == []


def test_dedupe_keeps_first_label() -> None:
    """The speakers list keeps each delegation once, as first printed."""
    assert dedupe_labels(["Turkey", "Türkiye", "Chile"]) == ("Turkey", "Chile")
