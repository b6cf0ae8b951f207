"""Attributions that come after what was said: quotation first, inverted, French verb-subject.

"“...,” the representative of Fiji said", "..., said Ukraine’s delegate", "said Jane Doe, Minister
for X of Norway", "Among those was Jane Doe, Minister ... of Angola, who cited ...", "a estimé le
Royaume-Uni", "ont tranché les États-Unis". Each attribution starts where its sentence (or the
quotation it closes) starts, so the words before it are the statement's own.
"""

from __future__ import annotations

import re

from statements.parsing.clauses import read_clauses
from statements.parsing.delegations import clean_label, label_at, resolve
from statements.parsing.speakers import Attribution, name_style, presiding
from statements.parsing.substrings import holds_any
from statements.reference import STATE_KINDS, DelegationRef

_VERBS = (
    r"(?:said|says|stated|added|noted|stressed|emphasized|emphasised|underscored|underlined|"
    r"observed|warned|declared|insisted|argued|explained|recalled|asked|urged|concluded|"
    r"continued|affirmed|maintained|cautioned|told\s+the\s+\w+)"
)
_ROLE = r"(?:representative|delegate|speaker|delegation|observer|envoy|Ambassador)"
# One of these is in every _ROLE word ("delegat" in both "delegate" and "delegation").
_ROLE_WORDS = ("representative", "delegat", "speaker", "observer", "envoy", "Ambassador")
# Each pattern opens with one class (the quotation mark, comma or "w" that starts it) and reads
# the rest behind it: a pattern that opens with a class is scanned for far faster.
_QUOTE_OR_COMMA = r"[”\"’,](?:(?<=[”\"’])\s*,?\s+"
_AFTER_COMMA = r"|(?<=,)\s+"
# "” the representative of X said" / "” said the representative of X" / ", said X’s delegate".
_ROLE_OF = re.compile(
    rf"{_QUOTE_OR_COMMA}(?:{_VERBS}\s+)?{_AFTER_COMMA}{_VERBS}\s+)[Tt]he\s+{_ROLE}\s+(?:of|from|for)\s+"
)
_POSSESSIVE = re.compile(
    rf"{_QUOTE_OR_COMMA}(?:{_VERBS}\s+)?{_AFTER_COMMA}{_VERBS}\s+)(?:the\s+)?"
    rf"(?P<label>[A-Z][^,.;:“”\"]{{0,60}}?)(?:’|')s\s+{_ROLE}\b"
)
# "said Jane Doe, Minister for X of Norway", "Among those was Jane Doe, Minister of Angola, who"
# (a title is needed, and a State or group at its end).
_NAMED = re.compile(
    rf"[”\"’,w](?:(?<=[”\"’])\s*,?\s+{_VERBS}\s+{_AFTER_COMMA}{_VERBS}\s+|(?<=\bw)(?:as|ere)\s+)"
    r"(?P<name>(?:[A-Z][\w’'.-]+\s+){1,4}[A-Z][\w’'-]+),\s+(?P<rest>[A-Z][^.;:“”]{0,220})"
)
# Inverted only after a comma or a closing quotation mark: "Il a félicité le Mali" is an object.
_FRENCH_VERB = re.compile(
    r"(?:,|[»”\"])\s*(?:a|ont|avait|avaient)\s+(?:notamment\s+|aussi\s+|également\s+|quant\s+à\s+lui\s+)?"
    r"(?P<verb>dit|fait\s+valoir|[a-zéèêîôûç]+ée?s?)\s+(?P<article>les|le|la|l[’'])\s*"
)
_FRENCH_ROLE = re.compile(
    r"^(?:représentante?|déléguée?|délégation)\s+(?:de\s+la\s+|de\s+l[’']|du\s+|des\s+|de\s+|d[’'])"
)
# Cheap scans (each pattern opens with a literal) decide whether the English finders run at all.
_COMMA_VERB = re.compile(rf",\s+{_VERBS}\s")
_WAS_NAME = re.compile(r"(?:was|were)\s+[A-Z]")
_FRENCH_CUE = re.compile(r"\b(?:a|ont|avait|avaient)\s+\S*é")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s+(?=[A-Z“\"‘ÉÀ])")
_FRENCH_AFTER = re.compile(r"\s*(?:[.,;:)»”]|$|\s(?:qui|en|dans|pour|lors|après|avant)\b)")
_WHO = re.compile(r",\s+who\s+[a-z]")
_STATE_OR_GROUP = STATE_KINDS | {"group", "igo"}


def late_attributions(paragraph: str) -> list[Attribution]:
    """Find the attributions printed after the words they attribute, one per sentence."""
    found: dict[int, Attribution] = {}
    quoted = "”" in paragraph or '"' in paragraph or bool(_COMMA_VERB.search(paragraph))
    finders = (_role_of, _possessive, _named) if quoted else ()
    if not quoted and _WAS_NAME.search(paragraph):
        finders = (_named,)
    if "é" in paragraph and _FRENCH_CUE.search(paragraph):
        finders += (_french,)
    for finder in finders:
        for position, label, ref, speaker, title in finder(paragraph):
            start = _content_start(paragraph, position)
            if start not in found:
                found[start] = _attribution(start, label, ref, speaker, title)
    return [found[start] for start in sorted(found)]


def _role_of(paragraph: str):
    """Yield "the representative of X" printed after a quotation or after "said"."""
    if not holds_any(paragraph, _ROLE_WORDS):
        return  # the pattern needs a role word: plain tests spare its scan
    for match in _ROLE_OF.finditer(paragraph):
        label = label_at(paragraph, match.end())
        if label is not None:
            yield match.start(), label.label, label.ref, None, None


def _possessive(paragraph: str):
    """Yield "X’s delegate" printed after a quotation or after "said"."""
    if not ("’s" in paragraph or "'s" in paragraph) or not holds_any(paragraph, _ROLE_WORDS):
        return  # the pattern needs "’s" and a role word: plain tests spare its scan
    for match in _POSSESSIVE.finditer(paragraph):
        label = clean_label(match.group("label"))
        ref = resolve(label)
        if ref is not None:
            yield match.start(), label, ref, None, None


def _named(paragraph: str):
    """Yield "said NAME, Minister ... of Country" where the country resolves to a State."""
    for match in _NAMED.finditer(paragraph):
        name = match.group("name")
        if name_style(name) is None:
            continue
        if match.group().startswith(("was", "were")) and not _WHO.search(match.group("rest")):
            continue  # "Also present was NAME, Minister of X." names no words of theirs
        clauses = read_clauses(match.group("rest"))
        ref = clauses.ref
        if ref is None or ref.kind not in _STATE_OR_GROUP or not clauses.title:
            continue
        if presiding(clauses.title) and not clauses.national:
            continue
        yield match.start(), clauses.label, ref, name, clauses.title


def _french(paragraph: str):
    """Yield "a estimé le Royaume-Uni" and "a déclaré le représentant du Soudan"."""
    for match in _FRENCH_VERB.finditer(paragraph):
        if match.group("verb") == "été":
            continue
        end = match.end()
        role = _FRENCH_ROLE.match(paragraph, end)
        label = label_at(paragraph, role.end() if role else end)
        if label is None or not _FRENCH_AFTER.match(paragraph, label.end):
            continue
        if label.ref.kind in _STATE_OR_GROUP:
            yield match.start(), label.label, label.ref, None, None


def _content_start(paragraph: str, position: int) -> int:
    """Where the attributed words start: the opening of the quotation, else of the sentence."""
    if paragraph[position] in '”"’':
        opening = max(paragraph.rfind("“", 0, position), paragraph.rfind('"', 0, position))
        if opening >= 0:
            return _sentence_at(paragraph, opening)
    return _sentence_at(paragraph, position)


def _sentence_at(paragraph: str, position: int) -> int:
    """Return the start of the sentence holding `position`."""
    start = 0
    for match in _SENTENCE_BREAK.finditer(paragraph, 0, position + 1):
        start = match.end()
    return start


def _attribution(
    start: int,
    label: str | None,
    ref: DelegationRef | None,
    speaker: str | None,
    title: str | None,
) -> Attribution:
    """Build one late attribution."""
    return Attribution(
        start=start,
        speaker=speaker,
        label=label,
        ref=ref,
        title=title,
        on_behalf_of=None,
        aligned_with=None,
        kind_hint=None,
        named=speaker is not None,
    )
