"""Counts in words, for the hundreds of counts a results page shows (facet options, chart bars).

`number_format(n, force_grouping=True)` (what `intcomma` does) and `ngettext` each look the
active language up again (a context-local read) and read its formats: tens of microseconds a
call, milliseconds a page. `PageWords` looks them up once for the page; the text is the same.
"""

from __future__ import annotations

from functools import lru_cache

from django.utils.formats import get_format, number_format
from django.utils.translation import get_language, ngettext, trans_real


class PageWords:
    """The active language's catalogue and digit grouping, read once (make one per page)."""

    def __init__(self) -> None:
        language = get_language()
        # The catalogue activate() installed for this language (None: translations are off).
        self._catalogue = trans_real.translation(language) if language else None
        self._separator = get_format("THOUSAND_SEPARATOR", language)
        self._grouping = get_format("NUMBER_GROUPING", language)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """django.utils.translation.ngettext, in the page's language."""
        if self._catalogue is None:
            return ngettext(singular, plural, n)
        return _plural(self._catalogue, singular, plural, n)

    def grouped(self, n: int) -> str:
        """number_format(n, force_grouping=True) for an int: 12,345 (12 345 in French)."""
        if self._grouping == 3 and isinstance(n, int):
            return f"{n:,}".replace(",", self._separator)
        if self._grouping == 0 and isinstance(n, int):
            return str(n)
        return number_format(n, force_grouping=True)


@lru_cache(maxsize=16384)
def _plural(catalogue, singular: str, plural: str, n: int) -> str:
    """A catalogue's plural (it evaluates the plural rule once for each of its ~10 files)."""
    return catalogue.ngettext(singular, plural, n)
