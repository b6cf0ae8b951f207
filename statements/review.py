"""A statement's review state: the one definition of its values, labels and meaning.

Pure Python (no Django): the models build their choices from it, the search index stores the
value, and the public pages, exports and the data dictionary explain it in these words.
"""

from __future__ import annotations

from statements.kinds import gettext_noop

AS_PARSED = "as_parsed"
PARSER_WARNING = "parser_warning"
REVIEWED = "reviewed"
CORRECTED = "corrected"

REVIEW_STATES: dict[str, str] = {
    AS_PARSED: gettext_noop("As parsed"),
    PARSER_WARNING: gettext_noop("Parser warning"),
    REVIEWED: gettext_noop("Reviewed"),
    CORRECTED: gettext_noop("Corrected by staff"),
}

MEANINGS: dict[str, str] = {
    AS_PARSED: "written by the parser; no person has checked it, and the parser noted no doubt",
    PARSER_WARNING: "written by the parser, which noted a doubt (given in words); not yet checked",
    REVIEWED: "a member of staff checked it against the release and left it as parsed",
    CORRECTED: "a member of staff corrected what the parser found (who spoke, where it ends, ...)",
}


# The correction that answers each parser warning (by its code): the operation the review page
# preselects, and the form a warning links to on the corrections page (its id is the operation's).
ANSWERS: dict[str, str] = {
    "names_other_delegation": "reassign",
    "unresolved_delegation": "reassign",
    "vote_sentence": "to_narrative",
    "much_longer": "split",
}


def parsed_state(warnings: list[str] | tuple[str, ...]) -> str:
    """The state of a statement no person has touched."""
    return PARSER_WARNING if warnings else AS_PARSED


def warning_words(warning: str) -> str:
    """A parser warning ("code: message") as a reader reads it: the message."""
    code, sep, message = warning.partition(": ")
    return message if sep and code.replace("_", "").isalpha() and code.islower() else warning
