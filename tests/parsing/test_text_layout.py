"""Plain-text layout: the same release reads the same however its lines were saved."""

from __future__ import annotations

import html
import textwrap
from functools import cache

import pytest

from statements.parsing import ParsedRelease, parse_press_release
from statements.parsing.text_layout import read_text
from tests.seed import SEED_PATH

SEED = SEED_PATH.read_text(encoding="utf-8")


@cache
def baseline() -> ParsedRelease:
    """The seed as shipped."""
    return parse_press_release(SEED)


def _wrapped(text: str) -> str:
    """Hard-wrap every long paragraph at 72 columns, as some copies do."""
    return "\n\n".join(
        "\n".join(textwrap.wrap(p, 72)) if len(p) > 100 else p for p in text.split("\n\n")
    )


def _as_html(text: str) -> str:
    """Put the seed into a press.un.org page."""
    paragraphs = text.split("\n\n")
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[2:])
    return (
        '<html><body><div class="field--name-field-meeting-info">Seventy-sixth Session, 38th '
        '&amp; 39th Meetings (AM &amp; PM)</div><div class="field--name-field-display-title">'
        f'{html.escape(paragraphs[1])}</div><div class="field--name-body">{body}</div>'
        "</body></html>"
    )


@pytest.mark.parametrize(
    "variant",
    [
        SEED.replace("\n", "\r\n"),
        _wrapped(SEED),
        SEED.replace("\n\n\n", "\n").replace("\n\n", "\n"),
        SEED.replace(" ", "\u00a0", 300),
        _as_html(SEED),
    ],
    ids=["crlf", "hard-wrapped", "one-line-per-paragraph", "no-break-spaces", "html"],
)
def test_variants_parse_like_the_seed(variant: str) -> None:
    """Line endings, wrapping, spacing and HTML do not change what is found."""
    parsed = parse_press_release(variant)
    assert parsed.meeting.date == baseline().meeting.date
    assert parsed.meeting.meetings == (38, 39)
    fields = [(s.kind, s.speaker, s.delegation_code, s.summary_of) for s in parsed.statements]
    assert fields == [
        (s.kind, s.speaker, s.delegation_code, s.summary_of) for s in baseline().statements
    ]


def test_header_lines_become_fields() -> None:
    """Symbol, date, meeting and body lines leave the headline alone."""
    document = read_text(
        "8 March 2007\nGeneral Assembly\nGA/10567\n\nSixty-first General Assembly\nPlenary\n"
        "84thMeeting (PM)\n\nASSEMBLY ADOPTS TEXT\n| |||\nON SEA-LEVEL RISE\n\n"
        "The General Assembly this afternoon adopted a resolution on sea-level rise today.\n"
    )
    fields = document.fields
    assert (fields.symbol, str(fields.date)) == ("GA/10567", "2007-03-08")
    assert fields.meeting_lines == ("Sixty-first General Assembly", "84thMeeting (PM)")
    assert fields.headline == "ASSEMBLY ADOPTS TEXT ON SEA-LEVEL RISE"


def test_dateline_is_taken_off_the_first_paragraph() -> None:
    """ "NEW YORK, 12 March (UN Headquarters) --" becomes the dateline."""
    document = read_text(
        "Security Council\n\nCouncil Meets\n\nNEW YORK, 12 March (UN Headquarters) -- The "
        "Security Council met today to discuss the situation in the region at length.\n"
    )
    assert document.fields.dateline == "NEW YORK, 12 March (UN Headquarters)"
    assert document.paragraphs[-1].text.startswith("The Security Council met")
