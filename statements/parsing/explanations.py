"""Link statements to the decision they explain: explanations of vote before or after a vote."""

from __future__ import annotations

import re
from collections.abc import Sequence

from statements.parsing.decisions import ParsedDecision
from statements.parsing.model import ParsedStatement

_CUE = re.compile(
    r"explanation\s+of\s+(?:vote|position)|"
    r"explain(?:ing|ed|s)?\s+(?:its|his|her|their|the)\s+(?:\w+\s+){0,2}(?:vote|position)|"
    r"(?:before|after|following|prior\s+to)\s+(?:the\s+)?(?:vote|voting|adoption|action|approval)|"
    r"\babstained\b|\bvoted\s+(?:against|in\s+favou?r|for|yes|no)\b|explication\s+de\s+vote|"
    r"(?:avant|après)\s+(?:le\s+vote|l[’']adoption)|s[’']est\s+abstenue?",
    re.IGNORECASE,
)
_BEFORE = re.compile(r"\b(?:before|prior\s+to|avant)\b", re.IGNORECASE)


def explanations(
    statements: Sequence[ParsedStatement], decisions: Sequence[ParsedDecision]
) -> tuple[tuple[int, int], ...]:
    """Return (statement sequence, decision sequence) for each statement explaining a vote."""
    links = []
    for statement in statements if decisions else ():
        cue = _CUE.search(statement.text)
        if cue is None:
            continue
        target = _mentioned(statement.text, decisions) or _nearest(
            statement.paragraph, decisions, before=bool(_BEFORE.search(cue.group(0)))
        )
        links.append((statement.sequence, target.sequence))
    return tuple(links)


def _mentioned(text: str, decisions: Sequence[ParsedDecision]) -> ParsedDecision | None:
    """Return the decision whose symbol or title the statement names, if exactly one."""
    folded = text.casefold()
    named = [
        d
        for d in decisions
        if any(s.casefold() in folded or _short(s) in text for s in d.subject_symbols)
        or (d.subject_title and len(d.subject_title) > 12 and d.subject_title.casefold() in folded)
    ]
    return named[0] if len(named) == 1 else None


def _short(symbol: str) -> str:
    """Return the short form a draft goes by ("L.34" for A/C.3/79/L.34), else the symbol."""
    last = symbol.rsplit("/", 1)[-1]
    return last if last.startswith("L.") else symbol


def _nearest(
    paragraph: int, decisions: Sequence[ParsedDecision], *, before: bool
) -> ParsedDecision:
    """Return the next decision for a statement made before a vote, else the previous one."""
    later = [d for d in decisions if d.paragraph >= paragraph]
    earlier = [d for d in decisions if d.paragraph <= paragraph]
    if before:
        return later[0] if later else earlier[-1]
    return earlier[-1] if earlier else later[0]
