"""Groups of delegations a matrix can be drawn for: regional groups and the Council of a year.

Regions are the delegations' own (`Delegation.region`, the UN's M49 regions) for member States.
The Council's members of a year are, as far as the archive's data allows, the delegations with a
vote on a Security Council decision of that year (every member once inferred votes are stored).
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext

from statements.alignment import bitmaps
from statements.alignment.params import MAX_MATRIX, BadRequest
from statements.alignment.votes import vote_rows
from statements.decisions.models import Decision
from statements.models import Delegation

COUNCIL = "security-council"


def regions() -> list[str]:
    return list(
        Delegation.objects.filter(kind="member_state")
        .exclude(region="")
        .order_by("region")
        .values_list("region", flat=True)
        .distinct()
    )


def council_years() -> list[int]:
    """Years with a Council decision that has votes, kept until the votes change."""
    return bitmaps.CACHE.answer("council years", _council_years)


def _council_years() -> list[int]:
    """Read from the decisions, the smaller table."""
    voted = vote_rows().filter(decision_id=OuterRef("pk"))
    years = (
        Decision.objects.filter(meeting__body__slug=COUNCIL)
        .filter(Exists(voted))
        .dates("date", "year", order="DESC")
    )
    return [day.year for day in years]


def choices() -> list[tuple[str, str]]:
    """Every group as (value, label), for the form."""
    region = gettext("%(region)s: member States")
    found = [(f"region:{r}", region % {"region": r}) for r in regions()]
    found += [
        (f"council:{y}", gettext("Security Council members, %(year)s") % {"year": y})
        for y in council_years()
    ]
    return found


def members(group: str) -> tuple[str, list[Delegation]]:
    """The group's label and delegations by name; BadRequest for an unknown group."""
    kind, _, value = group.partition(":")
    chosen: QuerySet
    if kind == "region" and value:
        chosen = Delegation.objects.filter(kind="member_state", region__iexact=value[:60])
        label = gettext("%(region)s: member States") % {"region": value}
    elif kind == "council" and value.isdigit() and 1946 <= int(value) <= 2100:
        voters = vote_rows().filter(
            decision__meeting__body__slug=COUNCIL, decision__date__year=int(value)
        )
        chosen = Delegation.objects.filter(id__in=voters.values("delegation_id"))
        label = gettext("Security Council members with votes in the archive, %(year)s") % {
            "year": value
        }
    else:
        raise BadRequest(
            gettext("group must be region:NAME or council:YEAR (for example region:Africa)."),
            parameter="group",
        )
    found = list(chosen.order_by("name"))
    if len(found) < 2:
        raise BadRequest(
            gettext("The group “%(group)s” has fewer than two delegations.")
            % {"group": group[:80]},
            parameter="group",
        )
    if len(found) > MAX_MATRIX:
        raise BadRequest(
            gettext("The group has %(n)s delegations; at most %(most)s.")
            % {"n": len(found), "most": MAX_MATRIX},
            parameter="group",
        )
    return label, found
