"""Read HTML pages: press.un.org (2019 on), www.un.org/press/en (2010-2018), web-archive copies."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from lxml import etree, html

from statements.parsing.dates import parse_date_line, parse_iso_date
from statements.parsing.errors import NotAPressRelease
from statements.parsing.paragraphs import (
    BODY,
    FURNITURE,
    Document,
    HeaderFields,
    Paragraph,
    is_furniture,
    symbol_of_line,
    tidy,
)

PRESS_UN_ORG, UN_ORG_PRESS, GENERIC_HTML = "html-press-un-org", "html-un-org-press", "html-generic"
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_ARCHIVE = re.compile(r"web\.archive\.org|wm-ipp|BEGIN WAYBACK TOOLBAR|/web/\d{14}")
_ARCHIVED_URL = re.compile(
    r"^(?:https?://web\.archive\.org)?/web/(?P<stamp>\d{14})[a-z_]*/(?P<url>.+)$"
)
_URL_SYMBOL = re.compile(
    r"/(?:press/)?en/\d{4}/(?P<slug>[a-z]+)(?P<number>\d{3,6})(?:\.doc)?\.html?"
)
_SLUG_PREFIXES = {
    "sc": "SC", "ga": "GA", "gashc": "GA/SHC", "gaef": "GA/EF", "gadis": "GA/DIS",
    "gaspd": "GA/SPD", "gaab": "GA/AB", "gal": "GA/L", "gacol": "GA/COL", "ecosoc": "ECOSOC",
    "wom": "WOM", "pbc": "PBC",
}  # fmt: skip
_DATALAYER_DATE = re.compile(r'"doc_date"\s*:\s*"(?P<value>[^"]+)"')
_DATALAYER_SYMBOL = re.compile(r'"symbol"\s*:\s*"(?P<value>[^"]+)"')
_TITLE_SUFFIX = re.compile(
    r"\s*\|\s*(?:Meetings Coverage and Press Releases|UN Press|United Nations).*$"
)
_BLOCKS = (
    ".//p | .//h2 | .//h3 | .//h4 | .//h5 | .//h6 | .//li[not(.//p)] | .//blockquote[not(.//p)]"
)
_BLOCK_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "blockquote")
_EMPHASIS_TAGS = frozenset({"strong", "b", "u", "em"})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_JUNK = (
    "//script | //style | //noscript | //template | //*[starts-with(@id, 'wm-')] "
    "| //*[@id='donato'] | //*[@id='playback']"
)


@dataclass(frozen=True)
class _Layout:
    """The class names one HTML layout gives its fields."""

    name: str
    body: str
    symbol: str
    dated: str
    meeting: tuple[str, ...]
    bodies: str
    title: str | None


_LAYOUTS = (
    _Layout(
        PRESS_UN_ORG,
        "field--name-body",
        "field--name-field-symbol",
        "field--name-field-dated",
        ("field--name-field-meeting-info", "field--name-field-meeting-session"),
        "field--name-field-un-bodies",
        "field--name-field-display-title",
    ),
    _Layout(
        UN_ORG_PRESS,
        "field-name-body",
        "field-name-field-symbol",
        "field-name-field-dated",
        ("field-name-field-meeting-session", "field-name-field-meeting-info"),
        "field-name-field-un-bodies",
        None,
    ),
)


def looks_like_html(text: str) -> bool:
    """Say whether decoded text is an HTML page rather than plain text."""
    head = text[:4000].lower()
    return head.lstrip().startswith("<") or any(
        t in head for t in ("<html", "<body", "<p>", "<div")
    )


def read_html(text: str) -> Document | None:
    """Read a known HTML layout; None when the page has none (the caller falls back to text)."""
    archived = bool(_ARCHIVE.search(text[:200_000]))
    root = _parse(text)
    for junk in root.xpath(_JUNK):
        junk.drop_tree()
    for layout in _LAYOUTS:
        body = _first(root, layout.body)
        if body is not None:
            return _read_layout(root, body, layout, text, archived)
    if any(_first(root, layout.symbol) is not None for layout in _LAYOUTS):
        raise NotAPressRelease("The HTML page has the press-release layout but no release body.")
    return None


def page_text(text: str) -> str:
    """Return the visible text of an unknown HTML page, one block per paragraph."""
    root = _parse(text)
    for junk in root.xpath(_JUNK + " | //nav | //header | //footer | //form"):
        junk.drop_tree()
    container = next(iter(root.xpath("//main | //article")), None)
    container = container if container is not None else root
    for element in container.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    for br in container.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return container.text_content()


def _parse(text: str) -> html.HtmlElement:
    """Parse HTML leniently, refusing only what lxml cannot read at all."""
    try:
        return html.document_fromstring(_XML_DECLARATION.sub("", text))
    except (etree.ParserError, ValueError) as exc:
        raise NotAPressRelease(f"The HTML page could not be parsed: {exc}.") from exc


def _first(root: html.HtmlElement, class_name: str) -> html.HtmlElement | None:
    """Return the first element carrying a class token, else None."""
    found = root.xpath(
        f".//*[contains(concat(' ', normalize-space(@class), ' '), ' {class_name} ')]"
    )
    return found[0] if found else None


def _field_items(root: html.HtmlElement, class_name: str) -> list[str]:
    """Return the texts of a field's items (or of the whole field), without its label."""
    field = _first(root, class_name)
    if field is None:
        return []
    for label in field.xpath(
        ".//*[contains(@class, 'field__label') or contains(@class, 'field-label')]"
    ):
        label.drop_tree()
    items = field.xpath(
        ".//*[contains(concat(' ', normalize-space(@class), ' '), ' field__item ') or "
        "contains(concat(' ', normalize-space(@class), ' '), ' field-item ')]"
    )
    parts = [tidy(item.text_content()) for item in items] or [tidy(field.text_content())]
    return [part for part in parts if part]


def _field_text(root: html.HtmlElement, class_name: str) -> str:
    """Return a field's text, its items joined by spaces."""
    return " ".join(_field_items(root, class_name))


def _read_layout(
    root: html.HtmlElement, body: html.HtmlElement, layout: _Layout, raw: str, archived: bool
) -> Document:
    """Read fields and paragraphs of a page in a known layout."""
    paragraphs = _paragraphs(body)
    if not any(p.role == BODY for p in paragraphs):
        raise NotAPressRelease(f"The HTML page ({layout.name}) has an empty release body.")
    warnings: list[str] = []
    date, date_source = _dated(root, layout, raw)
    fields = HeaderFields(
        symbol=_symbol(root, layout, raw, warnings),
        date=date,
        date_source=date_source,
        meeting_lines=tuple(text for name in layout.meeting if (text := _field_text(root, name))),
        bodies=tuple(_field_items(root, layout.bodies)),
        headline=_headline(root, layout),
        markers=1,
    )
    if archived:
        warnings.append(_archive_note(root))
    return Document(layout.name, fields, paragraphs, tuple(warnings))


def _paragraphs(body: html.HtmlElement) -> tuple[Paragraph, ...]:
    """Return the numbered paragraphs of the body field, marking headings and furniture."""
    for br in body.iter("br"):
        br.tail = "\n" + (br.tail or "")
    found: list[Paragraph] = []
    elements = body.xpath(_BLOCKS) or [body]
    for element in elements:
        heading = _is_heading(element)
        for chunk in re.split(r"\n\s*\n", element.text_content()):
            text = tidy(chunk.replace("\n", " "))
            if text:
                role = FURNITURE if is_furniture(text) else BODY
                found.append(Paragraph(len(found) + 1, text, role, heading))
    return tuple(found)


def _is_heading(element: html.HtmlElement) -> bool:
    """Say whether markup makes an element a heading (h2, or a paragraph all in bold/underline)."""
    if element.tag in _HEADING_TAGS:
        return True
    children = [child for child in element if child.tag != "br"]
    if len(children) != 1 or children[0].tag not in _EMPHASIS_TAGS:
        return False
    return not (element.text or "").strip() and not (children[0].tail or "").strip()


def _dated(root: html.HtmlElement, layout: _Layout, raw: str) -> tuple[datetime.date | None, str]:
    """Return the date of the dated field (a time element or a content attribute)."""
    field = _first(root, layout.dated)
    if field is not None:
        for value in field.xpath(".//time/@datetime | .//@content"):
            date = parse_iso_date(str(value))
            if date:
                return date, f"the page's dated field ({value})"
        text = tidy(field.text_content())
        date = parse_date_line(text) or parse_iso_date(text)
        if date:
            return date, f"the page's dated field ('{text}')"
    match = _DATALAYER_DATE.search(raw)
    date = parse_iso_date(match.group("value")) if match else None
    return (date, f"the page's dataLayer doc_date ({match.group('value')})") if date else (None, "")


def _symbol(root: html.HtmlElement, layout: _Layout, raw: str, warnings: list[str]) -> str | None:
    """Return the symbol field, else the dataLayer symbol, else one read from the page address."""
    printed = _field_text(root, layout.symbol)
    symbol = symbol_of_line(printed) or (printed or None)
    if symbol:
        return symbol
    match = _DATALAYER_SYMBOL.search(raw)
    if match and symbol_of_line(match.group("value")):
        return symbol_of_line(match.group("value"))
    url, _ = _page_url(root)
    found = _URL_SYMBOL.search(url or "")
    if found and found.group("slug") in _SLUG_PREFIXES:
        symbol = f"{_SLUG_PREFIXES[found.group('slug')]}/{found.group('number')}"
        warnings.append(f"No symbol field; {symbol} was read from the page address {url}.")
        return symbol
    return None


def _headline(root: html.HtmlElement, layout: _Layout) -> str:
    """Return the display title, else the first h1, else og:title or the page title."""
    if layout.title:
        title = _field_text(root, layout.title)
        if title:
            return title
    for h1 in root.iter("h1"):
        text = tidy(h1.text_content())
        if len(text.split()) >= 3:
            return text
    og_title = root.xpath("//meta[@property='og:title']/@content")
    titles = (
        [str(og_title[0])] if og_title else [tidy(t.text_content()) for t in root.iter("title")]
    )
    return _TITLE_SUFFIX.sub("", titles[0]).strip() if titles else ""


def _page_url(root: html.HtmlElement) -> tuple[str | None, str | None]:
    """Return the page's own address (undoing web-archive rewriting) and the capture stamp."""
    candidates = root.xpath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content")
    for candidate in map(str, candidates):
        archived = _ARCHIVED_URL.match(candidate.replace("https://web.archive.org", ""))
        if archived:
            return archived.group("url"), archived.group("stamp")
        return candidate, None
    return None, None


def _archive_note(root: html.HtmlElement) -> str:
    """Describe the web-archive copy the page came from."""
    url, stamp = _page_url(root)
    if url and stamp:
        return f"Page saved from a web archive (capture {stamp} of {url}); its toolbar was removed."
    return "Page saved from a web archive; its toolbar was removed."
