"""Turn input bytes or text into a Document: decode, detect the format, read its layout."""

from __future__ import annotations

from dataclasses import replace

from statements.parsing.budget import check_paragraphs, check_plain_lines, check_text
from statements.parsing.decoding import decode_input
from statements.parsing.html_layouts import GENERIC_HTML, looks_like_html, page_text, read_html
from statements.parsing.paragraphs import Document
from statements.parsing.text_layout import read_text


def read_document(data: bytes | str, *, filename: str | None = None) -> Document:
    """Decode the input and read it with the layout its format calls for."""
    decoded = decode_input(data)
    check_text(decoded.text)
    document = _read(decoded.text)
    check_paragraphs(document.paragraphs)
    warnings = (*decoded.warnings, *document.warnings)
    if filename and filename.lower().endswith(
        (".htm", ".html")
    ) != document.source_format.startswith("html"):
        warnings += (
            f"The file name '{filename}' does not match its content ({document.source_format}).",
        )
    return replace(document, warnings=warnings)


def _read(text: str) -> Document:
    """Read HTML in a known layout, other HTML as its visible text, and plain text as is."""
    if not looks_like_html(text):
        check_plain_lines(text)
        return read_text(text)
    document = read_html(text)
    if document is not None:
        return document
    return replace(read_text(page_text(text)), source_format=GENERIC_HTML)
