"""Where releases live on press.un.org: feeds, listing pages per body, release addresses, symbols.

Pure Python (no Django, no I/O). The paths are the site's own, as its stored pages show them:
``/en/rss.xml`` is the feed (``/fr/rss.xml`` in French), ``/en/content/security-council/
meetings-coverage?page=N`` lists a body's releases, newest first, and the French listings live at
the same English slugs under ``/fr/``. A release lives at one of the address forms of 1995-2026:

- ``press.un.org/en/2021/sc14567.doc.htm`` (and ``/fr/2011/AGAB3988.doc.htm``, upper case);
- ``press.un.org/en/1999/19991124.gaef2899.doc.html`` (a date before the slug, 1995-2000);
- ``www.un.org/press/en/2016/sc12284.doc.htm`` (2010-2020);
- ``www.un.org/News/Press/docs/2005/sc8500.doc.htm`` (2000-2010; French ``/News/fr-press/docs/``);
- and the variants real addresses show: a dot before the number
  (``/fr/1996/19961015.agshc.246.html``), a revision (``/press/en/2012/ga11266Rev1.doc.htm``:
  GA/11266/Rev.1), a doubled slash (``/News/Press/docs//2008/ecosoc6313.doc.htm``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

LANGUAGES = ("en", "fr")
# Body keys for --body: the listing slugs of the site's navigation, the same in both languages.
LISTING_SLUGS = {
    "all": "content/meetings-coverage",
    "security-council": "content/security-council/meetings-coverage",
    "general-assembly": "content/general-assembly/meetings-coverage",
    "ecosoc": "content/economic-and-social-council/meetings-coverage",
}
LISTINGS = {language: {body: f"/{language}/{slug}" for body, slug in LISTING_SLUGS.items()}
            for language in LANGUAGES}  # fmt: skip
FEEDS = {language: f"/{language}/rss.xml" for language in LANGUAGES}

RELEASE_PATH = re.compile(
    r"^/(?:(?:press/)?(?P<lang>en|fr)|news/(?P<old>press|fr-press)/docs)/(?P<year>(?:19|20)\d\d)/"
    r"(?:(?P<day>(?:19|20)\d{6})\.)?(?P<slug>[a-z]+)\.?(?P<number>\d{1,6})(?:\.?r(?:ev)?\.?(?P<rev>\d{1,2}))?"
    r"(?:\.doc)?\.html?$",
    re.IGNORECASE,
)
_SYMBOL = re.compile(r"^(?P<prefix>[A-Z]+(?:/[A-Z]+){0,2})/(?P<number>\d{1,6})$")
# Slug letters that name a body's meeting series (English, then French), longest first.
MEETING_SERIES = {
    "security-council": ("sc", "cs"),
    "general-assembly": ("ga", "ag", "cpsd"),  # CPSD: the Fourth Committee in French (GA/SPD)
    "ecosoc": ("ecosoc",),
    # Commissions, committees and forums whose meetings the site covers (the parser's corpora:
    # SOC, POP, HR/DH, PI, PH, CD (the Disarmament Commission in French), WOM/FEM, PBC, DC, HRC,
    # L, ENV/DEV (the Commission on Sustainable Development), ONG/NGO (the Committee on NGOs).
    "other": (
        "wom",
        "fem",
        "pbc",
        "dc",
        "hrc",
        "l",
        "soc",
        "pop",
        "hr",
        "dh",
        "pi",
        "ph",
        "cd",
        "envdev",
        "ong",  # the Committee on NGOs in French (ONG/330)
        "ngo",
    ),
}
# A symbol's first part as a slug opens with (tried in this order: "ecosoc" before "ec...").
SERIES_HEADS = ("ecosoc", "sc", "cs", "ga", "ag", "wom", "fem", "pbc", "dc", "dh", "hrc", "l",
                "sg", "env")  # fmt: skip
# Sub-series of a symbol's slug letters (GA/EF/3583 is "gaef3583"), to print the symbol back.
# ("g": DH/G/314, the Geneva office's series)
SUB_SERIES = ("ab", "col", "dis", "ef", "j", "l", "pal", "shc", "spd", "pk", "pko", "ngo", "ws",
              "sm", "t", "a", "dsg", "ecosoc", "dev", "g")  # fmt: skip
FRENCH_PREFIXES = ("AG", "CS", "FEM")
# Letters the slugs of the 1990s spelled otherwise (eco5813 is ECOSOC/5813, gash3488 GA/SHC/3488).
SLUG_ALIASES = {"eco": "ecosoc", "gash": "gashc", "endev": "envdev"}


@dataclass(frozen=True)
class ReleaseAddress:
    """A release page address and what its path says: language, year, slug, kind, symbol."""

    url: str
    language: str
    year: int
    slug: str
    revision: str = ""  # "1" for GA/11266/Rev.1

    @property
    def key(self) -> str:
        """The release's key across its addresses: language, slug and revision (fr:agshc246)."""
        return f"{self.language}:{self.slug}" + (f"rev{self.revision}" if self.revision else "")

    @property
    def letters(self) -> str:
        return self.slug.rstrip("0123456789")

    @property
    def body(self) -> str:
        """The body whose meeting series the slug belongs to ("" when it is no meeting)."""
        letters = self.letters
        for body, series in MEETING_SERIES.items():
            if any(letters == s or (len(s) > 1 and letters.startswith(s)) for s in series):
                return body
        return ""

    @property
    def is_meeting(self) -> bool:
        """Whether the address is a Meetings Coverage release (not SG/SM, a briefing, a blog)."""
        return bool(self.body)

    @property
    def symbol(self) -> str:
        """The symbol the slug spells (gaef3583 → GA/EF/3583; sc14567 → SC/14567)."""
        symbol = slug_symbol(self.slug)
        return f"{symbol}/Rev.{self.revision}" if self.revision else symbol


def release_address(url: str) -> ReleaseAddress | None:
    """Read a release address (absolute), or None when the path is not a release page."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    match = RELEASE_PATH.match(re.sub("/{2,}", "/", path))
    if not match:
        return None
    language = (match.group("lang") or "").lower()
    if not language:
        language = "fr" if match.group("old").lower() == "fr-press" else "en"
    letters = match.group("slug").lower()
    slug = SLUG_ALIASES.get(letters, letters) + match.group("number")
    revision = match.group("rev") or ""
    return ReleaseAddress(url, language, int(match.group("year")), slug, revision)


def slug_symbol(slug: str) -> str:
    """Spell a slug as a symbol: the series letters, sub-series letters, then the number."""
    letters = slug.rstrip("0123456789")
    number = slug[len(letters) :]
    parts = []
    for head in SERIES_HEADS:
        if letters.startswith(head):
            parts, letters = [head], letters[len(head) :]
            break
    while letters:
        sub = next((s for s in sorted(SUB_SERIES, key=len, reverse=True)
                    if letters.startswith(s)), letters)  # fmt: skip
        parts.append(sub)
        letters = letters[len(sub) :]
    return "/".join([*(p.upper() for p in parts), number]) if parts else number


def symbol_series(symbol: str) -> tuple[str, int] | None:
    """A symbol's series and number (GA/EF/3583 → ("GA/EF", 3583)), or None."""
    match = _SYMBOL.match(symbol.strip().upper())
    if not match:
        return None
    return match.group("prefix"), int(match.group("number"))


def symbol_body(symbol: str) -> str:
    """The body a symbol's series belongs to: security-council, general-assembly, ecosoc, other."""
    prefix = symbol.split("/")[0].upper()
    for body in ("security-council", "general-assembly", "ecosoc"):
        if prefix.lower() in MEETING_SERIES[body]:
            return body
    return "other"


def listing_url(base: str, *, body: str, language: str, page: int) -> str:
    """The address of one page of a body's Meetings Coverage listing (page 0 is the newest)."""
    try:
        path = LISTINGS[language][body]
    except KeyError as exc:
        raise ValueError(f"No listing for body “{body}” in language “{language}”.") from exc
    return urljoin(base, path) + (f"?page={page}" if page else "")


def feed_url(base: str, *, language: str) -> str:
    """The address of the site's RSS feed in a language."""
    return urljoin(base, FEEDS[language])


def symbol_urls(base: str, symbol: str, years: range) -> list[str]:
    """Candidate addresses of a release by symbol, one per year (the symbol has no year)."""
    match = _SYMBOL.match(symbol.strip().upper())
    if not match:
        raise ValueError(f"“{symbol}” does not look like a press release symbol (e.g. SC/14567).")
    prefix = match.group("prefix")
    language = "fr" if prefix.split("/")[0] in FRENCH_PREFIXES else "en"
    slug = prefix.replace("/", "").lower() + match.group("number")
    return [urljoin(base, f"/{language}/{year}/{slug}.doc.htm") for year in reversed(years)]
