"""Snippets never alter a quotation: an elision inside quoted words is shown as "[…]", and a
fragment that starts inside a quotation says so.

ts_headline cuts a statement into fragments joined by " … ". A reader takes words between
quotation marks as the speaker's own; a gap the snippet leaves inside them, shown as a plain
ellipsis, makes two quoted phrases read as one. Pure Python: it reads the fragments against the
statement's text (curly “…” and «…», or straight quotes counted in pairs).
"""

from __future__ import annotations

DELIMITER = " … "
ELISION = " […] "
MID_QUOTE = "[within a quotation] "
_OPEN, _CLOSE = "“«", "”»"


def inside_quotation(text: str, position: int) -> bool:
    """Whether the character at position stands between an opening and a closing quote."""
    before = text[:position]
    depth = sum(before.count(c) for c in _OPEN) - sum(before.count(c) for c in _CLOSE)
    return depth > 0 or before.count('"') % 2 == 1


def join_fragments(fragments: list[str], plain: list[str], text: str) -> str:
    """The fragments joined as a reader must see them: "[…]" for a gap inside a quotation,
    and a note where a fragment starts inside one (plain: the fragments without marks)."""
    text = " ".join(text.split())
    out, cursor = [], 0
    for n, (fragment, bare) in enumerate(zip(fragments, plain, strict=True)):
        start = text.find(bare.strip(), cursor)
        if start < 0:  # not found as is (should not happen): leave the snippet as it was
            return DELIMITER.join(fragments)
        end = start + len(bare.strip())
        opens_inside = inside_quotation(text, start)
        if n == 0:
            out.append((MID_QUOTE if opens_inside else "") + fragment)
        elif inside_quotation(text, cursor) and opens_inside:
            out.append(ELISION.strip() + " " + fragment)  # the gap is inside quoted words
        else:
            out.append(DELIMITER.strip() + " " + (MID_QUOTE if opens_inside else "") + fragment)
        cursor = end
    return " ".join(out)
