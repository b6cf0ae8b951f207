"""Release-level checks: refuse non-releases, spot truncation, report what staff must fix."""

from __future__ import annotations

import re

from statements.parsing.errors import NotAPressRelease
from statements.parsing.html_layouts import GENERIC_HTML
from statements.parsing.model import ParsedMeeting, ParsedStatement
from statements.parsing.paragraphs import BODY, Document
from statements.parsing.sections import heading_kind

_RELEASE_MARKERS = re.compile(
    r"for information media|not an official record|department of public information|"
    r"meetings coverage|document non officiel|press release",
    re.IGNORECASE,
)
# What the prose of a release talks about, in English and French: a text that mentions none of it
# (and has no symbol, meeting line or statement) is not a release. A short or partial release
# with one of these is read with what it has; staff supply the rest in the review.
_RELEASE_VOCABULARY = re.compile(
    r"\b(?:General\s+Assembly|Security\s+Council|Human\s+Rights\s+Council|Economic\s+and\s+"
    r"Social\s+Council|(?:First|Second|Third|Fourth|Fifth|Sixth|Main)\s+Committee|United\s+"
    r"Nations|delegations?|delegates?|representatives?|Member\s+States|draft\s+resolution|"
    r"Assemblée\s+générale|Conseil\s+(?:de\s+sécurité|des\s+droits|économique)|Nations\s+Unies|"
    r"(?:Première|Deuxième|Troisième|Quatrième|Cinquième|Sixième)\s+Commission|séance|"
    r"délégations?|délégués?|représentante?s?|États\s+Membres|projet\s+de\s+résolution)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?:;”\"’)\]]$")
_TRUNCATION_MIN_WORDS = 8


def refuse_non_release(
    document: Document, meeting: ParsedMeeting, statements: list[ParsedStatement]
) -> None:
    """Raise NotAPressRelease when nothing marks the input as a press release."""
    if statements or meeting.symbol or meeting.meetings or meeting.session is not None:
        return
    if document.source_format == GENERIC_HTML:
        raise NotAPressRelease(
            "The HTML page has no press-release body: no meeting line, symbol or statements."
        )
    if document.source_format != "text" or any(
        _RELEASE_MARKERS.search(p.text) or _RELEASE_VOCABULARY.search(p.text)
        for p in document.paragraphs
    ):
        return
    raise NotAPressRelease(
        "The text has no meeting line, no symbol, no press-release markings, no statements and "
        "nothing about a UN meeting.",
        line=1,
    )


def truncation_error(document: Document) -> str | None:
    """Return an error when the last body paragraph stops mid-sentence."""
    body = [p for p in document.paragraphs if p.role == BODY and p.text]
    if not body:
        return None
    last = body[-1]
    if heading_kind(last.text, last.heading) or _SENTENCE_END.search(last.text):
        return None
    if len(last.text.split()) < _TRUNCATION_MIN_WORDS:
        return None
    tail = last.text[-60:]
    return (
        f"The release looks truncated: paragraph {last.number} stops mid-sentence "
        f"('...{tail}'). Only the text up to there was read."
    )


def unresolved_labels(statements: list[ParsedStatement]) -> list[str]:
    """Warn about delegation labels the reference list does not know."""
    seen: set[str] = set()
    warnings = []
    for statement in statements:
        label = statement.delegation_label
        if label and statement.delegation_code is None and label not in seen:
            seen.add(label)
            warnings.append(
                f"Delegation '{label}' (paragraph {statement.paragraph}) is not in the "
                "reference list; staff must resolve it."
            )
    return warnings
