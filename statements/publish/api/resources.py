"""The API's other collections: fields, records and order of each, in one place.

Statements are defined by the export (STATEMENT_FIELDS in statements/publish/exports/fields.py);
these are the tables around them. The views, the OpenAPI description, the full dump and the data
dictionary all read these definitions, so a field is named and described once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.urls import reverse

from config import public_urls
from meetings.models import Meeting, Release
from statements.kinds import DELEGATION_KINDS
from statements.models import Delegation, Speaker, SpeakerAlias, SpeakerRedirect
from statements.publish.api.cursors import Ordering
from statements.publish.exports.fields import Field, field_def
from statements.reference.wikidata import wikidata_id
from statements.themes.models import Theme


@dataclass(frozen=True)
class Resource:
    """A collection: /api/v1/<name> lists it, /api/v1/<name>/<key> shows one."""

    name: str
    singular: str
    description: str
    key: str  # the field that identifies one in its URL
    fields: tuple[Field, ...]
    ordering: Ordering
    queryset: Callable[[], QuerySet]
    record: Callable[[Any], dict]


def site_url(path: str) -> str:
    return public_urls.absolute_url(path)


# Speakers ---------------------------------------------------------------------------------------

SPEAKER_FIELDS = (
    field_def("id", "integer", "Speaker id."),
    field_def(
        "slug", "string", "Stable key of the speaker, used in URLs and the statements filter."
    ),
    field_def("name", "string", "Display name."),
    field_def("permalink", "url", "The speaker's page.", None),
    field_def(
        "aliases", "string", "Spellings of the name as printed in releases.", None, many=True
    ),
)


def speaker_queryset() -> QuerySet:
    """Speakers not merged into another (a merged speaker's URLs redirect)."""
    aliases = SpeakerAlias.objects.order_by("name")
    return Speaker.objects.canonical().prefetch_related(Prefetch("aliases", queryset=aliases))


def speaker_record(speaker: Speaker) -> dict:
    return {
        "id": speaker.pk,
        "slug": speaker.slug,
        "name": speaker.name,
        "permalink": site_url(speaker.get_absolute_url()),
        "aliases": [alias.name for alias in speaker.aliases.all()],
    }


def current_speaker(slug: str) -> Speaker | None:
    """The speaker an old or merged slug stands for now (None: no such slug)."""
    speaker = Speaker.objects.filter(slug=slug).select_related("merged_into").first()
    if speaker and speaker.merged_into:
        return speaker.merged_into
    if speaker:
        return speaker
    redirect = SpeakerRedirect.objects.filter(slug=slug).select_related("speaker").first()
    return redirect.speaker if redirect else None


SPEAKERS = Resource(
    name="speakers",
    singular="speaker",
    description="People who took the floor, merged duplicates left out.",
    key="slug",
    fields=SPEAKER_FIELDS,
    ordering=Ordering("name", ("name", "id")),
    queryset=speaker_queryset,
    record=speaker_record,
)


# Delegations ------------------------------------------------------------------------------------

DELEGATION_FIELDS = (
    field_def("code", "string", "ISO 3166-1 alpha-3 for States, a short code otherwise (EU, G77)."),
    field_def("name", "string", "UN short name."),
    field_def("slug", "string", "Key of the delegation's page."),
    field_def("kind", "string", ", ".join(DELEGATION_KINDS) + "."),
    field_def("iso3", "string", "ISO 3166-1 alpha-3 code, or empty."),
    field_def("iso2", "string", "ISO 3166-1 alpha-2 code, or empty."),
    field_def("m49", "string", "UN M49 area code, or empty."),
    field_def("region", "string", "M49 region, or empty."),
    field_def("subregion", "string", "M49 sub-region, or empty."),
    field_def(
        "wikidata",
        "string",
        "Wikidata item of a State (Q20 for Norway: https://www.wikidata.org/wiki/Q20), or empty.",
        None,
    ),
    field_def("permalink", "url", "The delegation's page.", None),
)


def delegation_record(delegation: Delegation) -> dict:
    record = {f.name: getattr(delegation, f.name) for f in DELEGATION_FIELDS if f.lookup}
    return {
        **record,
        "wikidata": wikidata_id(delegation.iso3),
        "permalink": site_url(delegation.get_absolute_url()),
    }


DELEGATIONS = Resource(
    name="delegations",
    singular="delegation",
    description="Member States, observers, groups, organizations and UN entities that spoke.",
    key="code",
    fields=DELEGATION_FIELDS,
    ordering=Ordering("name", ("name", "id")),
    queryset=Delegation.objects.all,
    record=delegation_record,
)


# Meetings ---------------------------------------------------------------------------------------

MEETING_FIELDS = (
    field_def("id", "integer", "Meeting id."),
    field_def("permalink", "url", "The meeting's page: the whole release in order.", None),
    field_def("date", "date", "Date of the meeting."),
    field_def("body", "string", "UN body that met.", "body__name"),
    field_def("body_slug", "string", "Stable key of the body.", "body__slug"),
    field_def("session", "integer", "Session number, when known.", nullable=True),
    field_def("numbers", "integer", "Meeting number(s) the release covers.", many=True),
    field_def("part", "string", "AM, PM, AM & PM, PM & Night, or empty."),
    field_def("label", "string", "Session and meeting numbers as releases write them.", None),
    field_def("title", "string", "Headline or agenda."),
    field_def(
        "release_symbol", "string", "Symbol of the press release (see releases).", "release__symbol"
    ),
    field_def(
        "primary_version",
        "boolean",
        "The version every count counts: where English and French releases cover one sitting, "
        "the English one. Keep only these rows to count each sitting once.",
    ),
    field_def(
        "other_languages",
        "string",
        "Languages of the other releases covering the same sitting (each its own meeting).",
        many=True,
    ),
)


def meeting_queryset() -> QuerySet:
    return Meeting.objects.select_related("body", "release")


def meeting_record(meeting: Meeting) -> dict:
    return {
        "id": meeting.pk,
        "permalink": site_url(meeting.get_absolute_url()),
        "date": meeting.date,
        "body": meeting.body.name,
        "body_slug": meeting.body.slug,
        "session": meeting.session,
        "numbers": list(meeting.numbers),
        "part": meeting.part,
        "label": meeting.label,
        "title": meeting.title,
        "release_symbol": meeting.release.symbol,
        "primary_version": meeting.primary_version,
        "other_languages": list(meeting.other_languages),
    }


MEETINGS = Resource(
    name="meetings",
    singular="meeting",
    description="Meetings, newest first; one a press release. One meeting lists its statements.",
    key="id",
    fields=MEETING_FIELDS,
    ordering=Ordering("newest", ("date", "id"), descending=True),
    queryset=meeting_queryset,
    record=meeting_record,
)


# Releases ---------------------------------------------------------------------------------------

RELEASE_FIELDS = (
    field_def("symbol", "string", "Press release symbol, e.g. GA/12388."),
    field_def("date", "date", "Date of the release."),
    field_def("date_inferred", "boolean", "The text had no date: staff confirmed an inferred one."),
    field_def("headline", "string", "Headline."),
    field_def("language", "string", "Language code."),
    field_def("source_url", "string", "The release on un.org, or empty."),
    field_def("source_download", "url", "The source file as it was read, from this site.", None),
    field_def("content_hash", "string", "SHA-256 of the source file."),
    field_def("parser_version", "string", "Version of the parser that read it last."),
    field_def("first_ingested_at", "datetime", "When it was first read into the archive."),
    field_def("ingested_at", "datetime", "When it was last read."),
    field_def("meeting_id", "integer", "Id of the meeting it covers.", "meeting__id"),
    field_def("permalink", "url", "The meeting page of the release.", None),
)


def release_queryset() -> QuerySet:
    return Release.objects.filter(meeting__isnull=False).select_related("meeting")


def release_record(release: Release) -> dict:
    meeting = release.meeting
    computed = {
        "source_download": site_url(reverse("statements:meeting-source", args=[meeting.pk])),
        "meeting_id": meeting.pk,
        "permalink": site_url(meeting.get_absolute_url()),
    }
    return {
        f.name: computed[f.name] if f.name in computed else getattr(release, f.name)
        for f in RELEASE_FIELDS
    }


RELEASES = Resource(
    name="releases",
    singular="release",
    description="Meetings Coverage press releases, newest first, with provenance.",
    key="symbol",
    fields=RELEASE_FIELDS,
    ordering=Ordering("newest", ("date", "id"), descending=True),
    queryset=release_queryset,
    record=release_record,
)


# Themes -----------------------------------------------------------------------------------------

THEME_FIELDS = (
    field_def("slug", "string", "Stable key, used in the statements filter and export."),
    field_def("name", "string", "Name."),
    field_def("description", "string", "What the theme covers."),
    field_def(
        "parent", "string", "Slug of its pillar; null for a pillar.", "parent__slug", nullable=True
    ),
    field_def("position", "integer", "Order in lists."),
    field_def("permalink", "url", "The theme's page.", None),
)


def theme_record(theme: Theme) -> dict:
    return {
        "slug": theme.slug,
        "name": theme.name,
        "description": theme.description,
        "parent": theme.parent.slug if theme.parent else None,
        "position": theme.position,
        "permalink": site_url(theme.get_absolute_url()),
    }


THEMES = Resource(
    name="themes",
    singular="theme",
    description="The subjects statements are tagged with: pillars and the themes under them.",
    key="slug",
    fields=THEME_FIELDS,
    ordering=Ordering("position", ("position", "name", "id")),
    queryset=lambda: Theme.objects.select_related("parent"),
    record=theme_record,
)

RESOURCES: dict[str, Resource] = {
    r.name: r for r in (SPEAKERS, DELEGATIONS, MEETINGS, RELEASES, THEMES)
}
