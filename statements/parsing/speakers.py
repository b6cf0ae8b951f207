"""Recognise who is speaking: named attributions, no-name attributions and quote sources."""

from __future__ import annotations

import re
from dataclasses import dataclass

from statements.parsing.clauses import Clauses, read_clauses, split_title
from statements.parsing.delegations import capitalized_run, clean_label, label_at, resolve
from statements.reference import DelegationRef

_INTRO = re.compile(r"^(?P<intro>(?:Also\s+)?[A-Z][a-z]+(?:ing|ed)\b[^,.;:“”\"]{0,100}),\s+")
_HONORIFIC = re.compile(r"^(?:Mr\.|Mrs\.|Ms\.|Dr\.|M\.|Mme|Mlle)\s+")
_NAME_SEGMENT = re.compile(r"^(?P<name>[^,()“”\"]{2,90}?)\s*(?P<sep>[(,])")
_PARENTHETICAL = re.compile(r"^\((?P<label>[^()]{2,80})\)")
_MC_TOKEN = re.compile(r"^(?:Mc|Mac|d’|d'|D’|D'|O’|O'|l’|l')\S*$")
_PARTICLES = frozenset(
    "de da del della der den di do dos das du van von bin binti bint al el la le y e ter zu ibn"
    " abu ben".split()
)
_UN_TITLE = re.compile(
    r"\b(?:Secretary-General|High\s+Commissioner|High\s+Representative|Special\s+Representative|"
    r"Special\s+Envoy|Special\s+Coordinator|Special\s+Adviser|Special\s+Rapporteur|"
    r"Executive\s+Director|Executive\s+Secretary|Director-General|Emergency\s+Relief\s+Coordinator|"
    r"Resident\s+Coordinator|Humanitarian\s+Coordinator|Force\s+Commander|Police\s+Adviser|"
    r"Chef\s+de\s+Cabinet|Prosecutor|Registrar|Independent\s+Expert|United\s+Nations|UN)\b"
)
_BRIEFING_INTRO = re.compile(r"^(?:Also\s+)?Brief(?:ing|ed)\b", re.IGNORECASE)
_INTRO_ON_BEHALF = re.compile(
    r"^(?:Also\s+)?(?:Speaking\s+(?:on\s+behalf\s+of|for)|On\s+behalf\s+of)\s+(?P<x>.+)$",
    re.IGNORECASE,
)
_INTRO_REPLY = re.compile(r"\bright\s+of\s+reply\b", re.IGNORECASE)
_STATE_KINDS = frozenset({"member_state", "observer_state"})


@dataclass(frozen=True)
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
    if all(_is_caps_token(t) for t in core) and any(_letters(t) >= 2 for t in core):
        return "caps"
    if 2 <= len(tokens) <= 5 and all(_is_mixed_token(t) for t in core):
        return "mixed"
    return None


def _letters(token: str) -> int:
    """Count the letters in a token."""
    return sum(c.isalpha() for c in token)


def _is_caps_token(token: str) -> bool:
    """Say whether a token is written in capitals ("DASSAMA-KAMARA", "McDONALD", "J.")."""
    letters = [c for c in token if c.isalpha()]
    if not letters:
        return False
    return all(c.isupper() for c in letters) or bool(_MC_TOKEN.match(token))


def _is_mixed_token(token: str) -> bool:
    """Say whether a token is a capitalized name word ("Jane", "DiCarlo", "J.")."""
    return token[:1].isupper() and token[:1].isalpha() and not token.isupper() or (
        len(token) == 2 and token.endswith(".") and token[0].isupper()
    )


def named_attribution(paragraph: str) -> Attribution | None:
    """Read "JANE DOE (Norway) said" / "JANE DOE, Minister for X of Norway, said" at the start."""
    pos, intro = _skip_intro(paragraph)
    honorific = _HONORIFIC.match(paragraph[pos:])
    if honorific:
        pos += honorific.end()
    segment = _NAME_SEGMENT.match(paragraph[pos:])
    if not segment:
        return None
    style = name_style(segment.group("name"))
    if style is None:
        return None
    rest = paragraph[pos + segment.start("sep") :]
    if segment.group("sep") == "(":
        clauses = _bracketed(rest, style)
    else:
        clauses = _titled(rest[1:], style, intro)
    if clauses is None:
        return None
    return _named(segment.group("name").strip(), clauses, intro)


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
    if ref is None and style != "caps":
        return None
    after = rest[match.end() :]
    clauses = read_clauses(after[1:]) if after.startswith(",") else Clauses()
    return Clauses(
        title=clauses.title,
        label=label,
        ref=ref,
        on_behalf_of=clauses.on_behalf_of,
        aligned_with=clauses.aligned_with,
        kind_hint=clauses.kind_hint,
        count=clauses.count,
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
    on_behalf = clauses.on_behalf_of or _intro_on_behalf(intro)
    return Attribution(
        start=0,
        speaker=name,
        label=clauses.label,
        ref=clauses.ref,
        title=clauses.title,
        on_behalf_of=on_behalf,
        aligned_with=clauses.aligned_with,
        kind_hint=_kind_hint(clauses, intro),
        named=True,
    )


def _intro_on_behalf(intro: str) -> str | None:
    """Return X from an opening "Speaking on behalf of X"."""
    match = _INTRO_ON_BEHALF.match(intro)
    return clean_label(match.group("x")) if match else None


def _kind_hint(clauses: Clauses, intro: str) -> str | None:
    """Say whether the speaker replies, raises a point of order or briefs."""
    if clauses.kind_hint:
        return clauses.kind_hint
    if _INTRO_REPLY.search(intro):
        return "right_of_reply"
    if clauses.ref is not None and clauses.ref.kind in _STATE_KINDS:
        return None
    if clauses.ref is not None and clauses.ref.kind == "un_entity":
        return "briefing"
    if _BRIEFING_INTRO.match(intro) or (clauses.title and _UN_TITLE.search(clauses.title)):
        return "briefing"
    return None


_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s+(?=[A-Z“\"‘])")
_ROLE = (
    r"(?:representative|delegate|speaker|observer|delegation|Permanent\s+Representative|"
    r"Deputy\s+Permanent\s+Representative|Ambassador|envoy|Foreign\s+Minister|"
    r"Minister\s+for\s+Foreign\s+Affairs)"
)
_ANON_INTRO = r"(?P<intro>[A-Z“][^.;:“”\"]{0,150}?,\s+)?"
_ANONYMOUS = re.compile(
    _ANON_INTRO + r"(?:"
    rf"(?P<role_of>[Tt]he\s+{_ROLE}\s+(?:of|from|for)\s+)"
    r"|(?P<counterpart>(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he)\s+counterparts?\s+(?:from|of|for)\s+)"
    rf"|(?P<possessive>(?P<plabel>[A-Z][^,.;:“”\"]{{0,60}}?)(?:’|')s\s+{_ROLE}\b)"
    r"|(?P<official>[Tt]he\s+(?=(?:Deputy\s+)?(?:Under-|Assistant\s+)?Secretary-General|"
    r"Special\s+(?:Representative|Envoy|Coordinator|Adviser)|High\s+Commissioner|"
    r"Executive\s+Director|Director-General|Emergency\s+Relief\s+Coordinator))"
    r"|(?P<french>(?:Le|La|le|la)\s+(?:représentante?|déléguée?|délégation)\s+"
    r"(?:de\s+la\s+|de\s+l[’']|du\s+|des\s+|de\s+|d[’']))"
    r")"
)
_AUXILIARIES = frozenset(
    "had has have was were is are would could should might must may can cannot did does do will"
    " shall and or to of in who whose whom that which as".split()
)
_NEXT_WORD = re.compile(r"\s*(?P<word>[^\s,.;:]+)")
_TITLE_WORD = re.compile(r"\s*(?P<word>[^\s,.;:()]+)")
_TITLE_CONNECTORS = frozenset({"for", "of", "and", "the", "on", "in", "to"})


def sentence_starts(paragraph: str) -> list[int]:
    """Return the offsets where sentences start in a paragraph."""
    return [0, *(m.end() for m in _SENTENCE_BREAK.finditer(paragraph))]


def anonymous_attributions(paragraph: str) -> list[Attribution]:
    """Find every "The representative of X said" / "X’s delegate" that opens a sentence."""
    found: list[Attribution] = []
    for start in sentence_starts(paragraph):
        match = _ANONYMOUS.match(paragraph, start)
        attribution = _anonymous(paragraph, match) if match else None
        if attribution:
            found.append(attribution)
    return found


def _anonymous(paragraph: str, match: re.Match[str]) -> Attribution | None:
    """Build the attribution for one no-name match, or None when it is not one."""
    label, ref, end, title = _subject(paragraph, match)
    if label is None and title is None:
        return None
    rest = paragraph[end:]
    if rest.startswith(","):
        clauses = read_clauses(rest[1:])
    elif match.group("french") or _is_spoken_verb(rest):
        clauses = Clauses()
    else:
        return None
    intro = (match.group("intro") or "").rstrip(", ")
    hint = "briefing" if match.group("official") else _kind_hint(Clauses(ref=ref), intro)
    return Attribution(
        start=match.start(),
        speaker=None,
        label=label,
        ref=ref,
        title=title or clauses.title,
        on_behalf_of=clauses.on_behalf_of or _intro_on_behalf(intro),
        aligned_with=clauses.aligned_with,
        kind_hint=clauses.kind_hint or hint,
        named=False,
    )


def _subject(
    paragraph: str, match: re.Match[str]
) -> tuple[str | None, DelegationRef | None, int, str | None]:
    """Return label, reference, end offset and title of the subject of a no-name match."""
    if match.group("possessive"):
        label = clean_label(match.group("plabel"))
        ref = resolve(label)
        return (label, ref, match.end(), None) if ref else (None, None, match.end(), None)
    if match.group("official"):
        title, end = _title_run(paragraph, match.end())
        return None, None, end, title
    found = label_at(paragraph, match.end())
    if found is None and match.group("french"):
        found = capitalized_run(paragraph, match.end())
    if found is None:
        return None, None, match.end(), None
    return found.label, found.ref, found.end, None


def _title_run(paragraph: str, start: int) -> tuple[str | None, int]:
    """Read a capitalized title such as "Under-Secretary-General for Political Affairs"."""
    end = start
    for match in _TITLE_WORD.finditer(paragraph, start):
        if match.start() != end:
            break
        word = match.group("word")
        if not (word[:1].isupper() or word in _TITLE_CONNECTORS):
            break
        end = match.end()
    title = paragraph[start:end].strip()
    while title.split() and title.split()[-1] in _TITLE_CONNECTORS:
        title = title.rsplit(" ", 1)[0]
    end = start + len(paragraph[start:end]) - len(paragraph[start:end].lstrip()) + len(title)
    return (title or None), end


def _is_spoken_verb(rest: str) -> bool:
    """Say whether the text after a subject goes on with a verb of speaking, not "had"/"is"."""
    match = _NEXT_WORD.match(rest)
    if not match:
        return False
    word = match.group("word")
    return word[:1].islower() and word not in _AUXILIARIES


def official_title_split(title: str) -> tuple[str, str | None, DelegationRef | None]:
    """Split an official's title into title and organization when the organization is known."""
    return split_title(title)
