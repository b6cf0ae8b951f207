"""Size and time budgets: refuse, quickly and by name, input no press release could be.

The largest real releases run to ~200 KB and ~600 paragraphs, with paragraphs of a few thousand
characters; the limits sit far above that and far below what would stall a worker.
"""

from __future__ import annotations

import time

from statements.parsing.errors import NotAPressRelease, ParseError

MAX_CHARS = 6_000_000
MAX_LINES = 60_000
MAX_PARAGRAPHS = 5_000
MAX_PARAGRAPH_CHARS = 60_000
MAX_SECONDS = 20.0


def check_text(text: str) -> None:
    """Refuse decoded input too large, or with too many lines, before any layout reads it."""
    if len(text) > MAX_CHARS:
        raise NotAPressRelease(
            f"The input is {len(text):,} characters long; a press release is at most {MAX_CHARS:,}."
        )
    lines = text.count("\n")
    if lines > MAX_LINES:
        raise NotAPressRelease(
            f"The input has {lines:,} lines; a press release has at most {MAX_LINES:,}."
        )


def check_plain_lines(text: str) -> None:
    """Refuse plain text with a line longer than any paragraph (line breaks lost or junk)."""
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_PARAGRAPH_CHARS:
            raise NotAPressRelease(
                f"A line of {len(line):,} characters (at character {start:,}); a paragraph of a "
                f"press release is at most {MAX_PARAGRAPH_CHARS:,}: were the line breaks lost?",
                line=number,
            )
        start += len(line) + 1


def check_paragraphs(paragraphs) -> None:
    """Refuse a document with more paragraphs, or a longer paragraph, than a release has."""
    if len(paragraphs) > MAX_PARAGRAPHS:
        raise NotAPressRelease(
            f"The input has {len(paragraphs):,} paragraphs; a press release has at most "
            f"{MAX_PARAGRAPHS:,}."
        )
    for paragraph in paragraphs:
        if len(paragraph.text) > MAX_PARAGRAPH_CHARS:
            raise NotAPressRelease(
                f"A paragraph of {len(paragraph.text):,} characters; a paragraph of a press "
                f"release is at most {MAX_PARAGRAPH_CHARS:,}.",
                paragraph=paragraph.number,
            )


class Deadline:
    """A time budget checked between the parser's stages (they are linear, so none runs long)."""

    def __init__(self, seconds: float = MAX_SECONDS) -> None:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds

    def check(self, stage: str) -> None:
        """Raise when the budget is spent, naming the stage that was reached."""
        if time.monotonic() > self.ends:
            raise ParseError(f"Parsing took over {self.seconds:.0f} s (at {stage}): refused.")
