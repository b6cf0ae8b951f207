"""Link explanations of vote to the decisions they explain, from what they say and where they stand.

A statement explains a vote when it says so ("explaining her abstention", "speaking in explanation
of vote after the vote", "said his delegation had voted in favour of the draft"). The decision it
explains is, in order of trust:

1. every decision whose symbol, resolution number or title the statement names (several allowed);
2. otherwise, among the decisions of the kind it names ("on the amendment" against "the draft"),
   the one its place and its words single out: the next vote for a statement made before the vote,
   the previous one for a statement made after it; and when that leaves several, the one on which
   the release records the delegation's vote as the statement tells it ("explaining her abstention"
   where she abstained).

Where this leaves no decision or more than one, the statement is not linked: a missing link is
better than a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from statements.parsing.decisions import ParsedDecision
from statements.parsing.model import ParsedNarrative, ParsedStatement

_CUE = re.compile(
    r"explanation\s+of\s+(?:vote|position)|"
    r"explain(?:ing|ed|s)?\s+(?:its|his|her|their|the|why)\b|"
    r"(?:before|after|following|prior\s+to)\s+(?:(?:the|that|this|its)\s+)?(?:vote|voting|adoption|action)\b|"
    r"\babstain(?:ed|ing)?\b|\babstention\b|"
    r"\bvot(?:ed|ing)\s+(?:against|in\s+favou?r|for|yes|no)\b|"
    r"\bjoin(?:ed|ing)\s+(?:the\s+)?consensus\b|"
    r"explication\s+de\s+(?:vote|position)|(?:avant|après)\s+(?:le\s+vote|l[’']adoption)|"
    r"s[’']est\s+abstenue?|\babstention\b|a\s+voté\s+(?:pour|contre|en\s+faveur)|"
    r"(?:a\s+)?rejoint\s+le\s+consensus|"
    r"\bwelcom(?:ed|ing)\s+the\s+(?:adoption|unanimous\s+(?:vote|adoption))\b|"
    r"\bsupport(?:ed|ing)\s+the\s+(?:[\w-]+\s+){0,2}(?:text|resolution|draft|renewal|decision|"
    r"extension)\b|"
    r"\bcould\s+not\s+(?:accept|support)\s+the\s+(?:text|draft|resolution|references?)\b|"
    r"\bsupport\s+for\s+the\s+(?:[\w-]+\s+){0,2}(?:text|resolution|draft|decision)\b|"
    r"\b(?:dis-?associat|dissociat)(?:e|ed|es|ing)\b|"
    r"\b(?:call(?:ed|ing)?|ask(?:ed|ing)?|request(?:ed|ing)?)\s+for\s+(?:a|the)\s+(?:recorded\s+)?vote\b|"
    r"\brequired\s+a\s+(?:recorded\s+)?vote\b|\bin\s+favou?r\s+of\s+(?:the\s+|its\s+)?adoption\b|"
    r"\b(?:se\s+sont|s[’']est)\s+joint(?:e|s|es)?\s+au\s+consensus|"
    r"en\s+faveur\s+de\s+l[’']adoption|se\s+dissocie",
    re.IGNORECASE,
)
# A speaker who judges the act of adopting the text ("approval of the draft resolution signals
# inaction", "the adoption of this text ... would be the best contribution") states a position on
# it; one who introduces the text and asks for its adoption does not explain a vote.
_ON_THE_ADOPTION = re.compile(
    r"\b(?:approval|adoption)\s+of\s+(?:the|this|that|today[’']s)\s+(?:draft\s+)?"
    r"(?:resolution|text|decision)\b|"
    r"\b(?:resolution|text|draft)\s+(?:just|today)\s+(?:adopted|approved)\b|"
    r"\bl[’']adoption\s+(?:du|de\s+ce)\s+(?:texte|projet)\b|"
    r"\bl[’']adoption\s+de\s+(?:la|cette)\s+résolution\b",
    re.IGNORECASE,
)
# At a Security Council meeting that took one decision, a member speaking of "the text" speaks
# to the vote it has just cast (or is about to cast): that is what the Council's speakers do there.
_COUNCIL = "Security Council"
_THE_TEXT = re.compile(
    r"\b(?:the|this|that)\s+(?:draft\s+)?(?:resolution|text|draft)\b|"
    r"\b(?:speaking|in\s+(?:its|his|her)\s+capacity)\s+as\s+(?:the\s+)?pen-?holder\b|"
    r"\ben\s+(?:sa|leur)\s+qualité\s+de\s+(?:co-?)?porte-plumes?\b|"
    r"\b(?:le|ce|du)\s+(?:texte|projet)\b|\b(?:la|cette)\s+résolution\b",
    re.IGNORECASE,
)
# A Council member whose text the meeting voted on ("une résolution, présentée par les États-Unis",
# "a draft sponsored by the Russian Federation") speaks to it after the vote.
_AUTHOR = re.compile(
    r"\b(?:présentée?s?|soumise?s?|submitted|tabled|put\s+forward|sponsored|drafted)\s+(?:par|by)\s+"
    r"(?:les\s+|le\s+|la\s+|l[’']\s*|the\s+)?(?P<who>[^,.;()«“]{2,60})",
    re.IGNORECASE,
)
# The release's own words announcing explanations ("several delegations took the floor to explain
# their abstention."): they lend their cue to the statements that follow in the same paragraph.
_ANNOUNCED = re.compile(
    r"explanations?\s+of\s+(?:vote|position)|"
    r"\bexplain(?:ed|ing)?\s+(?:their|its|his|her)\s+(?:abstentions?|votes?|positions?)\b|"
    r"explications?\s+de\s+(?:vote|position)|"
    r"\bexpliquer\s+(?:leur|son|sa)\s+(?:vote|abstention|position)\b",
    re.IGNORECASE,
)
_INTRODUCING = re.compile(r"\bintroduc(?:ed|ing|es?)\b|\bprésent(?:ant|é)\b", re.IGNORECASE)
# Speakers whose words explain no vote of theirs.
_NOT_VOTERS = frozenset({"summary", "briefing", "right_of_reply"})
_NO_VOTE_TAKEN = frozenset({"without_vote", "consensus"})
# An observer (a State or body that is not a member) speaks, but casts no vote to explain.
_OBSERVER = re.compile(
    r"\b(?:Permanent\s+)?Observer(?:\s+Mission)?\s+(?:of|for)\b|"
    r"\bl[’']observat(?:eur|rice)\s+(?:permanent(?:e)?\s+)?(?:de|du|des)\b",
    re.IGNORECASE,
)
_BEFORE = re.compile(
    r"\b(?:before|prior\s+to)\s+(?:(?:the|that|this|its)\s+)?(?:vote|voting|adoption|action)\b|"
    r"\bwould\s+(?:vote|abstain)\b|\bwill\s+(?:vote|abstain)\b|\bavant\s+(?:le\s+vote|l[’']adoption)",
    re.IGNORECASE,
)
_AFTER = re.compile(
    r"\b(?:after|following)\s+(?:(?:the|that|this|its)\s+)?(?:vote|voting|adoption|action)\b|"
    r"\b(?:had\s+)?(?:voted|abstained)\b|\bhad\s+joined\b|\bjoined\s+(?:the\s+)?consensus\b|"
    r"\bwelcom(?:ed|ing)\s+the\s+(?:adoption|unanimous)|"
    r"\bexplaining\s+(?:its|his|her|their)\s+(?:delegation[’']s\s+)?(?:abstention|vote)\b|"
    r"\baprès\s+(?:le\s+vote|l[’']adoption)|s[’']est\s+abstenue?|a\s+voté",
    re.IGNORECASE,
)
_STATED_VOTES = (
    ("abstaining", re.compile(r"\babstain|\babstention|s[’']est\s+abstenu", re.IGNORECASE)),
    (
        "against",
        re.compile(r"\bvot(?:ed|e|ing)\s+against\b|\bvote\s+négatif|a\s+voté\s+contre", re.I),
    ),
    (
        "in_favour",
        re.compile(
            r"\bvot(?:ed|e|ing)\s+(?:in\s+favou?r|for|yes)\b|a\s+voté\s+(?:pour|en\s+faveur)", re.I
        ),
    ),
)
_AMENDMENT = re.compile(r"\bamendments?\b|\bamendements?\b", re.IGNORECASE)
_WHOLE_TEXT = re.compile(
    r"\b(?:draft(?:\s+resolution|\s+decision)?|resolution|text|texte|projet(?:\s+de\s+résolution)?|"
    r"r[ée]solution)\b(?!\s+(?:of|to)\s+the\s+amendment)",
    re.IGNORECASE,
)
_EVERY = re.compile(
    r"\b(?:both|all\s+(?:the\s+)?(?:three|four|\d+))\s+(?:texts|drafts|votes|proposals)\b|"
    r"\bles\s+deux\s+(?:textes|projets)",
    re.IGNORECASE,
)
_RESOLUTION_NUMBER = re.compile(r"(\d{1,4})\s*\((\d{4})\)")


def vote_links(
    statements: Sequence[ParsedStatement],
    decisions: Sequence[ParsedDecision],
    *,
    body: str | None = None,
    narrative: Sequence[ParsedNarrative] = (),
) -> tuple[tuple[int, int], ...]:
    """Return (statement sequence, decision sequence) for each explanation the text settles."""
    links: list[tuple[int, int]] = []
    spoken = sorted(s.paragraph for s in statements)
    announced = {n.paragraph: n.text for n in narrative if _ANNOUNCED.search(n.text)}
    for statement in statements if decisions else ():
        if statement.kind in _NOT_VOTERS or _OBSERVER.search(statement.text):
            continue
        if statement.paragraph in announced and not _CUE.search(statement.text):
            text = f"{announced[statement.paragraph]} {statement.text}"
            statement = replace(statement, text=text)
        if _CUE.search(statement.text) or _judges_the_adoption(statement):
            explained = _explained(statement, decisions, spoken)
        elif _on_the_council_text(statement, decisions, body):
            explained = list(decisions)
        else:
            continue
        links += [(statement.sequence, d.sequence) for d in explained]
    return tuple(links)


def _judges_the_adoption(statement: ParsedStatement) -> bool:
    """Say whether a statement judges the adoption of the text rather than introducing it."""
    text = statement.text
    return bool(_ON_THE_ADOPTION.search(text)) and not _INTRODUCING.search(text)


def _on_the_council_text(
    statement: ParsedStatement, decisions: Sequence[ParsedDecision], body: str | None
) -> bool:
    """Say whether a Council speaker speaks of the one text the meeting voted on (or wrote it)."""
    return (
        body == _COUNCIL
        and len(decisions) == 1
        and decisions[0].method not in _NO_VOTE_TAKEN
        and (bool(_THE_TEXT.search(statement.text)) or _put_forward_by(statement, decisions[0]))
        and not _INTRODUCING.search(statement.text)
    )


def _put_forward_by(statement: ParsedStatement, decision: ParsedDecision) -> bool:
    """Say whether the release names the statement's delegation as the text's author."""
    label = (statement.delegation_label or "").casefold()
    authors = (m["who"].casefold() for m in _AUTHOR.finditer(decision.text))
    # "Guinea" is not "Guinea-Bissau": the name must end where the label does.
    return bool(label) and any(re.match(rf"{re.escape(label)}(?![\w-])", who) for who in authors)


def _explained(
    statement: ParsedStatement, decisions: Sequence[ParsedDecision], spoken: list[int]
) -> list[ParsedDecision]:
    """Return the decisions a statement explains, or [] when the text does not settle it."""
    named = [d for d in decisions if _names(statement.text, d)]
    if named:
        return named
    every = bool(_EVERY.search(statement.text))
    pool = list(decisions) if every else _of_the_kind_named(statement.text, decisions)
    if any(pattern.search(statement.text) for _, pattern in _STATED_VOTES):
        # Who says how they voted explains a vote, not a text adopted without one.
        pool = [d for d in pool if d.method not in _NO_VOTE_TAKEN]
    before, after = bool(_BEFORE.search(statement.text)), bool(_AFTER.search(statement.text))
    if before and not after:
        side = [d for d in pool if d.paragraph > statement.paragraph][:1]
    elif after and not before:
        side = [d for d in pool if d.paragraph < statement.paragraph]
    else:
        side = list(pool)
    if not side:
        # Releases print the action first and the speeches after it, whatever their order in
        # the room: "speaking before the adoption" can follow the vote in the text.
        side = list(pool)
    if every:
        return side
    if len(side) > 1:
        matching = _matching_vote(statement, side)
        if len(matching) != 1 and after and not before and _interleaved(side[-2:], spoken):
            # Votes and statements alternate: a statement after a vote speaks to the last one,
            # unless the release records its delegation voting otherwise on it.
            matching = _matching_vote(statement, side[-1:], strict=False)
        side = matching
    return side if len(side) == 1 else []


def _interleaved(pair: list[ParsedDecision], spoken: list[int]) -> bool:
    """Say whether someone spoke between two decisions (votes and statements alternate)."""
    first, last = pair[0].paragraph, pair[-1].paragraph
    return any(first < paragraph < last for paragraph in spoken)


def _names(text: str, decision: ParsedDecision) -> bool:
    """Say whether a statement names a decision's text by symbol, number or title."""
    folded = text.casefold()
    for symbol in decision.subject_symbols:
        number = _RESOLUTION_NUMBER.search(symbol)
        if number and re.search(rf"\b{number[1]}\s*\({number[2]}\)", text):
            return True
        if symbol.casefold() in folded:
            return True
        short = symbol.rsplit("/", 1)[-1]
        if short.startswith("L.") and re.search(rf"(?<![\w.]){re.escape(short)}(?!\d|\.\d)", text):
            return True
    title = decision.subject_title or ""
    return len(title) > 15 and title.casefold() in folded


def _of_the_kind_named(text: str, decisions: Sequence[ParsedDecision]) -> list[ParsedDecision]:
    """Keep the amendments when only an amendment is named, the texts when only a text is."""
    amendment, whole = bool(_AMENDMENT.search(text)), bool(_WHOLE_TEXT.search(text))
    if amendment and not whole:
        return [d for d in decisions if d.subject_kind == "amendment"]
    if whole and not amendment:
        return [d for d in decisions if d.subject_kind != "amendment"]
    return list(decisions)


def _matching_vote(
    statement: ParsedStatement, candidates: list[ParsedDecision], *, strict: bool = True
) -> list[ParsedDecision]:
    """Keep the decisions on which the release records the vote the statement says it cast.

    Strict: only decisions recording that vote. Not strict: also those recording no vote of the
    delegation, dropping only those that record another.
    """
    stated = [vote for vote, pattern in _STATED_VOTES if pattern.search(statement.text)]
    label = (statement.delegation_label or "").casefold()
    if len(stated) != 1 or not label:
        return candidates if not strict else []
    kept = []
    for decision in candidates:
        recorded = {v.vote for v in decision.votes if v.delegation_label.casefold() == label}
        if stated[0] in recorded or (not strict and not recorded):
            kept.append(decision)
    return kept
