"""States of earlier decades (the USSR, Yugoslavia, Czechoslovakia, the GDR, Zaire ...): their
ISO 3166-3 codes and records, found by English or French name. No Django (historical/SOURCES.md).

Press releases of those years name them; the archive's delegations are today's. A record says
what the name was, its codes, the dates it held, and its successors (today's delegation codes).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from statements.reference.names import normalize_name

DATA_FILE = "historical/historical_states.json"


@dataclass(frozen=True)
class HistoricalState:
    key: str  # the former ISO 3166-1 alpha-3 code, or FRY
    iso3166_3: str
    alpha3: str
    alpha2: str
    numeric: str
    name_en: str
    name_fr: str
    variants: tuple[str, ...]
    start: str  # ISO dates: from when to when the State held this name or membership
    end: str
    successors: tuple[str, ...]
    note: str

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name_en, self.name_fr, *self.variants)


@cache
def load_historical_states() -> tuple[HistoricalState, ...]:
    """Every shipped record, in file order."""
    text = resources.files(__package__).joinpath(DATA_FILE).read_text(encoding="utf-8")
    return tuple(_record(item) for item in json.loads(text)["states"])


def _record(item: dict) -> HistoricalState:
    fields = {k: item[k] for k in ("key", "iso3166_3", "alpha3", "alpha2", "numeric", "note")}
    return HistoricalState(
        **fields,
        name_en=item["name_en"],
        name_fr=item["name_fr"],
        variants=tuple(item["variants"]),
        start=item["from"],
        end=item["to"],
        successors=tuple(item["successors"]),
    )


@cache
def _by_name() -> dict[str, HistoricalState]:
    return {normalize_name(name): s for s in load_historical_states() for name in s.names}


def historical_state(label: str) -> HistoricalState | None:
    """The record an English or French name (or a code) stands for, else None."""
    by_code = {s.key: s for s in load_historical_states()} | {
        s.iso3166_3: s for s in load_historical_states() if s.key == s.alpha3
    }
    return by_code.get(label.strip().upper()) or _by_name().get(normalize_name(label))
