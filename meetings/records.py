"""Official records and document links: symbols that follow from a meeting, and their URLs."""

from __future__ import annotations

import re

DOCUMENT_SERVICE = "https://docs.un.org/"
_SC_RESOLUTION = re.compile(r"^resolution (\d{1,4}) \((\d{4})\)$")
_GA_RESOLUTION = re.compile(r"^resolution (\d{2}/\d{1,3})$")
_SHORT_DRAFT = re.compile(r"^L\.\d+(?:/Rev\.\d+)?$")
_COMMITTEE = re.compile(r"^C(\d)$")


def record_symbols(short_name: str, session: int | None, numbers: list[int]) -> list[str]:
    """Return the official record of each meeting: S/PV.9616, A/76/PV.38, A/C.3/76/SR.12."""
    if short_name == "SC":
        return [f"S/PV.{n}" for n in numbers]
    if short_name == "GA" and session:
        return [f"A/{session}/PV.{n}" for n in numbers]
    committee = _COMMITTEE.match(short_name)
    if committee and session:
        return [f"A/C.{committee.group(1)}/{session}/SR.{n}" for n in numbers]
    return []


def document_symbol(printed: str, short_name: str, session: int | None) -> str | None:
    """Return the full document symbol a printed subject stands for, or None if unknown."""
    if match := _SC_RESOLUTION.match(printed):
        return f"S/RES/{match.group(1)} ({match.group(2)})"
    if match := _GA_RESOLUTION.match(printed):
        return f"A/RES/{match.group(1)}"
    if _SHORT_DRAFT.match(printed):
        committee = _COMMITTEE.match(short_name)
        if committee and session:
            return f"A/C.{committee.group(1)}/{session}/{printed}"
        return f"A/{session}/{printed}" if short_name == "GA" and session else None
    return printed if "/" in printed else None


def document_url(symbol: str) -> str:
    """Return the UN document link service address of a symbol."""
    return DOCUMENT_SERVICE + symbol.replace(" ", "")
