"""The page state lives in the URL: build links that change one part of it."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import QueryDict

PAGING = ("page", "after", "before")


class QueryState:
    """A request's query string, minus empty and invalid values, that makes changed copies."""

    def __init__(self, query: QueryDict, *, drop: Iterable[str] = ()) -> None:
        self.query = QueryDict(mutable=True)
        dropped = set(drop)
        for name, values in query.lists():
            kept = [v for v in values if v.strip()]
            if name not in dropped and kept:
                self.query.setlist(name, kept)

    def url(self, **changes: str | list[str] | None) -> str:
        """The query string with parameters set (None removes them), back to page one."""
        query = self.query.copy()
        for name in PAGING:
            query.pop(name, None)
        for name, value in changes.items():
            query.pop(name, None)
            if value not in (None, "", []):
                query.setlist(name, value if isinstance(value, list) else [value])
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else "?"

    def toggle(self, name: str, value: str) -> str:
        """Add the value to the parameter, or take it away if present."""
        values = self.query.getlist(name)
        changed = [v for v in values if v != value] if value in values else [*values, value]
        return self.url(**{name: changed})

    def hidden_inputs(self, *, exclude: Iterable[str]) -> list[tuple[str, str]]:
        """(name, value) pairs a form must carry to keep the rest of the state."""
        skip = {*exclude, *PAGING}
        return [(n, v) for n, values in self.query.lists() if n not in skip for v in values]
