"""Recognise named speakers ("JANE DOE (Norway) said", "JANE DOE, Minister ... of Norway,")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from statements.parsing.clauses import OFFICE, Clauses, read_clauses
from statements.parsing.delegations import clean_label, resolve
from statements.parsing.substrings import holds_any
from statements.reference import STATE_KINDS, DelegationRef

# "Introducing the report, ", "Briefed by ..., ", "Présentant le rapport, "
_INTRO = re.compile(
    r"^(?P<intro>(?:(?:Also\s+[a-z]+|[A-Z][a-z]+)(?:ing|ed)|[A-ZÉ][a-zéèêîôûç]+ant)\b"
    r"[^,.;:“”\"]{0,100}|(?:Sur\s+ce\s+(?:point|sujet)|Pour\s+sa\s+part|De\s+son\s+côté|"
    r"Par\s+ailleurs|En\s+outre|Enfin|Ensuite|À\s+cet\s+égard|Dans\s+ce\s+contexte|"
    r"For\s+(?:his|her|its|their)\s+part|In\s+that\s+(?:regard|respect|context)|In\s+response|"
    r"Also|Finally|Meanwhile|However|Moreover|Similarly|Likewise|Lastly|Further|Furthermore)),\s+"
)
_HONORIFIC = re.compile(r"^(?:Mr\.|Mrs\.|Ms\.|Dr\.|M\.|Mme|Mlle)\s+")
_RANK = re.compile(
    r"^(?:Archbishop|Cardinal|Monsignor|Msgr\.|Bishop|Sheikh|Sheikha|Prince|Princess|King|Queen|"
    r"Sir|Dame|Lord|Baroness|Reverend|Rev\.)\s+"
)
_NAME_SEGMENT = re.compile(r"^(?P<name>[^,()“”\"]{2,90}?)\s*(?P<sep>[(,])")
_PARENTHETICAL = re.compile(r"^\((?P<label>[^()]{2,80})\)")
_MC_TOKEN = re.compile(r"^(?:Mc|Mac|d’|d'|D’|D'|O’|O'|l’|l')\S*$")
_PARTICLES = frozenset(
    ("de", "da", "del", "della", "der", "den", "di", "do", "dos", "das", "du", "van", "von",
     "bin", "binti", "bint", "al", "el", "la", "le", "y", "e", "ter", "zu", "ibn", "abu", "ben")
)  # fmt: skip
_UN_TITLE = re.compile(
    r"\b(?:Secretary-General|High\s+Commissioner|High\s+Representative|Special\s+Representative|"
    r"Special\s+Envoy|Special\s+Coordinator|Special\s+Adviser|Special\s+Rapporteur|"
    r"Executive\s+Director|Executive\s+Secretary|Director-General|Emergency\s+Relief\s+Coordinator|"
    r"Resident\s+Coordinator|Humanitarian\s+Coordinator|Force\s+Commander|Police\s+Adviser|"
    r"Chef\s+de\s+Cabinet|Prosecutor|Registrar|Independent\s+Expert|United\s+Nations|UN|"
    r"(?:Sous-)?Secrétaire\s+générale?|(?:Représentante?|Envoyée?)\s+spéciale?|Haut-Commissaire|"
    r"(?:Directeur|Directrice)\s+exécutif|Nations\s+Unies|"
    # the Secretariat's departments and offices ("Chief of the Decolonization Unit in the
    # Department of Political and Peacebuilding Affairs")
    r"Department\s+(?:of|for)\s+(?:Global\s+Communications|Public\s+Information|Political\s+"
    r"(?:and\s+Peacebuilding\s+)?Affairs|Peace(?:keeping)?\s+Operations|Operational\s+Support|"
    r"Field\s+Support|Economic\s+and\s+Social\s+Affairs|General\s+Assembly\s+and\s+Conference\s+"
    r"Management|Management\s+Strategy|Safety\s+and\s+Security|Disarmament\s+Affairs)|"
    r"Office\s+(?:for|of)\s+(?:the\s+Coordination\s+of\s+Humanitarian\s+Affairs|Legal\s+Affairs|"
    r"Disarmament\s+Affairs|Outer\s+Space\s+Affairs|Internal\s+Oversight\s+Services)|"
    r"Département\s+(?:de\s+la\s+communication\s+globale|de\s+l[’']information|des\s+affaires\s+"
    r"(?:politiques|économiques\s+et\s+sociales|de\s+désarmement)|des\s+opérations\s+de\s+"
    r"(?:paix|maintien\s+de\s+la\s+paix)|de\s+l[’']Assemblée\s+générale)|"
    r"Bureau\s+(?:de\s+la\s+coordination\s+des\s+affaires\s+humanitaires|des\s+affaires\s+"
    r"juridiques|des\s+affaires\s+de\s+désarmement))\b"
)
_BRIEFING_INTRO = re.compile(r"^(?:Also\s+)?Brief(?:ing|ed)\b", re.IGNORECASE)
_INTRO_ON_BEHALF = re.compile(
    r"^(?:Also\s+)?(?:Speaking\s+(?:on\s+behalf\s+of|for)|On\s+behalf\s+of|"
    r"(?:S'exprimant\s+)?[Aa]u\s+nom\s+(?:du|de\s+la|des|de\s+l[’']|de|d[’']))\s*(?P<x>.+)$",
    re.IGNORECASE,
)
_INTRO_REPLY = re.compile(r"\bright\s+of\s+reply\b", re.IGNORECASE)
# A presiding officer speaking as chair speaks for the body, not for their country.
_BODY = (
    r"(?:General\s+Assembly|Assembly|Security\s+Council|Council|Committee|Commission|Conference|"
    r"Board|Forum|session|Bureau)"
)
_OFFICE_WORDS = (
    "President",
    "president",
    "Chair",
    "chair",
    "Présiden",
    "Rapporteur",
)  # one is in every _PRESIDING phrase
_PRESIDING = re.compile(
    rf"\b{OFFICE}\s+(?:of|for)\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,4}}?{_BODY}\b"
    rf"|\b{_BODY}(?:’s|'s)?\s+{OFFICE}\b"
    r"|\b(?:Présidente?|Rapporteur)\s+(?:(?:sortante?|élue?|par\s+intérim),?\s+)?"
    r"(?:de\s+l[’']Assemblée|du\s+Conseil|de\s+la\s+\w*\s*Commission|du\s+Comité)"
)
_NOT_A_NAME = re.compile(
    r"\b(?:Assembly|Council|Committee|Commission|Conference|Nations|Union|Group|Forum|"
    r"Secretariat|Organization|Court|Assemblée|Conseil|Comité)\b"
)
# A national office that reads like a chair: "President of the Council of Ministers of Lebanon".
_NATIONAL = re.compile(
    r"\bnational\s+capacity\b|\btitre\s+national\b|\bCouncil\s+of\s+Ministers\b|"
    r"\b(?:Presidential|Presidency|Sovereign(?:ty)?|Transitional|State|European)\s+Council\b|"
    r"\bEuropean\s+Commission\b|\bAfrican\s+Union\s+Commission\b",
    re.IGNORECASE,
)


# Built hundreds of times a parse: not frozen, as a frozen dataclass sets each field through
# object.__setattr__ (issue #21). Nothing changes one once built.
@dataclass
class Attribution:
    """Who speaks from `start` in a paragraph, as printed, and what the release says of them."""

    start: int
    speaker: str | None
    label: str | None
    ref: DelegationRef | None
    title: str | None
    on_behalf_of: str | None
    aligned_with: str | None
    kind_hint: str | None
    named: bool
    # Delegations printed as joint subjects before this one ("La Chine et Cuba ont souligné"):
    # each gets a statement of the same words, in printed order.
    joint: tuple[Attribution, ...] = ()

    @property
    def code(self) -> str | None:
        """The resolved delegation code, if any."""
        return self.ref.code if self.ref else None


def name_style(name: str) -> str | None:
    """Return "caps" for "JANE DOE", "mixed" for "Jane Doe", None when it is not a name."""
    tokens = name.split()
    core = [t for t in tokens if t.lower() not in _PARTICLES]
    if not core or len(tokens) > 8 or tokens[0].lower() in _PARTICLES:
        return None
    if any(map(str.isdigit, name)):  # map: no Python frame per character
        return None  # "COVID-19", "A/76/L.12"
    if all(_is_caps_token(t) for t in core) and len(tokens) >= 2:
        return "caps"  # a single capitalized word is more often an acronym than a name
    if 2 <= len(tokens) <= 5 and all(_is_mixed_token(t) for t in core):
        return "mixed"
    return None


def _letters(token: str) -> int:
    """Count the letters in a token."""
    return sum(map(str.isalpha, token))


def _is_caps_token(token: str) -> bool:
    """Say whether a token is written in capitals ("DASSAMA-KAMARA", "McDONALD", "J.")."""
    letters = list(filter(str.isalpha, token))
    if not letters:
        return False
    return all(map(str.isupper, letters)) or bool(_MC_TOKEN.match(token))


def _is_mixed_token(token: str) -> bool:
    """Say whether a token is a capitalized name word ("Jane", "DiCarlo", "J.")."""
    return (
        token[:1].isupper()
        and token[:1].isalpha()
        and not token.isupper()
        or (len(token) == 2 and token.endswith(".") and token[0].isupper())
    )


def named_attribution(paragraph: str) -> Attribution | None:
    """Read "JANE DOE (Norway) said" / "JANE DOE, Minister for X of Norway, said" at the start."""
    pos, intro = _skip_intro(paragraph)
    honorific = _HONORIFIC.match(paragraph[pos:])
    if honorific:
        pos += honorific.end()
    rank = _RANK.match(paragraph[pos:])
    segment = _NAME_SEGMENT.match(paragraph[pos + (rank.end() if rank else 0) :])
    if not segment:
        return None
    style = name_style(segment.group("name"))
    if style is None or _NOT_A_NAME.search(segment.group("name")):
        return None
    if rank:  # "Archbishop PAUL GALLAGHER": the rank stays part of the printed name
        pos += rank.end()
    rest = paragraph[pos + segment.start("sep") :]
    if segment.group("sep") == "(":
        clauses = _bracketed(rest, style)
    else:
        clauses = _titled(rest[1:], style, intro)
    if clauses is None:
        return None
    name = (rank.group() if rank else "") + segment.group("name").strip()
    return _named(name, clauses, intro)


def _skip_intro(paragraph: str) -> tuple[int, str]:
    """Skip an opening clause such as "Briefing the Council, "; return where the name starts."""
    match = _INTRO.match(paragraph)
    if not match:
        return 0, ""
    return match.end(), match.group("intro")


def _bracketed(rest: str, style: str) -> Clauses | None:
    """Read "(Country)" and any clauses after it; mixed-case names need a known country."""
    match = _PARENTHETICAL.match(rest)
    if not match:
        return None
    label = clean_label(match.group("label"))
    ref = resolve(label)
    if ref is None and (style != "caps" or not label[:1].isupper()):
        return None
    after = rest[match.end() :]
    if after.strip() and not after.startswith(",") and not after.lstrip()[:1].islower():
        return None  # "NAME (alias ...) Designation: ..." is a list entry, not a speaker
    clauses = read_clauses(after[1:]) if after.startswith(",") else Clauses()
    return Clauses(
        title=clauses.title,
        label=label,
        ref=ref,
        on_behalf_of=clauses.on_behalf_of,
        aligned_with=clauses.aligned_with,
        kind_hint=clauses.kind_hint,
        count=clauses.count,
        national=clauses.national,
    )


def _titled(rest: str, style: str, intro: str) -> Clauses | None:
    """Read the clauses after "NAME,"; a name needs at least a title or a delegation."""
    clauses = read_clauses(rest)
    if not (clauses.title or clauses.label or clauses.on_behalf_of):
        return None
    if style == "mixed":
        official = bool(clauses.title and _UN_TITLE.search(clauses.title))
        if clauses.ref is None and not official and not _BRIEFING_INTRO.match(intro):
            return None
    return clauses


def _named(name: str, clauses: Clauses, intro: str) -> Attribution:
    """Build the attribution of a named speaker."""
    on_behalf = clauses.on_behalf_of or intro_on_behalf(intro)
    hint = kind_hint(clauses, intro)
    if presiding(f"{intro} {clauses.title or ''}") and not clauses.national:
        hint = "briefing"  # the chair speaking as chair, not for the country printed beside
    return Attribution(
        start=0,
        speaker=name,
        label=clauses.label,
        ref=clauses.ref,
        title=clauses.title,
        on_behalf_of=on_behalf,
        aligned_with=clauses.aligned_with,
        kind_hint=hint,
        named=True,
    )


def presiding(text: str) -> bool:
    """Say whether a title or opening clause makes the speaker a presiding officer."""
    if not holds_any(text, _OFFICE_WORDS):
        return False  # every _PRESIDING phrase names an office: plain tests spare its scan
    return bool(_PRESIDING.search(text)) and not _NATIONAL.search(text)


def intro_on_behalf(intro: str) -> str | None:
    """Return X from an opening "Speaking on behalf of X"."""
    match = _INTRO_ON_BEHALF.match(intro)
    return clean_label(match.group("x")) if match else None


def kind_hint(clauses: Clauses, intro: str) -> str | None:
    """Say whether the speaker replies, raises a point of order or briefs."""
    if clauses.kind_hint:
        return clauses.kind_hint
    if _INTRO_REPLY.search(intro):
        return "right_of_reply"
    if clauses.ref is not None and clauses.ref.kind in STATE_KINDS:
        return None
    if clauses.ref is not None and clauses.ref.kind == "un_entity":
        return "briefing"
    if _BRIEFING_INTRO.match(intro) or (clauses.title and _UN_TITLE.search(clauses.title)):
        return "briefing"
    return None
