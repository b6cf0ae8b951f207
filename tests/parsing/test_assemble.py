"""Grouping paragraphs into statements: continuations, sections, summaries, non-statements."""

from __future__ import annotations

from statements.parsing import ParsedRelease, parse_press_release

HEADER = "Security Council\n7001st Meeting (AM)\nSC/11001\n14 March 2013\n\nCouncil Meets\n\n"


def parse(body: str) -> ParsedRelease:
    """Parse a small Security Council release with the given body."""
    return parse_press_release(HEADER + body)


def test_continuation_paragraphs_belong_to_the_previous_speaker() -> None:
    """ "Emphasizing that ..., she said ..." continues the statement before it."""
    parsed = parse(
        "JANE DOE (Norway) said peace matters.\n\n"
        "Emphasizing that talks must resume, she said Norway stands ready to help.\n\n"
        "JOHN ROE (Chile) said he agreed.\n"
    )
    first, second = parsed.statements
    assert first.text.endswith("Norway stands ready to help.")
    assert first.text.count("\n\n") == 1
    assert second.speaker == "JOHN ROE"


def test_headings_votes_and_procedure_end_a_statement() -> None:
    """Narrative after a statement is not appended to it."""
    parsed = parse(
        "JANE DOE (Norway) said peace matters.\n\n"
        "By a vote of 13 in favour to none against, with 2 abstentions, the Council adopted it.\n\n"
        "In favour: Albania, Brazil.\n\n"
        "The meeting began at 10:05 a.m. and ended at 12:40 p.m.\n\n"
        "Background\n\n"
        "The Mission was established in 2013 and has 13,000 personnel.\n"
    )
    (only,) = parsed.statements
    assert only.text == "JANE DOE (Norway) said peace matters."


def test_quoted_resolution_text_is_skipped() -> None:
    """The quoted resolution is not a statement and is not appended to one."""
    parsed = parse(
        "JANE DOE (Norway) said peace matters.\n\n"
        "The full text of resolution 2100 (2013) reads as follows:\n\n"
        "“The Security Council,\n\n"
        "“Recalling its previous resolutions,\n\n"
        "“1.  Decides to remain seized of the matter.”\n\n"
        "Speaking after the vote, the representative of France said the text was balanced.\n"
    )
    assert [s.delegation_code for s in parsed.statements] == ["NOR", "FRA"]
    assert "Recalling" not in parsed.statements[0].text


def test_right_of_reply_section() -> None:
    """Statements under a "Right of Reply" heading are replies."""
    parsed = parse(
        "JANE DOE (Norway) said peace matters.\n\nRight of Reply\n\n"
        "The representative of Syria said the allegations were false.\n"
    )
    assert [s.kind for s in parsed.statements] == ["statement", "right_of_reply"]


def test_lead_mentions_become_summaries_of_full_statements() -> None:
    """A lead mention (named or not) links to the full statement given later."""
    parsed = parse(
        "Briefing the Council, Jeffrey Doe, Under-Secretary-General for Political Affairs, said "
        "the talks had stalled.\n\n"
        "The representative of Norway said the Council must act.\n\n"
        "Statements\n\n"
        "JEFFREY DOE, Under-Secretary-General for Political Affairs, said the talks had stalled "
        "for many reasons.\n\n"
        "JANE DOE (Norway) said peace matters.\n"
    )
    kinds = [(s.kind, s.summary_of) for s in parsed.statements]
    assert kinds == [("summary", 3), ("summary", 4), ("briefing", None), ("statement", None)]


def test_same_delegation_in_one_paragraph_is_one_statement() -> None:
    """ "The representative of Norway said ... Norway’s delegate added ..." is one statement."""
    parsed = parse(
        "Statements\n\n"
        "The representative of Norway said peace matters.  Norway’s delegate added that aid must "
        "flow.  Chile’s representative disagreed.\n"
    )
    assert [s.delegation_code for s in parsed.statements] == ["NOR", "CHL"]
    assert parsed.statements[0].text.endswith("aid must flow.")


def test_point_of_order() -> None:
    """A speaker raising a point of order is recorded as such."""
    parsed = parse("JOHN ROE (Syria), speaking on a point of order, said the speaker digressed.\n")
    assert parsed.statements[0].kind == "point_of_order"


def test_unknown_delegation_is_kept_and_flagged() -> None:
    """An unresolved label is kept as printed with a warning for staff."""
    parsed = parse("JOHN ROE (Freedonia) said peace matters.\n")
    statement = parsed.statements[0]
    assert (statement.delegation_label, statement.delegation_code) == ("Freedonia", None)
    assert any("'Freedonia'" in w and "reference list" in w for w in parsed.warnings)
