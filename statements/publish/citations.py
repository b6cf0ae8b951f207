"""Citations of a statement: plain text, BibTeX and RIS (CSL-JSON in csl.py), with stable URLs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from config import public_urls
from statements.kinds import STATEMENT_KINDS
from statements.models import Statement

_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}~^\\])")
_BIBTEX_REPLACE = {"~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


@dataclass(frozen=True)
class Citation:
    text: str
    bibtex: str
    ris: str
    title: str  # also the page's citation_title, DC.title and JSON-LD name


def permalink(statement: Statement) -> str:
    """The statement's permalink on the public site."""
    return public_urls.absolute_url(statement.get_absolute_url())


def speaker_name(statement: Statement) -> str:
    if statement.speaker:
        return statement.speaker.name
    return statement.speaker_label.title() if statement.speaker_label else ""


def delegation_name(statement: Statement) -> str:
    return statement.delegation.name if statement.delegation else statement.delegation_label


def language(statement: Statement) -> str:
    """The statement's language: its release's code (en, fr), as BibLaTeX and RIS take it."""
    return statement.meeting.release.language


def title(statement: Statement) -> str:
    """'Statement by Jane Doe (Norway) to the General Assembly'."""
    who = speaker_name(statement)
    delegation = delegation_name(statement)
    if who and delegation:
        who = f"{who} ({delegation})"
    who = who or delegation or "an unnamed speaker"
    kind = STATEMENT_KINDS[statement.kind].title
    return f"{kind} by {who} to the {statement.meeting.body.name}"


def cite(statement: Statement, *, accessed: date) -> Citation:
    """All three forms of the citation."""
    return Citation(
        plain_text(statement, accessed),
        bibtex(statement, accessed),
        ris(statement, accessed),
        title(statement),
    )


def plain_text(statement: Statement, accessed: date) -> str:
    meeting = statement.meeting
    where = f", {meeting.label}" if meeting.label else ""
    return (
        f"{title(statement)}{where}, {_long_date(statement.date)}. United Nations, Meetings "
        f"Coverage press release {meeting.release.symbol}{_original(meeting.release)}. "
        f"{permalink(statement)} (accessed {_long_date(accessed)})."
    )


def _original(release) -> str:
    """The release's own page on un.org, when the archive knows it."""
    return f" ({release.source_url})" if release.source_url else ""


def bibtex(statement: Statement, accessed: date) -> str:
    meeting = statement.meeting
    person = speaker_name(statement)
    # A delegation is a corporate author: double braces keep BibTeX from splitting it as a name.
    author = _tex(person) if person else "{" + _tex(delegation_name(statement) or "UN") + "}"
    fields = [
        ("author", author),
        ("title", _tex(title(statement))),
        (
            "howpublished",
            _tex(f"United Nations Meetings Coverage, press release {meeting.release.symbol}"),
        ),
        ("organization", "United Nations"),
        ("year", str(statement.date.year)),
        ("month", _MONTHS[statement.date.month - 1]),
        ("date", statement.date.isoformat()),
        ("language", language(statement)),
        ("note", _tex(_note(statement))),
        ("url", permalink(statement)),
        ("urldate", accessed.isoformat()),
    ]
    body = ",\n".join(
        f"  {name:<12} = {value}" if name == "month" else f"  {name:<12} = {{{value}}}"
        for name, value in fields
    )
    return f"@misc{{{_bibtex_key(statement)},\n{body}\n}}\n"


def ris(statement: Statement, accessed: date) -> str:
    meeting = statement.meeting
    lines = [
        ("TY", "GEN"),
        ("AU", speaker_name(statement) or delegation_name(statement) or "United Nations"),
        ("TI", title(statement)),
        ("T2", "United Nations Meetings Coverage"),
        ("PB", "United Nations"),
        ("M1", meeting.release.symbol),
        ("PY", str(statement.date.year)),
        ("DA", statement.date.strftime("%Y/%m/%d/")),
        ("LA", language(statement)),
        ("N1", _note(statement)),
        ("UR", permalink(statement)),
        ("Y2", accessed.strftime("%Y/%m/%d/")),
        ("ER", ""),
    ]
    return "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines)


def _note(statement: Statement) -> str:
    meeting = statement.meeting
    parts = [f"Press release {meeting.release.symbol}", meeting.body.name]
    if meeting.label:
        parts.append(meeting.label)
    parts += [f"official record {symbol}" for symbol, _ in meeting.official_records]
    if delegation := delegation_name(statement):
        parts.append(f"delegation: {delegation}")
    if statement.title:
        parts.append(statement.title)
    if meeting.release.source_url:
        parts.append(f"original: {meeting.release.source_url}")
    return "; ".join(parts)


def _bibtex_key(statement: Statement) -> str:
    symbol = re.sub(r"[^A-Za-z0-9]", "", statement.meeting.release.symbol)
    return f"un-{symbol}-{statement.pk}"


def _tex(value: str) -> str:
    return _BIBTEX_SPECIAL.sub(
        lambda m: _BIBTEX_REPLACE.get(m[1], "\\" + m[1]), " ".join(value.split())
    )


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
