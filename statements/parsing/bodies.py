"""Canonical names of UN bodies, read from symbols, fields, meeting lines and headlines."""

from __future__ import annotations

import re

GENERAL_ASSEMBLY = "General Assembly"
_BODY_LINE_EXTRA_WORDS = 2
_SYMBOL_PREFIXES: tuple[tuple[str, str], ...] = (
    ("GA/DIS/", "First Committee"),
    ("GA/EF/", "Second Committee"),
    ("GA/SHC/", "Third Committee"),
    ("GA/SPD/", "Fourth Committee"),
    ("GA/AB/", "Fifth Committee"),
    ("GA/L/", "Sixth Committee"),
    ("GA/COL/", "Special Committee on Decolonization"),
    ("GA/", GENERAL_ASSEMBLY),
    ("AG/DSI/", "First Committee"),
    ("AG/EF/", "Second Committee"),
    ("AG/SHC/", "Third Committee"),
    ("AG/CPSD/", "Fourth Committee"),
    ("AG/AB/", "Fifth Committee"),
    ("AG/J/", "Sixth Committee"),
    ("AG/COL/", "Special Committee on Decolonization"),
    ("AG/", GENERAL_ASSEMBLY),
    ("CPSD/", "Fourth Committee"),
    ("DC/", "Disarmament Commission"),
    ("CD/", "Conference on Disarmament"),
    ("SC/", "Security Council"),
    ("CS/", "Security Council"),
    ("ECOSOC/", "Economic and Social Council"),
    ("WOM/", "Commission on the Status of Women"),
    ("FEM/", "Commission on the Status of Women"),
    ("PBC/", "Peacebuilding Commission"),
    ("CCP/", "Peacebuilding Commission"),
    ("HRC/", "Human Rights Council"),
)
# Most specific first: a committee named in a line wins over "General Assembly".
_NAMED_BODIES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), name)
    for pattern, name in (
        (
            r"\bFirst Committee\b|\bDisarmament and International Security\b|"
            r"\bPremière Commission\b",
            "First Committee",
        ),
        (
            r"\bSecond Committee\b|\bEconomic and Financial Committee\b|\bDeuxième Commission\b",
            "Second Committee",
        ),
        (
            r"\bThird Committee\b|\bSocial, Humanitarian (?:and|&) Cultural\b|"
            r"\bTroisième Commission\b",
            "Third Committee",
        ),
        (
            r"\bFourth Committee\b|\bSpecial Political and Decolonization\b|"
            r"\bQuatrième Commission\b",
            "Fourth Committee",
        ),
        (
            r"\bFifth Committee\b|\bAdministrative and Budgetary Committee\b|"
            r"\bCinquième Commission\b",
            "Fifth Committee",
        ),
        (r"\bSixth Committee\b|\bLegal Committee\b|\bSixième Commission\b", "Sixth Committee"),
        (
            r"\bSpecial Committee on Decolonization\b|\bSpecial Committee on the Situation "
            r"with regard to the Implementation\b|\bC-24\b",
            "Special Committee on Decolonization",
        ),
        (
            r"\bSpecial Committee on Peacekeeping Operations\b|\bC-34\b|"
            r"\bComité spécial des opérations de maintien de la paix\b",
            "Special Committee on Peacekeeping Operations",
        ),
        (
            r"\bCommittee on Information\b|\bComité de l[’']information\b",
            "Committee on Information",
        ),
        (
            r"\bDisarmament Commission\b|\bCommission du désarmement\b",
            "Disarmament Commission",
        ),
        (
            r"\bConference on Disarmament\b|\bConférence du désarmement\b",
            "Conference on Disarmament",
        ),
        (
            r"\bCommission on the Status of Women\b|\bCommission de la condition de la femme\b",
            "Commission on the Status of Women",
        ),
        (
            r"\bCommission for Social Development\b|\bCommission du développement social\b",
            "Commission for Social Development",
        ),
        (
            r"\bCommission on Population and Development\b|"
            r"\bCommission de la population et du développement\b",
            "Commission on Population and Development",
        ),
        (
            r"\bPeacebuilding Commission\b|\bCommission de consolidation de la paix\b",
            "Peacebuilding Commission",
        ),
        (r"\bHuman Rights Council\b|\bConseil des droits de l[’']homme\b", "Human Rights Council"),
        (
            r"\bEconomic and Social Council\b|\bECOSOC\b|\bConseil économique et social\b",
            "Economic and Social Council",
        ),
        (r"\bSecurity Council\b|\bConseil de sécurité\b", "Security Council"),
        (r"\bGeneral Assembly\b|\bAssemblée générale\b|^Plenary$", GENERAL_ASSEMBLY),
    )
)


def body_from_symbol(symbol: str | None) -> str | None:
    """Return the body a document symbol belongs to ("GA/SHC/4321" -> "Third Committee")."""
    if not symbol:
        return None
    upper = symbol.upper()
    for prefix, name in _SYMBOL_PREFIXES:
        if upper.startswith(prefix):
            return name
    return None


def body_from_text(text: str | None) -> str | None:
    """Return the canonical body named in a line of text, the most specific first."""
    if not text:
        return None
    for pattern, name in _NAMED_BODIES:
        if pattern.search(text):
            return name
    return None


def is_body_line(text: str) -> bool:
    """Say whether a header line only names a body ("Third Committee", "Plenary")."""
    for pattern, _ in _NAMED_BODIES:
        if pattern.search(text):
            return len(pattern.sub(" ", text).split()) <= _BODY_LINE_EXTRA_WORDS
    return False


def is_assembly_family(body: str | None) -> bool:
    """Say whether the body is the General Assembly or one of its committees."""
    return body == GENERAL_ASSEMBLY or bool(body and body.endswith("Committee"))
