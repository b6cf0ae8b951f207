"""Listing pages built to match what the real listings' rows print (fixtures/listing-evidence.tsv).

The stored copies of press.un.org's listings are text, not markup: rows of today's listings print a
title and a summary and sometimes the symbol, never a date; the www.un.org/press listings of
2017-2020 printed a date ("26 May 2017", "20 février 2019"). The markup below is Drupal-like and
deliberately plain, since the real markup is not known and discovery must be tolerant of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Row:
    """One listing row: the release address and what the row prints beside its title."""

    path: str
    title: str
    symbol: str = ""  # printed only on some rows (e.g. "GA/12357")
    date: str = ""  # printed only by the www.un.org/press era (e.g. "26 May 2017")
    summary: str = "The Council heard briefings and speakers urged support."


def listing_page(title: str, rows: list[Row], *, next_href: str = "") -> bytes:
    """A listing page: a menu (not releases), the rows, and the pager's next link when given."""
    parts = [
        f"<!DOCTYPE html><html><head><title>{escape(title)} | United Nations</title></head><body>",
        '<nav class="menu"><a href="/en">Home</a> <a href="/en/content/meetings-coverage">'
        "Meetings Coverage</a> <a href='/en/sitesearch'>Search</a></nav>",
        f'<main id="main-content"><h1>{escape(title)}</h1><div class="view-content">',
    ]
    for row in rows:
        parts.append('<div class="views-row">')
        if row.date:
            parts.append(f'<span class="date-display-single">{escape(row.date)}</span>')
        parts.append(f'<h3><a href="{escape(row.path)}">{escape(row.title)}</a></h3>')
        if row.symbol:
            parts.append(f'<div class="field--name-field-symbol">{escape(row.symbol)}</div>')
        parts.append(f"<p>{escape(row.summary)}</p></div>")
    parts.append("</div>")
    if next_href:
        parts.append(
            '<nav class="pager"><ul class="pager__items"><li class="pager__item pager__item--next">'
            f'<a href="{escape(next_href)}" rel="next" title="Go to next page">Next ›</a></li>'
            "</ul></nav>"
        )
    parts.append("</main></body></html>")
    return "".join(parts).encode()


def paged(path: str, title: str, pages: list[list[Row]]) -> dict[str, bytes]:
    """The pages of one listing at ``path``, ``?page=N``, each pointing at the next."""
    served = {}
    for number, rows in enumerate(pages):
        here = path + (f"?page={number}" if number else "")
        following = f"?page={number + 1}" if number + 1 < len(pages) else ""
        served[here] = listing_page(title, rows, next_href=following)
    return served


# A bot challenge as the site served to a plain command-line client in September 2026: HTTP 200,
# about 3 KB of script, no content.
CHALLENGE = (
    b"<!DOCTYPE html><html><head><title>Just a moment...</title><script>"
    + b"var _c='"
    + b"x" * 2800
    + b"';(function(){document.cookie='cf='+_c;location.reload();})();"
    + b"</script></head><body><noscript>Enable JavaScript and cookies to continue</noscript>"
    + b"</body></html>"
)

SC = "Security Council, meeting"
GA = "General Assembly, plenary"

# The local site: both languages; rows undated (today's press.un.org), some with symbols.
SITE_LISTINGS: dict[str, bytes] = {
    **paged(
        "/en/content/meetings-coverage",
        "Meetings Coverage",
        [
            [  # 2024-era rows: summary only
                Row("/en/2026/sc16444.doc.htm", "Kenscoff Massacre Exposes Worsening Brutality"),
                Row("/en/2021/sc14567.doc.htm", SC),
                Row("/en/2021/ga12399.doc.htm", GA),
            ],
            [  # 2020-era rows: the symbol printed
                Row("/en/2021/db210629.doc.htm", "Daily briefing", symbol=""),
                Row("/en/2016/sc12284.doc.htm", SC, symbol="SC/12284"),
            ],
            [  # 2016-era rows and older address forms
                Row("/en/1999/19991124.gaef2899.doc.html", "Second Committee", symbol="GA/EF/2899"),
            ],
            [Row("/en/1998/19981117.gashc3500.doc.html", "Third Committee")],
        ],
    ),
    **paged(
        "/en/content/security-council/meetings-coverage",
        "Security Council: Meetings Coverage",
        [[Row("/en/2021/sc14567.doc.htm", SC), Row("/en/2016/sc12284.doc.htm", SC)]],
    ),
    **paged(
        "/en/content/general-assembly/meetings-coverage",
        "General Assembly: Meetings Coverage",
        [[Row("/en/2021/ga12399.doc.htm", GA, symbol="GA/12399")]],
    ),
    **paged(  # French listings live at the English slugs
        "/fr/content/meetings-coverage",
        "Couverture des réunions",
        [
            [
                Row("/fr/2023/cs15361.doc.htm", "Conseil de sécurité", symbol="CS/15361"),
                Row("/fr/2011/AGAB3988.doc.htm", "Cinquième Commission", symbol="AG/AB/3988"),
            ]
        ],
    ),
    "/fr/content/security-council/meetings-coverage": CHALLENGE,
}

# The www.un.org/press era (2017-2020): rows print their date, some their symbol.
OLD_ERA = {
    "/press/en/content/security-council/meetings-coverage": listing_page(
        "Security Council: Meetings Coverage",
        [
            Row("/press/en/2017/sc12840.doc.htm", SC, date="26 May 2017"),
            Row("/press/en/2017/sc12838.doc.htm", SC, date="25 May 2017"),
        ],
        next_href="/press/en/content/security-council/meetings-coverage?page=1",
    ),
    "/press/fr/content/security-council/meetings-coverage": listing_page(
        "Conseil de sécurité: Couverture des réunions",
        [
            Row(
                "/press/fr/2019/cs13707.doc.htm",
                "Conseil",
                symbol="CS/13707",
                date="20 février 2019",
            )
        ],
    ),
}
