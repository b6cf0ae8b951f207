"""Speakers, delegations and their memberships in the Popolo data specification's shape.

Popolo (https://www.popoloproject.com/specs/): `persons` (speakers), `organizations`
(delegations, with their ISO 3166-1, M49 and Wikidata identifiers) and `memberships` (a person
speaking for an organization). A membership's dates are those of the speaker's first and last
statement for that delegation in the archive: when the archive saw them serve, not a term of
office, which press releases do not give.
"""

from __future__ import annotations

from django.db.models import Count, F, Max, Min, Q
from django.db.models.functions import Coalesce
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

from config.public_urls import absolute_url
from statements.models import Delegation, Statement
from statements.publish.api.resources import speaker_queryset
from statements.reference.wikidata import wikidata_id

SCHEMES = {"iso3": "iso3166-1-alpha-3", "iso2": "iso3166-1-alpha-2", "m49": "un-m49"}


def person(speaker) -> dict:
    return {
        "id": f"speaker/{speaker.slug}",
        "name": speaker.name,
        "other_names": [{"name": alias.name} for alias in speaker.aliases.all()],
        "links": [{"url": absolute_url(speaker.get_absolute_url()), "note": "archive page"}],
    }


def organization(delegation: Delegation) -> dict:
    identifiers = [
        {"scheme": scheme, "identifier": getattr(delegation, name)}
        for name, scheme in SCHEMES.items()
        if getattr(delegation, name)
    ]
    if item := wikidata_id(delegation.iso3):
        identifiers.append({"scheme": "wikidata", "identifier": item})
    return {
        "id": f"delegation/{delegation.code}",
        "name": delegation.name,
        "classification": delegation.kind,
        "identifiers": identifiers,
        "links": [{"url": absolute_url(delegation.get_absolute_url()), "note": "archive page"}],
    }


def memberships() -> list[dict]:
    """One per speaker and delegation spoken for, dated by the first and last statement."""
    rows = (
        Statement.objects.filter(speaker__isnull=False, delegation__isnull=False)
        .annotate(person=Coalesce(F("speaker__merged_into__slug"), F("speaker__slug")))
        .values("person", "delegation__code")
        # Each sitting's statements counted once (its primary version: meetings/versions.py);
        # a membership seen only in a French version still has its dates.
        .annotate(
            first=Min("date"),
            last=Max("date"),
            statements=Count("id", filter=Q(meeting__primary_version=True)),
        )
        .order_by("person", "delegation__code")
    )
    return [
        {
            "person_id": f"speaker/{row['person']}",
            "organization_id": f"delegation/{row['delegation__code']}",
            "role": "representative",
            "start_date": row["first"].isoformat(),
            "end_date": row["last"].isoformat(),
            "note": f"Dates of the first and last of {row['statements']} statements in the "
            "archive, not a term of office.",
        }
        for row in rows
    ]


def popolo_document() -> dict:
    return {
        "persons": [person(s) for s in speaker_queryset().order_by("slug")],
        "organizations": [organization(d) for d in Delegation.objects.order_by("code")],
        "memberships": memberships(),
    }


@require_safe
def popolo_export(request: HttpRequest) -> JsonResponse:
    """/data/popolo.json: the whole document (speakers and delegations are thousands, not more)."""
    return JsonResponse(popolo_document(), json_dumps_params={"ensure_ascii": False})
