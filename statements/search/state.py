"""The page state lives in the URL: build links that change one part of it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote_plus, urlencode

from django.http import QueryDict

PAGING = ("page", "after", "before")
_PLAIN = re.compile(r"[A-Za-z0-9_.~-]*")  # what quote_plus leaves as it is


def _quoted(text: str) -> str:
    """quote_plus(text), without its cost for codes and slugs, which it leaves unchanged."""
    return text if _PLAIN.fullmatch(text) else quote_plus(text)


class QueryState:
    """A request's query string, minus empty and invalid values, that makes changed copies."""

    def __init__(self, query: QueryDict, *, drop: Iterable[str] = ()) -> None:
        self.query = QueryDict(mutable=True)
        dropped = set(drop)
        for name, values in query.lists():
            kept = [v for v in values if v.strip()]
            if name not in dropped and kept:
                self.query.setlist(name, kept)
        self._lists = [(n, v) for n, v in self.query.lists() if n not in PAGING]
        self._rest: dict[str, str] = {}

    def url(self, **changes: str | list[str] | None) -> str:
        """The query string with parameters set (None removes them), back to page one."""
        pairs = [(n, v) for n, values in self._lists if n not in changes for v in values]
        for name, value in changes.items():
            if value not in (None, "", []):
                pairs += [(name, v) for v in (value if isinstance(value, list) else [value])]
        encoded = urlencode(pairs)
        return f"?{encoded}" if encoded else "?"

    def toggle(self, name: str, value: str) -> str:
        """Add the value to the parameter, or take it away if present."""
        values = self.query.getlist(name)
        if value in values:
            return self.url(**{name: [v for v in values if v != value]})
        rest = self._rest.get(name)
        if rest is None:  # the links of one facet share everything but their own value
            rest = self._rest[name] = self.url(**{name: values})
        added = f"{_quoted(name)}={_quoted(value)}"  # what urlencode writes for one pair
        return f"{rest}&{added}" if len(rest) > 1 else f"?{added}"

    def hidden_inputs(self, *, exclude: Iterable[str]) -> list[tuple[str, str]]:
        """(name, value) pairs a form must carry to keep the rest of the state."""
        skip = {*exclude, *PAGING}
        return [(n, v) for n, values in self.query.lists() if n not in skip for v in values]
