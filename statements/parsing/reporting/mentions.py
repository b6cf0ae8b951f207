"""Find the delegations a paragraph names, by name or by nationality adjective, with the noun
phrase around each: the delegation alone, a role or title of it, or a person with it in brackets."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress

from statements.parsing.delegations import FoundLabel, label_at
from statements.parsing.demonyms import capitals, english_demonyms, french_demonyms
from statements.parsing.reporting.lexicon import (
    BRACKET_CLOSE,
    EN_ARTICLE_BEFORE,
    EN_ROLE_AFTER,
    EN_ROLE_BEFORE,
    FR_ARTICLE_BEFORE,
    FR_ROLE,
    FR_ROLE_BEFORE,
    NAME_BEFORE,
    ROLE_EN,
)
from statements.parsing.speakers import name_style
from statements.reference import STATE_KINDS, delegation_by_code, load_delegations


# Built hundreds of times a parse: not frozen, as a frozen dataclass sets each field through
# object.__setattr__ (issue #21). Nothing changes one once built.
@dataclass
class Mention:
    """A delegation named in a paragraph, and the noun phrase around it."""

    found: FoundLabel
    start: int
    phrase_start: int
    phrase_end: int
    shape: str  # "bare", "role", "name"
    speaker: str | None
    title: str | None
    metonym: bool = False  # a capital for its Government: only a subject of a verb of saying


SPEAKING_KINDS = STATE_KINDS | {"group", "igo"}


@cache
def _first_words() -> dict[str, int]:
    """The first word of every name and variant of the speaking delegations (lower case, with and
    without accents) and the most words a name starting with it has: a cheap test that spares
    the full lookup for most capitalized words, and bounds it for the others."""
    words: dict[str, int] = {}
    for ref in load_delegations():
        if ref.kind not in SPEAKING_KINDS:
            continue
        for label in ref.labels:
            for variant in (label, re.sub(r"^(?:[Tt]he|[Ll]es?|[Ll]a)\s+|^[Ll][’']", "", label)):
                parts = variant.replace("’", "' ").split()
                if parts:
                    first = parts[0].lower().rstrip(",.")
                    for key in (first, _plain(first)):
                        words[key] = max(words.get(key, 0), len(variant.split()))
    return words


def _plain(word: str) -> str:
    """A word without accents ("états" -> "etats")."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


# A capitalized word; where it may start is checked apart (a plain pattern scans much faster).
_CANDIDATE = re.compile(r"[A-ZÀ-ÝŒ][\w.-]*")
# The names that open in lower case: "the former Yugoslav Republic of Macedonia", "l’ex-République
# yougoslave de Macédoine" (scanned for only when a paragraph holds one of the words).
_LOWER_OPENING = re.compile(r"\b(?:former|ex-[A-ZÀ-ÝŒ][\w.-]*)(?=\s)")
_POSSESSIVE = re.compile(r"[^,.;:()“”\"]{0,60}?(?=(?:’|')s\b)")


def find_mentions(paragraph: str, language: str | None = None) -> list[Mention]:
    """The delegations named in a paragraph, by name or by nationality adjective, in order."""
    named = list(_named_mentions(paragraph))
    taken = [(m.phrase_start, m.phrase_end) for m in named]
    adjectives = [
        m for m in _adjective_mentions(paragraph, language)
        if not any(s < m.phrase_end and m.phrase_start < e for s, e in taken)
    ]  # fmt: skip
    return sorted(named + adjectives, key=lambda m: m.phrase_start)


# "the Israeli delegate", "la délégation suédoise", "le Ministre argentin des affaires étrangères"
_EN_ADJECTIVE = re.compile(
    rf"\b[Tt]he\s+(?P<adj>(?:[A-Z][a-z]+\s+){{0,2}}[A-Z][a-z]+)\s+(?:[a-z]+\s+)?{ROLE_EN}\b"
)
_FR_ADJECTIVE = re.compile(
    r"\b(?:[Ll]es?|[Ll]a|[Ll][’']|[Ss]on|[Ss]a)\s*(?:(?:nouvel(?:le)?|[Pp]ermanente?)\s+)?"
    rf"{FR_ROLE}\s+(?P<adj>[a-zéèêëîïôûç-]+)\b"
    r"(?:\s+(?:des?|du|de\s+la|de\s+l[’']|chargée?\s+d(?:e|es|u))\s+[a-zéèêëîïôûç’'\s-]{1,60}?"
    r"(?=\s+(?:a|ont|s[’']est|se\s+sont)\s))?"
)


def _adjective_mentions(paragraph: str, language: str | None) -> Iterator[Mention]:
    """Yield delegations named by a nationality adjective beside a role."""
    english, french = english_demonyms(), french_demonyms()
    for start in (
        _EN_THE_CAPITAL.finditer(paragraph) if language != "fr" else ()
    ):  # cheap scan, then the full pattern
        words = start.group(1).split()
        if not any(" ".join(words[:n]) in english for n in (1, 2, 3)):
            continue
        match = _EN_ADJECTIVE.match(paragraph, start.start() - 1)  # at the "T" of "The"
        if match and match.group("adj") in english:
            yield _adjective_mention(match, english[match.group("adj")])
    if language == "en" or not _FRENCH_CUE.search(paragraph):
        return  # not French
    for match in _FR_ADJECTIVE.finditer(paragraph):
        if match.group("adj") in french:
            yield _adjective_mention(match, french[match.group("adj")])


_FRENCH_CUE = re.compile(r"\b(?:[Ll]es?|[Ll]a|[Dd]es|[Dd]u)\s")
# Starts at the "he" of "The": a pattern that opens with a literal is scanned for much faster.
_EN_THE_CAPITAL = re.compile(r"he(?<=\b[Tt]he)\s+((?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+)")


def _adjective_mention(match: re.Match[str], code: str) -> Mention:
    """The mention of a delegation named by its adjective."""
    found = FoundLabel(match.group("adj"), delegation_by_code(code), match.end("adj"))
    return Mention(found, match.start("adj"), match.start(), match.end(), "role", None, None)


def _named_mentions(paragraph: str) -> Iterator[Mention]:
    """Yield the delegations named in a paragraph with the noun phrase that holds each."""
    position = 0
    for match, (city, max_words) in _openings(paragraph):
        start = match.start()
        if start < position or not _word_start(paragraph, start):
            continue
        if city is not None:
            yield _capital(paragraph, match, city)
            position = match.end()
            continue
        found = _label(paragraph, start, max_words)
        if found is None or found.ref.kind not in SPEAKING_KINDS:
            continue
        yield _phrase(paragraph, start, found, position)
        position = found.end


def _openings(paragraph: str) -> Iterator[tuple[re.Match[str], tuple[str | None, int]]]:
    """The capitalized words that may open a name, each with what it may open. Most open none:
    map and compress drop them without a Python step for each."""
    matches = list(_CANDIDATE.finditer(paragraph))
    if "former " in paragraph or "ex-" in paragraph:
        matches = sorted(matches + list(_LOWER_OPENING.finditer(paragraph)), key=re.Match.start)
    openings = list(map(_opening, map(re.Match.group, matches)))
    return compress(zip(matches, openings, strict=True), openings)


_ARTICLES = frozenset(("the", "le", "la", "les"))


@lru_cache(maxsize=16384)
def _opening(token: str) -> tuple[str | None, int] | None:
    """What a capitalized word may open, from the reference data alone (so kept across parses):
    None for most words and for an article (the name after it is looked up from its own first
    word); else the delegation code when it is a capital ("Moscou"), and the most words a name
    starting with it has."""
    words, cities = _first_words(), capitals()
    word = token.rstrip(".").lower()
    if word not in words and token not in cities and (word.isascii() or _plain(word) not in words):
        return None
    if word in _ARTICLES:
        return None
    if token in cities:
        return cities[token], 0
    return None, words.get(word) or words[_plain(word)]


def _capital(paragraph: str, match: re.Match[str], code: str) -> Mention:
    """A capital named for its Government ("Moscou et Beijing demandent")."""
    found = FoundLabel(match.group(), delegation_by_code(code), match.end())
    start = match.start()
    return Mention(found, start, start, match.end(), "bare", None, None, metonym=True)


def _word_start(paragraph: str, start: int) -> bool:
    """Say whether a word starts at `start`: not inside a word, or just after an elision (l’)."""
    if start == 0:
        return True
    previous = paragraph[start - 1]
    if previous in "’'":
        return (
            start >= 2
            and paragraph[start - 2] in "lLdD"
            and not (start >= 3 and paragraph[start - 3].isalnum())
        )
    return not (previous.isalnum() or previous == "-")


def _label(paragraph: str, start: int, max_words: int) -> FoundLabel | None:
    """The delegation named at `start`, also when a possessive ends it ("Peru’s delegate")."""
    # a possessive ends within 60 characters: a plain test spares the pattern without one
    near = start + 62
    hinted = paragraph.find("’s", start, near) >= 0 or paragraph.find("'s", start, near) >= 0
    possessive = _POSSESSIVE.match(paragraph, start) if hinted else None
    if possessive:
        found = label_at(paragraph[: possessive.end()], start, max_words)
        if found is not None and found.end == possessive.end():
            return found
    return label_at(paragraph, start, max_words)


def _phrase(paragraph: str, start: int, found: FoundLabel, floor: int) -> Mention:
    """Widen a mention to its noun phrase: a role before or after it, or a person's name."""
    before = paragraph[max(floor, start - 160) : start]
    offset = start - len(before)
    # Cheap tests first: a role ends with "of", "de" ... and names a role word not far before.
    near = before[-100:]
    hinted = _PREPOSITION_END.search(before[-12:]) and _ROLE_HINT.search(near.lower())
    for pattern in (EN_ROLE_BEFORE, FR_ROLE_BEFORE) if hinted else ():
        role = pattern.search(near)
        if role:
            title = _title(role.group())
            begin = start - len(near) + role.start()
            return Mention(found, start, begin, found.end, "role", None, title)
    close = BRACKET_CLOSE.match(paragraph, found.end)
    name = NAME_BEFORE.search(before) if close and before.rstrip().endswith("(") else None
    if name and close and _is_name(name.group("name")):
        begin = offset + name.start()
        return Mention(found, start, begin, close.end(), "name", name.group("name"), None)
    after = (
        EN_ROLE_AFTER.match(paragraph, found.end) if _may_have_role(paragraph, found.end) else None
    )
    if after:
        begin = offset + _article_start(before)
        return Mention(found, start, begin, after.end(), "role", None, None)
    begin = offset + _article_start(before)
    return Mention(found, start, begin, found.end, "bare", None, None)


_ROLE_HINT = re.compile(
    r"representative|delegat|speaker|observ|envoy|ambassad|counterpart|chargé|head|president|"
    r"minister|secretary|chancellor|king|queen|emir|amir|prince|sultan|premier|spokes|taoiseach|"
    r"director|commissioner|adviser|chief|governor|coordinator|attorney|justice|judge|mayor|"
    r"senator|member|représentant|délégu|délégat|porte-parole|résident|ministre|chef|secrétaire|roi|homolog|"
    r"reine|émir|chancel"
)
_PREPOSITION_END = re.compile(
    r"(?:\b(?:of|from|for|de|du|des)\s+(?:the\s+|la\s+)?|\bde\s+l[’']|\bd[’'])$"
)


_HONORIFIC = re.compile(r"^(?:M\.|Mme|Mlle|Mr\.|Mrs\.|Ms\.|Dr\.)\s+")


def _is_name(printed: str) -> bool:
    """Say whether words before a bracketed delegation are a person's name ("Mme KING" too)."""
    honorific = _HONORIFIC.match(printed)
    if honorific and printed[honorific.end() :].strip():
        rest = printed[honorific.end() :]
        return bool(name_style(rest)) or rest.strip()[:1].isupper() and " " not in rest.strip()
    return bool(name_style(printed))


_NEXT_WORD = re.compile(r"\s+(\S+)")
_ROLE_WORDS = frozenset(
    [
        "representative",
        "representatives",
        "delegate",
        "delegates",
        "delegation",
        "delegations",
        "speaker",
        "speakers",
        "observer",
        "observers",
        "envoy",
        "counterpart",
        "counterparts",
        "spokesperson",
        "spokesman",
        "spokeswoman",
    ]
)


def _may_have_role(paragraph: str, end: int) -> bool:
    """Cheaply say whether a role may follow a name: "’s", a role word or a capitalized title."""
    if paragraph.startswith(("’s", "'s"), end):
        return True
    following = _NEXT_WORD.match(paragraph, end)
    if following is None:
        return False
    word = following.group(1)
    return word[:1].isupper() or word.rstrip(".,;:") in _ROLE_WORDS


def _article_start(before: str) -> int:
    """Where an article just before a name starts ("the", "le", "l’"), else the name's start."""
    tail = before[-8:]
    if "\n" in tail:  # "$" may stop before a line break: the patterns decide
        starts = [
            m.start() for m in (FR_ARTICLE_BEFORE.search(tail), EN_ARTICLE_BEFORE.search(tail)) if m
        ]
        return len(before) - len(tail) + min(starts, default=len(tail))
    return len(before) - len(tail) + _article_in(tail)


_ARTICLE_WORDS = ("Les", "les", "Le", "le", "La", "la", "The", "the")


def _article_in(tail: str) -> int:
    """What FR_ARTICLE_BEFORE and EN_ARTICLE_BEFORE find in a window without line breaks, read
    with string tests: an article and spaces that end it, "l’" at its end, else its end."""
    word = tail.rstrip()
    if len(word) < len(tail):  # "le ", "The ": the article ends where the spaces start
        for article in _ARTICLE_WORDS:
            if word.endswith(article) and _word_starts_at(tail, len(word) - len(article)):
                return len(word) - len(article)
        return len(tail)
    elided = len(tail) >= 2 and tail[-2] in "Ll" and tail[-1] in "’'"
    return len(tail) - 2 if elided and _word_starts_at(tail, len(tail) - 2) else len(tail)


def _word_starts_at(text: str, position: int) -> bool:
    """What "\\b" says before a letter at `position`: no letter, digit or "_" just before it."""
    return position == 0 or not (text[position - 1].isalnum() or text[position - 1] == "_")


def _title(role: str) -> str | None:
    """Return a title worth keeping ("Prime Minister"), not a plain "representative"."""
    words = _TITLE_PREPOSITION.sub("", _TITLE_ARTICLE.sub("", role))
    plain = _PLAIN_ROLE.fullmatch(words.strip())
    return None if plain or not words.strip() else words.strip()


_TITLE_ARTICLE = re.compile(
    r"^(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Ll]es?|[Ll]a|[Ss]on|[Ss]a)\s+"
)
_TITLE_PREPOSITION = re.compile(
    r"\s+(?:of|from|for|de\s+la|de\s+l[’']|du|des|de|d[’'])\s*(?:the\s+)?$"
)
_PLAIN_ROLE = re.compile(
    r"(?:[Rr]epresentative|[Dd]elegate|[Ss]peaker|[Dd]elegation|[Cc]ounterpart|"
    r"représentante?|déléguée?|délégation|homologue)s?"
)
