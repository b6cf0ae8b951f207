"""Wikidata items of States, from the shipped copy of datasets/country-codes (its wikidata_id
column; sources/SOURCES.md): ISO 3166-1 alpha-3 code to Q-id. No Django, no network."""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources

SOURCE = "sources/datasets-country-codes.csv"
ENTITY_PREFIX = "https://www.wikidata.org/wiki/"


@cache
def wikidata_by_iso3() -> dict[str, str]:
    """{'AFG': 'Q889', ...} for every row of the source that has both."""
    text = resources.files("statements.reference").joinpath(SOURCE).read_text("utf-8")
    found = {}
    for row in csv.DictReader(io.StringIO(text)):
        iso3, url = row.get("ISO3166-1-Alpha-3", ""), row.get("wikidata_id", "")
        if iso3 and url.startswith(ENTITY_PREFIX):
            found[iso3] = url.removeprefix(ENTITY_PREFIX)
    return found


def wikidata_id(iso3: str | None) -> str:
    """The State's Wikidata item (Q-id), or '' for a code the source does not hold."""
    return wikidata_by_iso3().get(iso3 or "", "")
