"""Walk the body paragraphs and group them into statements, in document order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from statements.parsing.crosscheck import speakers_list_labels
from statements.parsing.delegations import delegation_key
from statements.parsing.late import late_attributions
from statements.parsing.model import ParsedNarrative, ParsedStatement
from statements.parsing.no_name import (
    anonymous_attributions,
    both_sentence_starts,
    quote_source,
    sentence_starts,
)
from statements.parsing.paragraphs import BODY, META, Paragraph
from statements.parsing.reporting import (
    bare_act,
    in_a_letter,
    many_open,
    reported_attributions,
)
from statements.parsing.sections import (
    QUOTED,
    REPLY,
    heading_kind,
    is_procedure,
    is_quotation,
    is_speakers_list,
    is_vote,
    narrative_kind,
    opens_quoted_text,
    partial_notice,
    speaker_cue,
)
from statements.parsing.speakers import Attribution, named_attribution
from statements.parsing.votes import tally_spans

_LEAD, _BODY, _REPLY, _QUOTED = "lead", "body", "reply", "quoted"
# Inside quoted texts (resolutions, annex lists) a name counts only if it is said to speak.
_SPEECH_VERB = re.compile(
    r"\b(?:said|stated|noted|stressed|emphasized|underscored|welcomed|expressed|urged|called|"
    r"explained|added|declared|warned|observed|recalled|a\s+déclaré|a\s+souligné)\b"
)


@dataclass
class _Draft:
    """A statement being built: its attribution, where it started and its paragraphs."""

    attribution: Attribution
    paragraph: int
    section: str
    texts: list[str] = field(default_factory=list)


@dataclass
class Assembly:
    """Statements drafts plus what the walk learned about lists and coverage."""

    drafts: list[_Draft] = field(default_factory=list)
    listed: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    narrative: list[ParsedNarrative] = field(default_factory=list)


@dataclass
class _Walk:
    """The state of the walk over body paragraphs."""

    assembly: Assembly = field(default_factory=Assembly)
    section: str = _LEAD
    current: _Draft | None = None
    previous: Paragraph | None = None
    appended_to: _Draft | None = None
    language: str | None = None  # "en" or "fr": the other language's patterns are not tried
    cut: bool = False  # the paragraph before ended in the middle of a sentence

    def narrate(self, paragraph: Paragraph, text: str, kind: str | None = None) -> None:
        """Keep a paragraph (or part of one) that belongs to no statement in the narrative."""
        text = text.strip()
        if text:
            kind = kind or narrative_kind(text, lead=self.section == _LEAD)
            self.assembly.narrative.append(ParsedNarrative(paragraph.number, text, kind))

    def close(self, section: str | None = None) -> None:
        """End the open statement and, when given, enter a new section."""
        self.current = None
        if section:
            self.section = section

    def open(self, attribution: Attribution, paragraph: Paragraph, text: str) -> None:
        """Start a new statement."""
        section = _BODY if self.section == _QUOTED else self.section
        if section == _LEAD and _is_full_statement_name(attribution):
            section = _BODY
        self.section = section
        self.current = _Draft(attribution, paragraph.number, section, [text.strip()])
        self.assembly.drafts.append(self.current)


def assemble(paragraphs: tuple[Paragraph, ...], language: str | None = None) -> Assembly:
    """Group body paragraphs into statement drafts, lists and coverage notices."""
    walk = _Walk(language=language)
    for paragraph in paragraphs:
        if paragraph.role != BODY or not paragraph.text:
            walk.cut = paragraph.role != META and _cut_short(paragraph.text)
            continue
        _step(walk, paragraph)
        walk.previous, walk.cut = paragraph, _cut_short(paragraph.text)
    _drop_contentless(walk.assembly)
    return walk.assembly


# A line that only says someone spoke: "The representative of X exercised the right of reply."
_CONTENTLESS = re.compile(
    r"^[^.;:“”\"«»]{0,200}?\b(?:(?:also\s+)?(?:spoke|exercised|speaking)\s+(?:in\s+(?:the\s+)?"
    r"exercise\s+of\s+)?(?:the\s+|his\s+|her\s+|its\s+|their\s+|a\s+)?(?:second\s+)?"
    r"rights?\s+of\s+reply|(?:also\s+)?(?:made|delivered)\s+(?:a\s+)?statements?|also\s+spoke|"
    r"took\s+the\s+floor|a\s+exercé\s+(?:son|leur|un)\s+droit\s+de\s+réponse|"
    r"(?:a|ont)\s+(?:également\s+|aussi\s+)?(?:fait\s+une\s+déclaration|pris\s+la\s+parole)|"
    r"(?:est|sont)\s+(?:également\s+|aussi\s+)?intervenue?s?)\s*\.?$",
    re.IGNORECASE,
)


# None of these may come before the end of a contentless line (its one full stop ends it).
_NOT_IN_CONTENTLESS = '.;:“”"«»'


def _contentless(text: str) -> bool:
    """Say whether a text only says that someone spoke (a plain scan spares the pattern, which
    tries every word of a long statement, when a stop or quotation mark comes before the end)."""
    body = text[:-1] if text.endswith(".") else text
    if any(char in body for char in _NOT_IN_CONTENTLESS):
        return False
    return bool(_CONTENTLESS.match(text))


def _drop_contentless(assembly: Assembly) -> None:
    """Move statements that report no words, only that someone spoke, to the narrative."""
    kept = []
    for draft in assembly.drafts:
        text = " ".join(draft.texts).strip()
        if _contentless(text):
            assembly.narrative.append(ParsedNarrative(draft.paragraph, text, "procedural"))
        else:
            kept.append(draft)
    if len(kept) != len(assembly.drafts):
        assembly.drafts = kept
        assembly.narrative.sort(key=lambda item: item.paragraph)


def _step(walk: _Walk, paragraph: Paragraph) -> None:
    """Handle one body paragraph."""
    text = paragraph.text
    appended, walk.appended_to = walk.appended_to, None
    if partial_notice(text):
        walk.assembly.notices.append(f"{_clip(text)} (paragraph {paragraph.number})")
    named = named_attribution(text) if not walk.cut else None
    if named and (walk.section != _QUOTED or _SPEECH_VERB.search(text)):
        later = [a for a in attributions(text, walk.language) if a.start > 0]
        walk.open(named, paragraph, text[: later[0].start] if later else text)
        _attribute(walk, paragraph, later)
        _move_vote_tail(walk, paragraph)
        return
    if _step_quote_source(walk, paragraph, appended):
        return
    kind = heading_kind(text, paragraph.heading)
    if kind and any(a.start == 0 for a in reported_attributions(text, walk.language)):
        kind = None  # a cut "X’s delegate warned against" is no heading
    if kind:
        walk.narrate(paragraph, text, "other")
        walk.close({REPLY: _REPLY, QUOTED: _QUOTED}.get(kind, _BODY))
        return
    if is_speakers_list(text):
        walk.narrate(paragraph, text, "procedural")
        walk.assembly.listed.extend(speakers_list_labels(text))
        walk.close(_BODY if walk.section == _LEAD else None)
        return
    if _VOTE_LIST.match(text):  # "In favour: Afghanistan, Albania, ...": names, not speakers
        walk.narrate(paragraph, text, "vote")
        walk.close()
        return
    _step_prose(walk, paragraph)


_VOTE_LIST = re.compile(
    r"^(?:In\s+favour|Against|Abstain(?:ing|ed)?|Absent|Did\s+not\s+vote|Pour|Contre|Abstentions?|"
    r"Absents?)\s*:"
)


def _step_prose(walk: _Walk, paragraph: Paragraph) -> None:
    """Handle a paragraph without a named speaker: no-name attributions or continuation."""
    text = paragraph.text
    found = attributions(text, walk.language)
    if walk.section == _QUOTED and (not found or found[0].start > 0 or is_quotation(text)):
        walk.narrate(paragraph, text, "vote" if is_vote(text) else "other")
        return
    if not found or found[0].start > 0:
        head = text[: found[0].start] if found else text
        if opens_quoted_text(head):
            walk.narrate(paragraph, text)
            walk.close(_QUOTED)
            return
        if is_procedure(head):  # narrative, though a speaker may follow in the same paragraph
            walk.narrate(paragraph, head)
            walk.close()
        elif bare_act(head, 0):  # "X exercised the right of reply.": an act, no words
            walk.narrate(paragraph, head, "procedural")
            walk.close()
        elif (
            in_a_letter(head, 0) or many_open(head) or found and _CHAIR_OPENS.match(head)
        ):  # a letter; "Les délégations du Groupe"
            walk.narrate(paragraph, head)
            walk.close()
        else:
            _continue(walk, paragraph, head)
    _attribute(walk, paragraph, found)


# Words no sentence ends on: a paragraph ending with one was cut by a hard line break, and the
# next paragraph finishes its sentence ("... lue au nom du Conseil par" / "Mme NAME, Représentant
# permanent de X, qui préside ...": the reader of a text, not a speaker).
_CUT_AFTER = re.compile(r"\s(?:by|of|to|from|with|the|par|de|du|des|à|au|aux|avec|le|la|les)$")


def _cut_short(text: str) -> bool:
    """Say whether a paragraph ends in the middle of a sentence."""
    return bool(_CUT_AFTER.search(text[-6:]))


# The presiding officer as the subject of a paragraph's first sentence, before another speaker.
_CHAIR_OPENS = re.compile(
    r"(?:The|La|Le)\s+(?:Chair(?:man|woman|person)?|Présidente?|President)"
    r"(?:\s*,|\s+\(|\s+(?:of\s+the\s+(?:General\s+Assembly|Security\s+Council|Council|Committee|"
    r"Commission)|de\s+l[’']Assemblée|du\s+Conseil|de\s+la\s+(?:\w+\s+)?Commission|du\s+Comité)\b)"
)


def attributions(text: str, language: str | None = None) -> list[Attribution]:
    """Every no-name and after-the-fact attribution in a paragraph, one per start, in order."""
    reported, anonymous = both_sentence_starts(text)
    found = {a.start: a for a in reported_attributions(text, language, starts=reported)}
    for attribution in (*late_attributions(text), *anonymous_attributions(text, starts=anonymous)):
        held = found.get(attribution.start)
        if held is None or not held.joint or attribution.joint:  # a joint subject stays whole
            found[attribution.start] = attribution
    tallies = tally_spans(text)
    return [
        found[start]
        for start in sorted(found)
        if not any(begin <= start < end for begin, end in tallies)
        and not bare_act(text, start)
        and not in_a_letter(text, start)
    ]


def _attribute(walk: _Walk, paragraph: Paragraph, found: list[Attribution]) -> None:
    """Give each attribution the text up to the next one, continuing the same speaker."""
    text = paragraph.text
    for index, attribution in enumerate(found):
        end = found[index + 1].start if index + 1 < len(found) else len(text)
        part, joined = text[attribution.start : end], attribution.start > 0
        if walk.current is not None and _same_speaker(walk.current.attribution, attribution):
            _continue(walk, paragraph, part, joined=joined)
            continue
        for number, joint in enumerate(attribution.joint):
            current = walk.current
            if number == 0 and current is not None and _same_speaker(current.attribution, joint):
                # "Djibouti, mais aussi Cuba, ont": Djibouti goes on speaking, Cuba joins
                _continue(walk, paragraph, part, joined=joined)
                continue
            walk.open(joint, paragraph, part)
        walk.open(attribution, paragraph, part)
    if found:
        _move_vote_tail(walk, paragraph)


def _move_vote_tail(walk: _Walk, paragraph: Paragraph) -> None:
    """Move the vote sentences that end a statement's paragraph into the narrative."""
    draft = walk.current
    if draft is None or not draft.texts:
        return
    text = draft.texts[-1]
    if not is_vote(text):
        return
    starts = sentence_starts(text)
    for start, end in zip(starts[1:], [*starts[2:], len(text)], strict=False):
        sentence = text[start:end]
        if sentence[:1] not in '“"' and is_vote(sentence) and not speaker_cue(sentence):
            draft.texts[-1] = text[:start].rstrip()
            walk.narrate(paragraph, text[start:], "vote")
            return


def _continue(walk: _Walk, paragraph: Paragraph, text: str, *, joined: bool = False) -> None:
    """Append a paragraph, or the rest of the same paragraph, to the open statement."""
    if walk.current is None:
        walk.narrate(paragraph, text)
        return
    if not text.strip():
        return
    if joined:
        walk.current.texts[-1] = f"{walk.current.texts[-1]} {text.strip()}"
    else:
        walk.current.texts.append(text.strip())
    walk.appended_to = walk.current


def _step_quote_source(walk: _Walk, paragraph: Paragraph, appended: _Draft | None) -> bool:
    """Turn "quotation" + "Representative of Portugal" into a statement (budget-crisis style)."""
    previous = walk.previous
    if previous is None or not is_quotation(previous.text):
        return False
    source = quote_source(paragraph.text)
    if source is None:
        return False
    if appended is not None and appended.texts and appended.texts[-1] == previous.text:
        appended.texts.pop()  # the quotation was taken for a continuation of the statement before
    narrative = walk.assembly.narrative
    if narrative and narrative[-1].paragraph == previous.number:
        narrative.pop()  # the quotation was kept as narrative before its source line came
    walk.open(source, previous, previous.text)
    walk.close()
    return True


def _clip(text: str, limit: int = 120) -> str:
    """Shorten a paragraph for a message."""
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def to_statements(assembly: Assembly) -> list[ParsedStatement]:
    """Turn drafts into statements, marking lead summaries of statements given in full."""
    drafts = assembly.drafts
    statements: list[ParsedStatement] = []
    for index, draft in enumerate(drafts):
        summary_of = _summarized(draft, drafts[index + 1 :], index)
        statements.append(_statement(index + 1, draft, summary_of))
    return statements


def _is_full_statement_name(attribution: Attribution) -> bool:
    """Say whether a name is printed in capitals, as full statements print it (not lead prose)."""
    return attribution.named and bool(attribution.speaker) and attribution.speaker.isupper()


def _summarized(draft: _Draft, later: list[_Draft], index: int) -> int | None:
    """Return the sequence of the full statement a lead paragraph summarizes, if any."""
    if draft.section != _LEAD:
        return None
    for sequence, other in enumerate(later, start=index + 2):
        if other.section != _LEAD and _same_person(draft.attribution, other.attribution):
            return sequence
    return None


def _same_person(lead: Attribution, full: Attribution) -> bool:
    """Say whether a lead mention and a later statement are the same speaker."""
    if lead.speaker and full.speaker:
        return lead.speaker.casefold() == full.speaker.casefold()
    key = _speaker_key(lead)
    return key is not None and key == _speaker_key(full)


def _same_speaker(first: Attribution, second: Attribution) -> bool:
    """Say whether a no-name attribution continues the open statement's speaker."""
    key = _speaker_key(second)
    return key is not None and key == _speaker_key(first) and first.kind_hint == second.kind_hint


def _speaker_key(attribution: Attribution) -> str | None:
    """Return what identifies a speaker across paragraphs: delegation, else an official's title."""
    if attribution.ref is not None:  # "la délégation algérienne" is Algeria, as "l’Algérie" is
        return attribution.ref.code
    return delegation_key(attribution.label) or (
        attribution.title.casefold() if attribution.title else None
    )


_BLANK_LINES = re.compile(r"\n{3,}")


def _statement(sequence: int, draft: _Draft, summary_of: int | None) -> ParsedStatement:
    """Build the frozen statement of a draft."""
    attribution = draft.attribution
    kind = attribution.kind_hint or ("right_of_reply" if draft.section == _REPLY else "statement")
    if summary_of is not None:
        kind = "summary"
    return ParsedStatement(
        sequence=sequence,
        kind=kind,
        speaker=attribution.speaker,
        delegation_label=attribution.label,
        delegation_code=attribution.code,
        title=attribution.title,
        on_behalf_of=attribution.on_behalf_of,
        aligned_with=attribution.aligned_with,
        summary_of=summary_of,
        text=_paragraph_breaks(draft.texts),
        paragraph=draft.paragraph,
    )


def _paragraph_breaks(texts: list[str]) -> str:
    """Join a statement's paragraphs with one blank line, never more (a plain test spares the
    pattern on the texts that have no run of three line breaks)."""
    text = "\n\n".join(texts)
    return _BLANK_LINES.sub("\n\n", text) if "\n\n\n" in text else text
