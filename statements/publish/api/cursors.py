"""Keyset pagination: opaque, signed cursors holding the sort keys of the last row sent.

A page after a cursor is "rows whose keys come after these", so page 5,000 costs what page 1
does, and rows added or removed while a client pages do not shift or repeat the others. The
cursor is signed (django.core.signing), so a client cannot forge one, and it names the
resource and the order it belongs to, so it cannot be replayed against another.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import reduce
from operator import or_
from typing import Any

from django.core import signing
from django.db.models import Q

from statements.publish.api.problems import Problem

SALT = "statements.publish.api.cursor.v1"
MAX_CURSOR_CHARS = 1000


@dataclass(frozen=True)
class Ordering:
    """A total order over rows by keys (the last one unique), all ascending or all descending."""

    name: str
    keys: tuple[str, ...]
    descending: bool = False

    def order_by(self) -> list[str]:
        return [f"-{key}" if self.descending else key for key in self.keys]

    def after(self, values: Sequence[Any]) -> Q:
        """Rows that come after the row with these key values, in this order."""
        past = "lt" if self.descending else "gt"
        alternatives = []
        for i, key in enumerate(self.keys):
            equal = dict(zip(self.keys[:i], values[:i], strict=True))
            alternatives.append(Q(**equal, **{f"{key}__{past}": values[i]}))
        bound = {f"{self.keys[0]}__{past[0]}te": values[0]}  # lets the index range-scan
        return Q(**bound) & reduce(or_, alternatives)

    def values_of(self, row: Any) -> list[Any]:
        """The key values of a row (an object or a mapping)."""
        if isinstance(row, dict):
            return [row[key] for key in self.keys]
        return [getattr(row, key) for key in self.keys]


def encode_cursor(resource: str, ordering: Ordering, values: Sequence[Any]) -> str:
    """An opaque, URL-safe token for the position after a row."""
    payload = [resource, ordering.name, [_plain(v) for v in values]]
    return signing.dumps(payload, salt=SALT, compress=True)


def decode_cursor(token: str | None, resource: str, ordering: Ordering) -> list[Any] | None:
    """The key values a cursor holds; None without one; Problem (400) for a bad one."""
    if not token:
        return None
    try:
        kind, order, values = signing.loads(token[:MAX_CURSOR_CHARS], salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        message = "This cursor is not valid."
        raise Problem(400, "invalid_cursor", message, parameter="cursor") from None
    if kind != resource or order != ordering.name or len(values) != len(ordering.keys):
        message = (
            "This cursor belongs to another list or order: keep the other parameters as they "
            "were when the cursor was given."
        )
        raise Problem(400, "invalid_cursor", message, parameter="cursor")
    return values


def _plain(value: Any) -> Any:
    """A JSON-safe key value (dates as ISO strings: the ORM reads them back in filters)."""
    return value.isoformat() if isinstance(value, date | datetime) else value
