"""What a statement row is: one list of fields for the exports, the API, the dump and the data
dictionary, so that their names agree."""

from __future__ import annotations

from dataclasses import dataclass

from statements.kinds import STATEMENT_KINDS, in_words
from statements.review import REVIEW_STATES

LIST_SEPARATOR = ";"  # between the values of a list in a CSV cell


@dataclass(frozen=True)
class Field:
    """One column of an export or one property of an API object, as the dictionary lists it."""

    name: str
    type: str  # integer, string, date, datetime, url, boolean
    description: str
    lookup: str | None = None  # the ORM path of a stored value; None for a computed one
    many: bool = False
    nullable: bool = False

    @property
    def is_text(self) -> bool:
        return self.type == "string" and not self.many


def field_def(name: str, type_: str, description: str, lookup: str | None = "", **kw) -> Field:
    """A field whose lookup defaults to its own name (None: computed)."""
    return Field(name, type_, description, lookup=name if lookup == "" else lookup, **kw)


STATEMENT_FIELDS: tuple[Field, ...] = (
    field_def("id", "integer", "Stable statement id; it survives a re-import of the release."),
    field_def("permalink", "url", "Permanent public URL of the statement.", None),
    field_def("date", "date", "Date of the meeting (YYYY-MM-DD)."),
    field_def("body", "string", "UN body that met, e.g. General Assembly.", "meeting__body__name"),
    field_def(
        "body_slug",
        "string",
        "Stable key of the body, e.g. general-assembly.",
        "meeting__body__slug",
    ),
    field_def(
        "session", "integer", "Session number, when known.", "meeting__session", nullable=True
    ),
    field_def("meeting_id", "integer", "Id of the meeting (see meetings)."),
    field_def(
        "meeting_numbers",
        "integer",
        "Number(s) of the meeting(s) the release covers, e.g. 38 or 38;39.",
        "meeting__numbers",
        many=True,
    ),
    field_def("meeting_part", "string", "AM, PM, AM & PM, PM & Night, or empty.", "meeting__part"),
    field_def(
        "release_symbol",
        "string",
        "Press release symbol, e.g. GA/12388.",
        "meeting__release__symbol",
    ),
    field_def(
        "release_url", "string", "The release on un.org, or empty.", "meeting__release__source_url"
    ),
    field_def(
        "language",
        "string",
        "Language of the release the statement is read from (BCP 47: en, fr).",
        "meeting__release__language",
    ),
    field_def("sequence", "integer", "Order of the paragraph within the release, from 1."),
    field_def("kind", "string", in_words(STATEMENT_KINDS) + "."),
    field_def(
        "speaker", "string", "Speaker's name (the resolved person).", "speaker__name", nullable=True
    ),
    field_def(
        "speaker_slug", "string", "Stable key of the speaker.", "speaker__slug", nullable=True
    ),
    field_def("speaker_label", "string", "Speaker's name exactly as printed in the release."),
    field_def(
        "delegation",
        "string",
        "Delegation, by its UN short name.",
        "delegation__name",
        nullable=True,
    ),
    field_def(
        "delegation_code",
        "string",
        "Delegation code: ISO 3166-1 alpha-3 for States, a short code otherwise.",
        "delegation__code",
        nullable=True,
    ),
    field_def(
        "delegation_iso3",
        "string",
        "ISO 3166-1 alpha-3 code of a State; empty for other delegations.",
        "delegation__iso3",
        nullable=True,
    ),
    field_def("delegation_label", "string", "Delegation exactly as printed in the release."),
    field_def("title", "string", "Title or office the speaker held that day."),
    field_def("on_behalf_of", "string", "Group or delegation spoken for, as printed."),
    field_def(
        "on_behalf_of_code",
        "string",
        "Code of the group or delegation spoken for, when it resolves.",
        "on_behalf_of_delegation__code",
        nullable=True,
    ),
    field_def(
        "aligned_with", "string", "Groups or delegations the speaker aligned with, as printed."
    ),
    field_def(
        "summary_of_id",
        "integer",
        "For a lead-paragraph summary: the id of the statement it summarizes.",
        nullable=True,
    ),
    field_def(
        "themes", "string", "Theme slugs (see themes), staff corrections applied.", None, many=True
    ),
    field_def("text", "string", "What was said, as the press release reports it."),
    field_def(
        "review_state",
        "string",
        in_words(REVIEW_STATES)
        + ": written by the parser with no doubt noted, with a doubt noted (see "
        "parser_warnings), checked by staff, or corrected by staff.",
    ),
    field_def(
        "parser_warnings",
        "string",
        "The parser's doubts about this statement, each as code: words (kept after a "
        "review). Codes: names_other_delegation, vote_sentence, much_longer, "
        "unresolved_delegation.",
        many=True,
    ),
    field_def(
        "review_date",
        "date",
        "When staff last reviewed or corrected it (YYYY-MM-DD).",
        nullable=True,
    ),
)
STATEMENT_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in STATEMENT_FIELDS)
