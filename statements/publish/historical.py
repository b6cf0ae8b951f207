"""/data/historical-states.json: the ISO 3166-3 records of former States, names in EN and FR."""

from __future__ import annotations

from dataclasses import asdict

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

from statements.reference.historical_states import load_historical_states

SOURCES = (
    "ISO 3166-3 (formerly used names of countries); United Nations, Growth in United Nations "
    "membership; UNTERM for the French names."
)


@require_safe
def historical_states_export(request: HttpRequest) -> JsonResponse:
    states = [{**asdict(s), "names": list(s.names)} for s in load_historical_states()]
    return JsonResponse(
        {"sources": SOURCES, "states": states}, json_dumps_params={"ensure_ascii": False}
    )
