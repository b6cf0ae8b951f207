"""Recognise no-name speakers: "The representative of Brazil said", "Kenya’s delegate", quotes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from statements.parsing.clauses import Clauses, read_clauses, split_title
from statements.parsing.delegations import capitalized_run, clean_label, label_at, resolve
from statements.parsing.reporting.lexicon import SENTENCE_BREAK, french_report_at
from statements.parsing.speakers import Attribution, intro_on_behalf, kind_hint
from statements.parsing.substrings import first_of, positions
from statements.reference import DelegationRef

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
    rf"|(?P<modifier>[Tt]he\s+(?P<mlabel>[A-Z][^,.;:“”\"]{{0,60}}?)\s+{_ROLE}\b)"
    r"|(?P<subject>(?:Le|La|Les|L[’']|le|la|les|l[’'])\s*(?=[A-ZÉ]))"
    r"|(?P<official>[Tt]he\s+(?=(?:Deputy\s+)?(?:Under-|Assistant\s+)?Secretary-General|"
    r"Special\s+(?:Representative|Envoy|Coordinator|Adviser)|High\s+Commissioner|"
    r"Executive\s+Director|Director-General|Emergency\s+Relief\s+Coordinator))"
    r"|(?P<french>(?:Le|La|le|la)\s+(?:représentante?|déléguée?|délégation)\s+"
    r"(?:de\s+la\s+|de\s+l[’']|du\s+|des\s+|de\s+|d[’']))"
    r")"
)
_AUXILIARIES = frozenset(
    ("had", "has", "have", "was", "were", "is", "are", "would", "could", "should", "might",
     "must", "may", "can", "cannot", "did", "does", "do", "will", "shall", "and", "or", "to",
     "of", "in", "who", "whose", "whom", "that", "which", "as")
)  # fmt: skip
_FRENCH_CLAUSE = re.compile(r"\s*,\s+[^,]{1,80},")
_NEXT_WORD = re.compile(r"\s*(?P<word>[^\s,.;:]+)")
_TITLE_WORD = re.compile(r"\s*(?P<word>[^\s,.;:()]+)")
_TITLE_CONNECTORS = frozenset({"for", "of", "and", "the", "on", "in", "to"})


def sentence_starts(paragraph: str) -> list[int]:
    """Return the offsets where sentences start in a paragraph."""
    return [0] + [m.end() for m in _SENTENCE_BREAK.finditer(paragraph)]


# Where either sentence split breaks (SENTENCE_BREAK's and _SENTENCE_BREAK's), without the
# former's look-behinds: a break of either one is a break of this one, ending at the same place.
_ANY_BREAK = re.compile(r"[.!?][\"”’)]*\s+(?=[A-Z“\"‘«ÉÀÈÎ])")
_OPENS = frozenset('ABCDEFGHIJKLMNOPQRSTUVWXYZ“"‘')  # what _SENTENCE_BREAK's look-ahead takes


def both_sentence_starts(paragraph: str) -> tuple[list[int], list[int]]:
    """The sentence starts of SENTENCE_BREAK (as reported speakers read them) and of
    sentence_starts(), from one pass over the paragraph's stops instead of two scans."""
    reported, anonymous = [0], [0]
    for match in _any_breaks(paragraph):
        end = match.end()
        if paragraph[end] in _OPENS:
            anonymous.append(end)
        if SENTENCE_BREAK.match(paragraph, match.start()):
            reported.append(end)
    return reported, anonymous


def _any_breaks(paragraph: str) -> Iterator[re.Match[str]]:
    """The matches _ANY_BREAK.finditer yields, tried only at a ".", "!" or "?" (where every one
    starts) after the previous match: str.find spares the pattern's scan of every character."""
    end = 0
    for position in positions(paragraph, ".!?"):
        match = _ANY_BREAK.match(paragraph, position) if position >= end else None
        if match:
            end = match.end()
            yield match


def anonymous_attributions(paragraph: str, *, starts: list[int] | None = None) -> list[Attribution]:
    """Find every "The representative of X said" / "X’s delegate" that opens a sentence
    (`starts`, when given, are the paragraph's sentence_starts())."""
    found: list[Attribution] = []
    for start in sentence_starts(paragraph) if starts is None else starts:
        for position in _subject_starts(paragraph, start):
            if _may_open(paragraph, position):
                break
        else:
            continue  # cheap tests spare the pattern, slow on long sentences, where it cannot match
        match = _ANONYMOUS.match(paragraph, start)
        attribution = _anonymous(paragraph, match) if match else None
        if attribution:
            found.append(attribution)
    return found


_STOPS = '.;:“”"'  # what ends an opening phrase
_INTRO_MAX = 150
_SPACES = re.compile(r"\s+")
# How every subject _ANONYMOUS reads begins, but "X’s delegate" (a necessary condition).
_SUBJECT_OPENING = re.compile(
    r"[Tt]he\s+(?:[A-Z]|representative|delegate|speaker|observer|delegation|envoy|counterpart)"
    r"|(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+counterpart|[Ll]es?|[Ll]a|[Ll][’']"
)


def _subject_starts(paragraph: str, start: int) -> list[int]:
    """Where the subject of _ANONYMOUS may start: the sentence start, or after ", " within an
    opening phrase (no stop inside, at most _INTRO_MAX characters, a capital or “ first)."""
    starts = [start]
    if paragraph[start : start + 1] not in _CAPITAL_OR_QUOTE:
        return starts
    limit = min(len(paragraph), start + 1 + _INTRO_MAX + 1)  # scans stay within the phrase
    stop = first_of(paragraph, _STOPS, start + 1, limit)
    limit = stop if stop >= 0 else limit
    comma = paragraph.find(",", start + 1, limit)
    while comma >= 0:
        spaces = _SPACES.match(paragraph, comma + 1)
        if spaces:
            starts.append(spaces.end())
        comma = paragraph.find(",", comma + 1, limit)
    return starts


_CAPITAL_OR_QUOTE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ“")
# What every _SUBJECT_OPENING starts with: a set test spares the pattern on other sentences.
_OPENING_LETTERS = frozenset("TtHhIiLl")


def _may_open(paragraph: str, position: int) -> bool:
    """Say whether a subject _ANONYMOUS reads may start at `position` (a necessary condition)."""
    if paragraph[position : position + 1] in _OPENING_LETTERS and _SUBJECT_OPENING.match(
        paragraph, position
    ):
        return True
    head = paragraph[position : position + 64]
    return head[:1] in _CAPITAL_OR_QUOTE and ("’s" in head or "'s" in head)


def _anonymous(paragraph: str, match: re.Match[str]) -> Attribution | None:
    """Build the attribution for one no-name match, or None when it is not one."""
    label, ref, end, title = _subject(paragraph, match)
    if label is None and title is None:
        return None
    rest = paragraph[end:]
    if rest.startswith(","):
        clauses = read_clauses(rest[1:])
    elif (
        match.group("french")
        and _french_predicate(paragraph, end)
        or match.group("subject")
        or (not match.group("french") and _is_spoken_verb(rest))
    ):
        clauses = Clauses()
    else:
        return None
    intro = (match.group("intro") or "").rstrip(", ")
    hint = "briefing" if match.group("official") else kind_hint(Clauses(ref=ref), intro)
    return Attribution(
        start=match.start(),
        speaker=None,
        label=label,
        ref=ref,
        title=title or clauses.title,
        on_behalf_of=clauses.on_behalf_of or intro_on_behalf(intro),
        aligned_with=clauses.aligned_with,
        kind_hint=clauses.kind_hint or hint,
        named=False,
    )


def _subject(
    paragraph: str, match: re.Match[str]
) -> tuple[str | None, DelegationRef | None, int, str | None]:
    """Return label, reference, end offset and title of the subject of a no-name match."""
    if match.group("possessive") or match.group("modifier"):
        label = clean_label(match.group("plabel") or match.group("mlabel"))
        ref = resolve(label)
        return (label, ref, match.end(), None) if ref else (None, None, match.end(), None)
    if match.group("official"):
        title, end = _title_run(paragraph, match.end())
        return None, None, end, title
    found = label_at(paragraph, match.end())
    if match.group("subject"):  # "le Pakistan a ...": only a known delegation, then a verb
        if found is None or not _french_predicate(paragraph, found.end):
            return None, None, match.end(), None
        return found.label, found.ref, found.end, None
    if found is None and not match.group("possessive"):
        found = capitalized_run(paragraph, match.end())  # kept as printed, flagged unresolved
    if found is None:
        return None, None, match.end(), None
    return found.label, found.ref, found.end, None


def _french_predicate(paragraph: str, end: int) -> bool:
    """Say whether "a souligné"-like words follow, directly or after ", au nom de X,"."""
    if french_report_at(paragraph, end):
        return True
    clause = _FRENCH_CLAUSE.match(paragraph, end)
    return clause is not None and french_report_at(paragraph, clause.end())


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


_QUOTE_SOURCE = re.compile(r"^[—–-]?\s*(?:The\s+)?(?P<line>[A-Z][^.!?“”\"]{2,120}?)\.?$")
_SOURCE_ROLE = re.compile(
    r"^(?:(?:Deputy|Permanent|Vice|Acting|Alternate|First|Second)[\s-]+)*(?:Representative|"
    r"Delegate|Minister|Ambassador|Observer|Secretary|President|Prime\s+Minister|Chargé|Head|"
    r"Speaker|Envoy|Counsellor|Adviser)\b",
    re.IGNORECASE,
)
_OFFICIAL_START = re.compile(
    r"^(?:(?:Deputy\s+)?(?:Under-|Assistant\s+)?Secretary-General|Special\s+(?:Representative|"
    r"Envoy|Coordinator|Adviser|Rapporteur)|High\s+Commissioner|Executive\s+Director|"
    r"Director-General|Emergency\s+Relief\s+Coordinator|President\s+of\s+the\s+"
    r"(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council))\b"
)
_PLAIN_ROLES = frozenset({"representative", "delegate", "speaker"})
_SOURCE_MAX_WORDS = 14


def quote_source(text: str) -> Attribution | None:
    """Read a line naming a quotation's source ("Representative of Portugal"), else None."""
    match = _QUOTE_SOURCE.match(text.strip())
    if not match or len(text.split()) > _SOURCE_MAX_WORDS:
        return None
    line = match.group("line").strip()
    # "Representative of Slovenia, Council President for March, speaking in national capacity"
    title, label, ref = split_title(line.split(",")[0])
    if ref is not None and _SOURCE_ROLE.match(title):
        plain = title.casefold() in _PLAIN_ROLES
        return _source(label, ref, None if plain else title, None)
    if ref is None and _OFFICIAL_START.match(line):
        return _source(None, None, line, "briefing")
    return None


def _source(
    label: str | None, ref: DelegationRef | None, title: str | None, hint: str | None
) -> Attribution:
    """Build the attribution of a quotation's source line."""
    return Attribution(
        start=0,
        speaker=None,
        label=label,
        ref=ref,
        title=title,
        on_behalf_of=None,
        aligned_with=None,
        kind_hint=hint,
        named=False,
    )
