"""Find what a release says was decided: the text acted on, the action, how, and the votes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from statements.parsing.enumerated import Item, enumerated
from statements.parsing.subjects import Subject, find_subject
from statements.parsing.substrings import CASE_ODDITIES, holds_any
from statements.parsing.summaries import Counted, counted, described
from statements.parsing.votes import (
    ABSENT,
    ABSTAINING,
    AGAINST,
    IN_FAVOUR,
    ParsedVote,
    Tally,
    find_tally,
    list_votes,
)

ACTIONS: tuple[str, ...] = (
    "adopted",
    "approved",
    "rejected",
    "failed_veto",
    "withdrawn",
    "deferred",
)
METHODS: tuple[str, ...] = ("without_vote", "consensus", "unanimous", "recorded", "non_recorded")

_ACTION_VERBS = (
    (
        "rejected",
        r"rejected|rejecting|defeated|voted\s+down|not\s+adopted|did\s+not\s+(?:adopt|approve)|"
        r"fail(?:ed|ing|s)\s+to\s+(?:be\s+)?(?:adopted|adopt|approved|approve|pass)|"
        r"rejet[ée]e?s?|n[’']a\s+pas\s+(?:été\s+|pu\s+être\s+)?adopt[ée]e?",
    ),
    ("failed_veto", r"vetoed|vetoing"),
    ("withdrawn", r"withdrawn|withdrew|retir[ée]e?s?"),
    (
        "deferred",
        r"deferred|deferring|postponed|postponing|ajourn[ée]e?s?|report[ée]e?s?\s+(?:à|sine)",
    ),
    ("approved", r"approved|approving|approuv[ée]e?s?"),
    (
        "adopted",
        r"adopted|adopting|retained|retaining|adopt[ée]e?s?|a\s+(?:\w+\s+)?décidé|"
        r"acting\s+without\s+a\s+vote|reaching\s+consensus\s+on",
    ),
)
_ACTION = re.compile(
    "|".join(rf"(?P<{name}>\b(?:{pattern})\b)" for name, pattern in _ACTION_VERBS), re.IGNORECASE
)
_VETO = re.compile(
    r"negative\s+vote\s+(?:cast\s+)?(?:of|by)\s+(?:a\s+|one\s+)?(?:of\s+(?:its|the)\s+)?permanent\s+"
    r"member|vote\s+n[ée]gatif\s+d[’']un\s+membre\s+permanent|\bveto(?:ed)?\b",
    re.IGNORECASE,
)
# A verb about what would, will or had been done is not a decision taken at this meeting.
_NOT_NOW = re.compile(
    r"\b(?:would|will|should|could|may|might|must|had|has|have|since|to)\s+(?:\w+\s+){0,3}$|"
    r"\b(?:before|prior\s+to)\s+$",
    re.IGNORECASE,
)
_METHODS = (
    ("without_vote", r"without\s+(?:a\s+)?vote|sans\s+(?:vote|mise\s+aux\s+voix)"),
    ("consensus", r"\bby\s+consensus|par\s+consensus|reaching\s+consensus\s+on"),
    ("recorded", r"\brecorded\s+vote|vote\s+enregistré"),
    ("non_recorded", r"\bnon-recorded\s+vote|show\s+of\s+hands|vote\s+non\s+enregistré"),
    ("unanimous", r"\bunanimous(?:ly)?\b|à\s+l[’']unanimité"),
)
# An action reported with a pointer to another release was taken at that release's meeting.
_ELSEWHERE = re.compile(r"\(\s*(?:See|Voir)\s+(?:Press\s+Release|communiqué)", re.IGNORECASE)
# Someone speaking about a text ("the speaker rejected the draft") is not the body deciding.
_SPEAKING = re.compile(
    r"\b(?:representative|delegate|speaker|delegation|said|stated|représentant|a\s+déclaré)\b",
    re.IGNORECASE,
)
# "approved 19 draft resolutions": a summary of actions the release details one by one.
_COUNTED_TEXTS = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+ze|deux|trois|quatre|"
    r"cinq|six|sept|huit|neuf|dix|other|several|all|remaining)\s+(?:[\w-]+\s+){0,2}"
    r"(?:resolutions|decisions|drafts|texts|résolutions|textes|projets)\b|"
    r"\bby\s+recorded\s+votes\b",
    re.IGNORECASE,
)
_AMENDMENT_SYMBOL = re.compile(r"\bamendment\s*\((?:document\s+)?([AES]/[^\s(),;]+)\)", re.I)
# "adopted in March", "adopted by the 2000 Review Conference": an earlier decision, referred to.
_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
)
_EARLIER = re.compile(
    rf"^\s*,?\s*(?:(?:in|en)\s+(?:{_MONTHS}|(?:19|20)\d\d)\b|on\s+\d{{1,2}}\s+(?:{_MONTHS})|"
    rf"le\s+\d{{1,2}}\s+(?:{_MONTHS})|last\s+(?:year|month|week|session)|"
    r"earlier\s+(?:this|that|in)|previously|at\s+(?:its|the)\s+(?:previous|last|[\w-]+\s+session)|"
    r"by\s+the\s+(?:(?:19|20)\d\d|previous|last|(?:[\w-]+\s+){0,3}(?:Conference|Summit|Congress))|"
    r"par\s+la\s+(?:[\w’'-]+\s+){0,3}?(?:Conférence|Sommet)|l[’']an\s+dernier|précédemment)",
    re.IGNORECASE,
)
# The lead's announcement of what the release details below ("The Council today failed to adopt
# a text ..."): the same decision, not another one.
_LEAD = re.compile(
    r"\b(?:today|this\s+(?:morning|afternoon|evening)|aujourd[’']hui|ce\s+matin|"
    r"cet\s+après-midi|ce\s+soir)\b",
    re.IGNORECASE,
)
# Several texts acted on in one sentence: "two decisions (documents E/2019/L.7 and E/2019/L.8)".
_PLURAL_TEXTS = re.compile(
    r"\b(?:resolutions|decisions|drafts|texts|documents|résolutions|décisions|projets|textes)\b",
    re.IGNORECASE,
)
# Two actions in one sentence: "a text on X, as well as a resolution on Y"; ", and adopted one ...".
_AS_WELL_AS = re.compile(
    r",?\s+as\s+well\s+as\s+(?=(?:an?|the|one)\s+(?:[\w-]+\s+)?(?:draft|text|resolution|decision))",
    re.IGNORECASE,
)
_AND_AGAIN = re.compile(
    r",?\s+and\s+(?:then\s+|also\s+)?(?=(?:adopted|approved|rejected)\s)", re.IGNORECASE
)
# "approved annually": a habit, not this meeting's decision.
_HABITUAL = re.compile(r"^\s*(?:annually|each\s+year|every\s+year|in\s+(?:previous|past)\s+years)")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[A-Z“\"(À-Ý])")
_RESOLUTION_SYMBOL = re.compile(r"^S/RES/(\d+)|^(?:resolution|résolution)\s+(\d+)\s*\(", re.I)
_COUNTED = ((IN_FAVOUR, "yes", "in favour"), (AGAINST, "no", "against"))
_COUNTED += ((ABSTAINING, "abstain", "abstaining"), (ABSENT, "absent", "absent"))


@dataclass(frozen=True)
class ParsedDecision:
    """One action the release reports: what was acted on, the outcome, how, and the votes."""

    sequence: int
    paragraph: int
    subject_symbols: tuple[str, ...]
    subject_title: str | None
    subject_kind: str
    action: str
    method: str | None
    yes: int | None
    no: int | None
    abstain: int | None
    absent: int | None
    votes: tuple[ParsedVote, ...]
    text: str
    warnings: tuple[str, ...] = ()

    @property
    def subject(self) -> str:
        """Return what was acted on, for display: its symbols, else its title or kind."""
        if self.subject_symbols:
            return ", ".join(self.subject_symbols)
        return self.subject_title or f"the {self.subject_kind.replace('_', ' ')}"

    def to_dict(self) -> dict[str, Any]:
        """Return the decision as a JSON-ready dict."""
        return {
            "sequence": self.sequence,
            "paragraph": self.paragraph,
            "subject_symbols": list(self.subject_symbols),
            "subject_title": self.subject_title,
            "subject_kind": self.subject_kind,
            "action": self.action,
            "method": self.method,
            "yes": self.yes,
            "no": self.no,
            "abstain": self.abstain,
            "absent": self.absent,
            "votes": [v.to_dict() for v in self.votes],
            "text": self.text,
            "warnings": list(self.warnings),
        }


def extract_decisions(paragraphs: Sequence[tuple[int, str]]) -> tuple[ParsedDecision, ...]:
    """Return every decision reported in (paragraph number, text) pairs, in document order."""
    found: list[ParsedDecision] = []
    listed: set[int] = set()
    amendment: tuple[int, str] | None = None
    summary: Counted | None = None
    described_keys: set[tuple[int, str]] = set()
    for number, text in paragraphs:
        votes = list_votes(text)
        if votes is not None:
            _attach_list(found, listed, votes)
        elif not _ELSEWHERE.search(text):
            for clause in (c for s in sentences(text) for c in _clauses(s)):
                if listed_items := _listed(enumerated(clause), number):
                    for one in listed_items:
                        _add(found, one)
                    continue
                decision, summary, is_described = _read(clause, number, summary)
                if decision is None:
                    continue
                if is_described:
                    described_keys.add((decision.paragraph, decision.text))
                elif found and _tallies(found[-1], decision, described_keys):
                    # The vote's sentence reports the decision; the description named the text.
                    found[-1] = replace(
                        _merged(found[-1], decision),
                        paragraph=decision.paragraph,
                        text=decision.text,
                    )
                    continue
                decision, amendment = _named_amendment(decision, amendment)
                if decision.subject_kind != "amendment":
                    amendment = None  # a named amendment is voted on before the text it amends
                for one in _each_text(decision):
                    _add(found, one)
            named = _AMENDMENT_SYMBOL.search(text)
            amendment = (number, named.group(1)) if named else amendment
    kept = [
        (d, i in listed)
        for i, d in enumerate(found)
        if not _vague_repeat(d, found) and not _announces(d, found[:i] + found[i + 1 :])
    ]
    return tuple(_checked(replace(d, sequence=n), lists) for n, (d, lists) in enumerate(kept, 1))


def _read(
    clause: str, paragraph: int, summary: Counted | None
) -> tuple[ParsedDecision | None, Counted | None, bool]:
    """Read a clause as a decision, a summary that counts texts, or one counted text described.

    Returns the decision (or None), the summary still open, and whether the decision is a
    counted text described.
    """
    tally = find_tally(clause)
    subject = described(clause) if summary and summary.remaining > 0 and not tally else None
    if subject is not None and summary is not None:
        summary.remaining -= 1
        decision = _build(clause, paragraph, summary.action, summary.method, subject, None)
        return decision, summary, True
    verb = _main_verb(clause)
    decision = _decision(clause, paragraph, verb)
    if decision is None and verb is not None and tally is None and (count := counted(clause)):
        summary = Counted(_action(clause, verb), _method(clause, None), count)
    return decision, summary, False


def _listed(items: list[Item], paragraph: int) -> list[ParsedDecision]:
    """Build the decisions a sentence lists one by one, when it reports them taken now."""
    decisions = []
    for item in items:
        verb = _main_verb(item.text)
        if verb is None and item.decided < 0:
            return []  # "the reports concerned A and B, respectively" decides nothing
        if verb is None and _NOT_NOW.search(item.text[: item.decided]):
            return []  # "had decided to extend" tells of an earlier meeting
        tally = find_tally(item.text)
        kind = item.kind or find_subject(item.text, verb.start(), verb.end()).kind
        action = _action(item.text, verb) if verb else "adopted"
        subject = Subject((), item.title, kind, True)
        decisions.append(
            _build(item.text, paragraph, action, _method(item.text, tally), subject, tally)
        )
    return decisions


def _tallies(
    earlier: ParsedDecision, later: ParsedDecision, described_keys: set[tuple[int, str]]
) -> bool:
    """Say whether a vote on "the draft" is the vote on the counted text just described."""
    return (
        (earlier.paragraph, earlier.text) in described_keys
        and earlier.yes is None
        and later.yes is not None
        and not (later.subject_symbols or later.subject_title)
        and later.action == earlier.action
        and later.paragraph - earlier.paragraph <= 2
    )


def _vague_repeat(decision: ParsedDecision, found: list[ParsedDecision]) -> bool:
    """Say whether a decision says only what another of the same action says in more detail."""
    vague = not (decision.subject_symbols or decision.subject_title or decision.method)
    return vague and any(d is not decision and d.action == decision.action for d in found)


def _announces(decision: ParsedDecision, others: list[ParsedDecision]) -> bool:
    """Say whether a decision is the lead's announcement of one the release details elsewhere.

    Elsewhere is mostly below, but the headline may name the text before the lead announces it.
    """
    if decision.subject_symbols or decision.yes is not None or decision.method:
        return False
    if not _LEAD.search(decision.text):
        return False
    return any(d.action == decision.action and d.subject_symbols for d in others)


def _each_text(decision: ParsedDecision) -> list[ParsedDecision]:
    """One decision per text when one sentence reports several texts acted on without a tally."""
    symbols = decision.subject_symbols
    if len(symbols) < 2 or decision.yes is not None or not _PLURAL_TEXTS.search(decision.text):
        return [decision]
    return [replace(decision, subject_symbols=(symbol,)) for symbol in symbols]


def _named_amendment(
    decision: ParsedDecision, amendment: tuple[int, str] | None
) -> tuple[ParsedDecision, tuple[int, str] | None]:
    """Give "the amendment" the symbol named before it, once, if no other decision came between."""
    if amendment is None or decision.subject_kind != "amendment" or decision.subject_symbols:
        return decision, amendment
    return replace(decision, subject_symbols=(amendment[1],), subject_title=None), None


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences (document symbols keep their dots)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _clauses(sentence: str) -> list[str]:
    """Split a sentence reporting two actions into one sentence per action.

    "It also adopted a text on X, as well as a resolution on Y" and "... adopted three resolutions
    ..., and adopted one resolution ..., entitled Z" each report two decisions.
    """
    verb = _main_verb(sentence)
    if verb is None:
        return [sentence]
    after = sentence[verb.end() :]
    joined = _AS_WELL_AS.search(after)
    if joined:
        head = sentence[: verb.end()] + after[: joined.start()]
        return [head, sentence[: verb.end()] + " " + after[joined.end() :]]
    again = _AND_AGAIN.search(after)
    if again:
        return [sentence[: verb.end()] + after[: again.start()], after[again.end() :]]
    return [sentence]


def _decision(sentence: str, paragraph: int, verb: re.Match[str] | None) -> ParsedDecision | None:
    """Read one sentence as a decision (its main verb given), or return None if it reports none."""
    if verb is None:
        return None
    tally = find_tally(sentence)
    method = _method(sentence, tally)
    subject = find_subject(sentence, verb.start(), verb.end())
    if verb.group(0).casefold().startswith("acting"):
        # "acting without a vote, reiterated “grave concern” ...": what follows is the text's
        # content, not its title.
        subject = Subject(subject.symbols, None, "text", True)
    if _HABITUAL.match(sentence[verb.end() :]):
        return None
    if tally is None and _COUNTED_TEXTS.search(sentence) and len(subject.symbols) < 2:
        return None
    if tally is None and method is None:
        if not subject.specific:
            return None
        if _SPEAKING.search(re.split(r"[,;]", sentence[: verb.start()])[-1]):
            return None
    return _build(sentence, paragraph, _action(sentence, verb), method, subject, tally)


def _main_verb(sentence: str) -> re.Match[str] | None:
    """Return the first action verb that reports something done now."""
    if not _may_hold_action(sentence):
        return None
    for match in _ACTION.finditer(sentence):
        if _EARLIER.match(sentence[match.end() :]):
            continue
        if match.lastgroup == "rejected" or not _NOT_NOW.search(sentence[: match.start()]):
            return match
    return None


# Every verb _ACTION reads holds one of these (lower case): plain substring tests spare the
# pattern, which tries every position of the sentence. Lower-casing matches what the case-blind
# pattern does except for the letters of CASE_ODDITIES, where the pattern decides.
_ACTION_KEYS = (
    "reject", "defeat", "voted", "adopt", "approv", "approu", "fail", "rejet", "veto", "withdr",
    "retir", "defer", "postpon", "ajourn", "report", "retain", "décidé", "acting", "consensus",
)  # fmt: skip


def _may_hold_action(sentence: str) -> bool:
    """Say whether a sentence may hold a verb _ACTION reads (a necessary condition)."""
    return holds_any(sentence, CASE_ODDITIES) or holds_any(sentence.lower(), _ACTION_KEYS)


def _action(sentence: str, verb: re.Match[str]) -> str:
    """Name the action, turning a rejection owing to a permanent member's vote into a veto."""
    action = verb.lastgroup or "adopted"
    if action == "rejected" and _VETO.search(sentence):
        return "failed_veto"
    return action


def _method(sentence: str, tally: Tally | None) -> str | None:
    """Say how the decision was taken, from its wording or from a printed tally."""
    for name, pattern in _METHODS:
        if re.search(pattern, sentence, re.IGNORECASE):
            return name
    return "non_recorded" if tally is not None else None


def _build(
    sentence: str,
    paragraph: int,
    action: str,
    method: str | None,
    subject: Subject,
    tally: Tally | None,
) -> ParsedDecision:
    """Assemble a decision from the parts read off its sentence."""
    return ParsedDecision(
        sequence=0,
        paragraph=paragraph,
        subject_symbols=subject.symbols,
        subject_title=subject.title,
        subject_kind=subject.kind,
        action=action,
        method=method,
        yes=tally.yes if tally else None,
        no=tally.no if tally else None,
        abstain=tally.abstain if tally else None,
        absent=None,
        votes=tally.votes if tally else (),
        text=sentence,
    )


def _add(found: list[ParsedDecision], decision: ParsedDecision) -> None:
    """Append a decision, or complete an earlier report of the same action on the same symbols."""
    if found and _continues(found[-1], decision):
        found[-1] = _merged(found[-1], decision)
        return
    for index, earlier in enumerate(found):
        if _same_texts(earlier, decision) and earlier.action == decision.action:
            found[index] = _merged(earlier, decision)
            return
    found.append(decision)


def _same_texts(earlier: ParsedDecision, later: ParsedDecision) -> bool:
    """Say whether two reports name the same text: "resolution 2602 (2021)" is S/RES/2602."""
    if earlier.subject_symbols == later.subject_symbols != ():
        return True
    first, second = _resolutions(earlier), _resolutions(later)
    return bool(first) and first == second


def _resolutions(decision: ParsedDecision) -> set[str]:
    """The Council resolution numbers among a decision's symbols ("2602")."""
    numbers = set()
    for symbol in decision.subject_symbols:
        found = _RESOLUTION_SYMBOL.search(symbol)
        if found:
            numbers.add(found[1] or found[2])
    return numbers


def _continues(earlier: ParsedDecision, later: ParsedDecision) -> bool:
    """Say whether a sentence gives the vote on the text the sentence before it named.

    "Next, the Committee approved operative paragraph 16. ... It retained that paragraph by a vote
    of 152 in favour ..." is one decision told in two sentences.
    """
    return (
        earlier.paragraph == later.paragraph
        and earlier.yes is None
        and later.yes is not None
        and not (later.subject_symbols or later.subject_title)
    )


def _merged(earlier: ParsedDecision, later: ParsedDecision) -> ParsedDecision:
    """Fill what the first report of a decision left out from a later report of it."""
    filled = {
        name: getattr(later, name)
        for name in ("subject_title", "method", "yes", "no", "abstain", "absent")
        if getattr(earlier, name) is None
    }
    if not earlier.votes:
        filled["votes"] = later.votes
    return replace(earlier, **filled)


def _attach_list(
    found: list[ParsedDecision], listed: set[int], votes: tuple[ParsedVote, ...]
) -> None:
    """Give a recorded-vote list to the latest recorded vote still without one."""
    if not found:
        return
    index = next(
        (i for i in range(len(found) - 1, -1, -1) if found[i].method == "recorded"),
        len(found) - 1,
    )
    kept = {v.delegation_label.casefold(): v for v in (*found[index].votes, *votes)}
    found[index] = replace(found[index], votes=tuple(kept.values()))
    listed.add(index)


def _checked(decision: ParsedDecision, from_list: bool) -> ParsedDecision:
    """Fill tallies a list implies and warn where the printed tallies and the names disagree."""
    warnings, counts = [], {}
    for vote, field, words in _COUNTED:
        named = sum(1 for v in decision.votes if v.vote == vote)
        printed = getattr(decision, field)
        counts[field] = printed if printed is not None or not from_list else named
        if printed is not None and (named or from_list) and named != printed:
            warnings.append(
                f"Decision {decision.sequence} (paragraph {decision.paragraph}): the tally says "
                f"{printed} {words} but {named} delegation(s) are named."
            )
    return replace(decision, warnings=tuple(warnings), **counts)
