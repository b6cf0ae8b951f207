"""Where releases live on press.un.org: listing pages per body, release addresses, symbols.

Pure Python (no Django, no I/O). The paths follow the site as its published pages show it:
``/en/content/security-council/meetings-coverage?page=N`` lists a body's releases, newest first,
and a release lives at ``/en/2021/sc14567.doc.htm`` (``/fr/2023/cs15357.doc.htm`` in French;
``www.un.org/press/en/2016/sc12284.doc.htm`` before 2019).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

# Body keys for --body; English paths are seen on the site, French ones are the site's French
# section names as we expect them (not checked against the live site).
LISTINGS = {
    "en": {
        "all": "/en/content/meetings-coverage",
        "security-council": "/en/content/security-council/meetings-coverage",
        "general-assembly": "/en/content/general-assembly/meetings-coverage",
        "ecosoc": "/en/content/economic-and-social-council/meetings-coverage",
    },
    "fr": {
        "all": "/fr/content/couverture-des-reunions",
        "security-council": "/fr/content/conseil-de-securite/couverture-des-reunions",
        "general-assembly": "/fr/content/assemblee-generale/couverture-des-reunions",
        "ecosoc": "/fr/content/conseil-economique-et-social/couverture-des-reunions",
    },
}

RELEASE_PATH = re.compile(
    r"^/(?:press/)?(?P<lang>en|fr)/(?P<year>(?:19|20)\d\d)/(?P<slug>[a-z]+)(?P<number>\d{2,6})"
    r"(?:\.doc)?\.html?$"
)
_SYMBOL = re.compile(r"^(?P<prefix>[A-Z]+(?:/[A-Z]+)?)/(?P<number>\d{2,6})$")
FRENCH_PREFIXES = ("AG", "CS", "FEM")


@dataclass(frozen=True)
class ReleaseAddress:
    """A release page address and what its path says: language, year, symbol slug."""

    url: str
    language: str
    year: int
    slug: str


def release_address(url: str) -> ReleaseAddress | None:
    """Read a release address (absolute), or None when the path is not a release page."""
    match = RELEASE_PATH.match(urlsplit(url).path)
    if not match:
        return None
    slug = match.group("slug") + match.group("number")
    return ReleaseAddress(url, match.group("lang"), int(match.group("year")), slug)


def listing_url(base: str, *, body: str, language: str, page: int) -> str:
    """The address of one page of a body's Meetings Coverage listing (page 0 is the newest)."""
    try:
        path = LISTINGS[language][body]
    except KeyError as exc:
        raise ValueError(f"No listing for body “{body}” in language “{language}”.") from exc
    return urljoin(base, path) + (f"?page={page}" if page else "")


def symbol_urls(base: str, symbol: str, years: range) -> list[str]:
    """Candidate addresses of a release by symbol, one per year (the symbol has no year)."""
    match = _SYMBOL.match(symbol.strip().upper())
    if not match:
        raise ValueError(f"“{symbol}” does not look like a press release symbol (e.g. SC/14567).")
    prefix = match.group("prefix")
    language = "fr" if prefix.split("/")[0] in FRENCH_PREFIXES else "en"
    slug = prefix.replace("/", "").lower() + match.group("number")
    return [urljoin(base, f"/{language}/{year}/{slug}.doc.htm") for year in reversed(years)]
