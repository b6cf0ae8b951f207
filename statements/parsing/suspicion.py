"""Flag statements a reviewer should read in full: what looks glued on, misattributed or unknown.

Each warning is a string "<code>: <message>", the code one of WARNING_CODES, so the review page
can style or filter them and a person can read them as they are.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import replace

from statements.parsing.delegations import clean_label, label_at, resolve
from statements.parsing.model import ParsedStatement
from statements.parsing.no_name import sentence_starts
from statements.parsing.sections import is_vote, speaker_cue

OTHER_DELEGATION = "names_other_delegation"
VOTE_SENTENCE = "vote_sentence"
MUCH_LONGER = "much_longer"
UNRESOLVED = "unresolved_delegation"
WARNING_CODES: tuple[str, ...] = (OTHER_DELEGATION, VOTE_SENTENCE, MUCH_LONGER, UNRESOLVED)

_REPORTING = (
    r"(?:said|says|stated|added|noted|stressed|emphasized|underscored|underlined|regretted|"
    r"cited|called|urged|warned|welcomed|expressed|observed|recalled|argued|insisted|declared|"
    r"pointed|highlighted|asked|explained|agreed|a\s+\w+é|ont\s+\w+é)"
)
_ROLE = r"(?:representative|delegate|speaker|delegation|représentante?|délégation)"
# Without a leading \b the pattern opens with letters and is scanned for fast; where a word
# starts is checked apart (no role word starts inside another match).
_ROLE_OF = re.compile(rf"{_ROLE}\s+(?:of|from|for|de\s+la|de\s+l[’']|du|des|de|d[’'])\s+")
_POSSESSIVE = re.compile(rf"(?:’|')s\s+{_ROLE}\b")
_BEFORE = re.compile(r"[^,.;:“”\"()]{1,60}$")
_VERB_SOON = re.compile(rf"[^.;]{{0,80}}?\b{_REPORTING}\b")
# "the statement made by the delegation of Turkey": that delegation is an object, not a speaker.
_OBJECT = re.compile(
    r"\b(?:by|to|with|against|from|of|on|towards?|par|à|avec)\s+(?:the\s+|la\s+|le\s+)?$"
)
_NEIGHBOURS = 2
_LONG_FACTOR = 4
_LONG_MIN_CHARS = 1500


def flag_statements(statements: list[ParsedStatement]) -> list[ParsedStatement]:
    """Return the statements with their warnings filled in (one without any is returned as it
    came: most are, and copying each costs a frozen dataclass)."""
    lengths = [len(s.text) for s in statements]
    return [
        _flagged(s, _warnings(s, _neighbour_length(lengths, i))) for i, s in enumerate(statements)
    ]


def _flagged(statement: ParsedStatement, warnings: list[str]) -> ParsedStatement:
    """The statement with these warnings, itself when it already has them (none)."""
    if not warnings and not statement.warnings:
        return statement
    return replace(statement, warnings=tuple(warnings))


def _warnings(statement: ParsedStatement, neighbours: float | None) -> list[str]:
    """The warnings of one statement."""
    found = []
    other = _other_delegation(statement)
    if other:
        found.append(f"{OTHER_DELEGATION}: the text names '{other}' with a reporting verb")
    sentence = _vote_sentence(statement.text)
    if sentence:
        found.append(f"{VOTE_SENTENCE}: the text holds a vote sentence ('{_clip(sentence)}')")
    if neighbours and len(statement.text) > max(_LONG_MIN_CHARS, _LONG_FACTOR * neighbours):
        found.append(
            f"{MUCH_LONGER}: {len(statement.text)} characters, its neighbours about "
            f"{int(neighbours)}"
        )
    label = statement.delegation_label
    if label and not statement.delegation_code and statement.kind != "briefing":
        found.append(f"{UNRESOLVED}: '{label}' is not a known delegation")
    return found


def _neighbour_length(lengths: list[int], index: int) -> float | None:
    """The median length of the statements around one, None without neighbours."""
    around = lengths[max(0, index - _NEIGHBOURS) : index] + lengths[index + 1 : index + 3]
    return statistics.median(around) if around else None


def _other_delegation(statement: ParsedStatement) -> str | None:
    """Return another delegation the text credits with words, if any."""
    own = {resolve(x).code for x in _own_labels(statement) if resolve(x)}
    own.add(statement.delegation_code)
    text = statement.text
    for label, end in _named_delegations(text):
        ref = resolve(label)
        if ref is not None and ref.code not in own and _VERB_SOON.match(text, end):
            return label
    return None


def _own_labels(statement: ParsedStatement) -> list[str]:
    """Labels the statement itself names: its delegation, for whom and with whom it speaks."""
    labels = [statement.delegation_label, statement.on_behalf_of, statement.aligned_with]
    return [x for x in labels if x]


def _named_delegations(text: str):
    """Yield (label, end) for "the representative of X" and "X’s delegate" in a text."""
    for match in _matches_at(_ROLE_OF, text, _ROLE_STEMS):
        if not _word_starts(text, match.start()):
            continue
        if _OBJECT.search(text, max(0, match.start() - 30), match.start()):
            continue
        found = label_at(text, match.end())
        if found is not None:
            yield found.label, found.end
    for match in _matches_at(_POSSESSIVE, text, _POSSESSIVE_MARKS):
        before = _BEFORE.search(text, max(0, match.start() - 60), match.start())
        words = before.group().split() if before else []
        for count in range(min(len(words), 6), 0, -1):  # the longest run that names a delegation
            label = clean_label(" ".join(words[-count:]))
            if resolve(label):
                yield label, match.end()
                break


# Where a match of _ROLE_OF or _POSSESSIVE may start: what every one opens with.
_ROLE_STEMS = ("representative", "delegat", "speaker", "représentant", "délégation")
_POSSESSIVE_MARKS = ("’s", "'s")


def _matches_at(pattern: re.Pattern[str], text: str, openings: tuple[str, ...]):
    """Yield the matches `pattern.finditer(text)` yields, tried only where one of the openings
    is (str.find scans far faster than the pattern). No match holds another's opening, so
    matching at each opening, in order, finds the same ones."""
    starts = set()
    for opening in openings:
        position = text.find(opening)
        while position >= 0:
            starts.add(position)
            position = text.find(opening, position + 1)
    for start in sorted(starts):
        match = pattern.match(text, start)
        if match:
            yield match


def _word_starts(text: str, position: int) -> bool:
    """Say whether a word starts at `position` (what \\b says before a letter)."""
    if position == 0:
        return True
    previous = text[position - 1]
    return not (previous.isalnum() or previous == "_")


def _vote_sentence(text: str) -> str | None:
    """Return a later sentence that reports a vote rather than the speaker's words."""
    if not is_vote(text):
        return None
    starts = sentence_starts(text)
    for start, end in zip(starts[1:], [*starts[2:], len(text)], strict=False):
        sentence = text[start:end].strip()
        if sentence[:1] not in '“"' and is_vote(sentence) and not speaker_cue(sentence):
            return sentence
    return None


def _clip(text: str, limit: int = 80) -> str:
    """Shorten a sentence for a message."""
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."
