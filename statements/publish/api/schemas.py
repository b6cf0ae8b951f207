"""Pydantic schemas of the API: objects built from the export's field definitions, envelopes,
and the query parameters of each list (the statement list's from the UI's StatementFilter)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from django_filters import ChoiceFilter
from ninja import Field, Schema
from pydantic import PlainSerializer, StringConstraints, create_model

from statements.models import Delegation
from statements.publish.api.resources import RESOURCES, Resource
from statements.publish.exports.fields import STATEMENT_FIELDS
from statements.publish.exports.fields import Field as ExportField
from statements.search.filters import MAX_VALUES, PartialDateFilter, QueryFilter, StatementFilter

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
# A year from 1900, a month, or a real day (leap days included): exactly what the filters read.
_YEAR = r"(?:19|20)\d\d"
_MONTH_DAY = (
    r"(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31"
)
_LEAP = r"19(?:0[48]|[2468][048]|[13579][26])|20(?:[02468][048]|[13579][26])"
DATE_PATTERN = rf"^(?:{_YEAR}(?:-(?:0[1-9]|1[0-2]))?|{_YEAR}-(?:{_MONTH_DAY})|(?:{_LEAP})-02-29)$"
SLUG_PATTERN = r"^[-a-z0-9_]{1,120}$"

IsoDateTime = Annotated[datetime, PlainSerializer(lambda value: value.isoformat(), return_type=str)]
Url = Annotated[str, Field(json_schema_extra={"format": "uri"})]
TYPES: dict[str, Any] = {
    "integer": int,
    "number": float,
    "string": str,
    "boolean": bool,
    "date": date,
    "datetime": IsoDateTime,
    "url": Url,
}
DateText = Annotated[str, StringConstraints(pattern=DATE_PATTERN)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]


def object_schema(name: str, fields: tuple[ExportField, ...], description: str) -> type[Schema]:
    """A schema with one required property per field, in the fields' order."""
    properties: dict[str, Any] = {}
    for field in fields:
        kind = TYPES[field.type]
        kind = list[kind] if field.many else kind
        kind = kind | None if field.nullable else kind
        properties[field.name] = (kind, Field(..., description=field.description))
    return create_model(name, __base__=Schema, __doc__=description, **properties)


StatementOut = object_schema("Statement", STATEMENT_FIELDS, "A statement: one export row.")


class Links(Schema):
    self: Url
    next: Url | None


class ListMeta(Schema):
    limit: int
    sort: str = Field(..., description="The order of the list.")


class StatementListMeta(ListMeta):
    total: int = Field(..., description="Statements matching, on all pages.")
    notes: list[str] = Field(
        ..., description="What was corrected in the search (a quote closed, a long query cut)."
    )


class StatementPage(Schema):
    data: list[StatementOut]  # type: ignore[valid-type]
    meta: StatementListMeta
    links: Links


class StatementOne(Schema):
    data: StatementOut  # type: ignore[valid-type]


class ProblemOut(Schema):
    """An RFC 9457 problem document; `error` repeats it as v1 clients read it."""

    type: str
    title: str
    status: int
    detail: str
    code: str
    parameter: str | None = None
    error: dict[str, Any]


def _item_schema(resource: Resource) -> type:
    return object_schema(resource.singular.title(), resource.fields, resource.description)


ITEMS = {name: _item_schema(resource) for name, resource in RESOURCES.items()}
MeetingDetailOut = create_model(
    "MeetingDetail",
    __base__=ITEMS["meetings"],
    statements=(
        list[StatementOut],  # type: ignore[valid-type]
        Field(..., description="Every statement of the release, summaries included, in order."),
    ),
)
ThemeDetailOut = create_model(
    "ThemeDetail",
    __base__=ITEMS["themes"],
    children=(list[str], Field(..., description="Slugs of the themes under this pillar.")),
)
DETAILS = {**ITEMS, "meetings": MeetingDetailOut, "themes": ThemeDetailOut}


def page_schema(name: str) -> type[Schema]:
    """{data, meta, links} of a collection."""
    item = ITEMS[name]
    return create_model(
        f"{item.__name__}Page", __base__=Schema, data=(list[item], ...), meta=(ListMeta, ...),
        links=(Links, ...),
    )  # fmt: skip


def detail_schema(name: str) -> type[Schema]:
    """{data} of one item."""
    detail = DETAILS[name]
    return create_model(f"{detail.__name__}One", __base__=Schema, data=(detail, ...))


PAGES = {name: page_schema(name) for name in RESOURCES}
ONES = {name: detail_schema(name) for name in RESOURCES}


# Query parameters ------------------------------------------------------------------------------

# The statement filters are the research UI's (StatementFilter); this says what each means.
STATEMENT_PARAMETERS = {
    "q": 'Full-text search, as on the site: words are stemmed (English); "exact phrase", '
    "OR, and -word to exclude. Speaker and delegation names weigh more than the text.",
    "delegation": "Delegation code (ISO 3166-1 alpha-3 for States: NOR, BRA; EU, G77 ...). "
    "Repeat for several: any of them.",
    "theme": "Theme slug (see /themes); a pillar includes its themes. Repeat for several: any.",
    "body": "UN body slug, e.g. general-assembly, security-council. Repeat for several: any.",
    "session": "Session number. Repeat for several: any.",
    "kind": "Statement kind. Repeat for several: any. Without it, lead-paragraph summaries "
    "are left out, as on the site.",
    "speaker": "Speaker slug (see /speakers); includes speakers merged into that one. Repeat "
    "for several: any.",
    "review": "Review state: as_parsed, parser_warning, reviewed or corrected. Repeat for "
    "several: any.",
    "language": "Language of the release (en, fr). Repeat for several: any. Without it, a "
    "sitting covered in English and French counts once (its English version); with it, every "
    "statement in that language.",
    "date_from": "On or after this year, month or day: 2021, 2021-11 or 2021-11-23.",
    "date_to": "On or before this year, month or day (a year or month counts to its end).",
    "sort": "relevance (the default with q), newest (the default without) or oldest.",
}


class Paging(Schema):
    cursor: str | None = Field(
        None, min_length=1, max_length=1000,
        description="Opaque cursor from links.next of the previous page.",
    )  # fmt: skip
    limit: int = Field(
        DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Items a page (default {DEFAULT_LIMIT})."
    )


def _filter_type(name: str, f: Any) -> Any:
    """The type of a StatementFilter parameter, as strict as the filter reads it."""
    if isinstance(f, QueryFilter):
        return str, {"max_length": f.extra.get("max_length", 20_000)}
    if isinstance(f, PartialDateFilter):
        return DateText, {}
    if isinstance(f, ChoiceFilter):
        return Literal[tuple(value for value, _ in f.extra["choices"])], {}
    pattern = f.extra["pattern"]
    if f.extra.get("transform") is str.upper:  # codes are read in either case
        pattern = pattern.replace("A-Z", "A-Za-z")
    item = Annotated[str, StringConstraints(pattern=f"^(?:{pattern})$")]
    return list[item], {"max_length": MAX_VALUES}


def _statement_query() -> type[Schema]:
    fields = {}
    for name, f in StatementFilter.base_filters.items():
        kind, constraints = _filter_type(name, f)
        description = STATEMENT_PARAMETERS.get(name, str(f.label or name))
        fields[name] = (kind | None, Field(None, description=description, **constraints))
    return create_model("StatementQuery", __base__=Paging, **fields)


StatementQuery = _statement_query()


class SpeakerQuery(Paging):
    q: str | None = Field(
        None, max_length=200, description="Name contains this text (case-insensitive)."
    )


class DelegationQuery(Paging):
    kind: list[Literal[tuple(Delegation.Kind.values)]] | None = Field(  # type: ignore[misc]
        None,
        max_length=MAX_VALUES,
        description="Only delegations of this kind; repeat for several.",
    )
    region: list[Annotated[str, StringConstraints(max_length=60)]] | None = Field(
        None, max_length=MAX_VALUES,
        description="Only delegations of this M49 region (Africa, Americas, Asia, Europe ...).",
    )  # fmt: skip


class DatedQuery(Paging):
    date_from: DateText | None = Field(
        None, description="On or after this year, month or day (2021, 2021-11, 2021-11-23)."
    )
    date_to: DateText | None = Field(
        None,
        description="On or before this year, month or day (a year or month counts to its end).",
    )


class MeetingQuery(DatedQuery):
    body: list[Slug] | None = Field(
        None, max_length=MAX_VALUES, description="Only meetings of this body (its slug); repeat."
    )
    session: list[Annotated[int, Field(ge=0, le=999_999)]] | None = Field(
        None, max_length=MAX_VALUES, description="Only meetings of this session; repeat."
    )


class ThemeQuery(Paging):
    parent: list[Slug] | None = Field(
        None, max_length=MAX_VALUES, description="Only the themes under this pillar (its slug)."
    )
