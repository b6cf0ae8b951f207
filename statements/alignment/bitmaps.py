"""Each delegation's decisions as bitmaps, per basis and position, kept between requests.

A bitmap is an int with bit N set for decision N. A delegation's bitmaps cover every decision of
the archive; a page's scope (body, years, theme, subject) is applied by AND-ing them with the
bitmap of the decisions in scope, which is read per request (themes change without a vote
changing). The bitmaps are read once per process and kept until the votes change: the migration
`alignment.0002_votes_version` has PostgreSQL bump a version number on every statement that
changes votes or decisions (inserts, updates, deletes, truncates; no code path can skip it), and
each request reads that number first (one row): a changed number empties the cache.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable
from typing import TypeVar

from django.contrib.postgres.aggregates import ArrayAgg
from django.db import connection
from django.db.models import QuerySet

from statements.alignment.votes import vote_rows

T = TypeVar("T")
Maps = dict[tuple[str, str], int]  # (basis, position) -> bitmap of decision ids
KEPT = 400  # delegations per process; the archive has about 230


def bitmap(ids) -> int:
    """A set of decision ids as an int with those bits set."""
    ids = list(ids)
    if not ids:
        return 0
    bits = bytearray((max(ids) >> 3) + 1)
    for pk in ids:
        bits[pk >> 3] |= 1 << (pk & 7)
    return int.from_bytes(bits, "little")


class DelegationBitmaps:
    """A process's bitmaps (and a few answers read from the same tables), dropped whenever the
    votes' version changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: int | None = None
        self._maps: OrderedDict[int, Maps] = OrderedDict()
        self._answers: dict[str, object] = {}

    def _current(self) -> int:
        """The votes' version, the kept bitmaps and answers dropped if it moved (lock held)."""
        version = votes_version()
        if version != self._version:
            self._maps.clear()
            self._answers.clear()
            self._version = version
        return version

    def answer(self, name: str, compute: Callable[[], T]) -> T:
        """An answer that depends on votes and decisions only, computed once per version."""
        with self._lock:
            version = self._current()
            if name in self._answers:
                return self._answers[name]  # type: ignore[return-value]
        found = compute()
        with self._lock:
            if version == self._version:
                self._answers[name] = found
        return found

    def of(self, delegation_ids: list[int]) -> dict[int, Maps]:
        """Bitmaps of each delegation (empty for one that never voted), read where not kept."""
        with self._lock:
            version = self._current()
            kept = {pk: self._maps[pk] for pk in delegation_ids if pk in self._maps}
        missing = [pk for pk in delegation_ids if pk not in kept]
        if missing:
            read = _read(missing)
            with self._lock:
                if version == self._version:
                    self._keep(read)
            kept.update(read)
        return kept

    def _keep(self, read: dict[int, Maps]) -> None:
        self._maps.update(read)
        while len(self._maps) > KEPT:
            self._maps.popitem(last=False)


def _read(delegation_ids: list[int]) -> dict[int, Maps]:
    rows = (
        vote_rows()
        .filter(delegation_id__in=delegation_ids)
        .order_by()
        .values("delegation_id", "vote", "vote_basis")
        .annotate(decision_ids=ArrayAgg("decision_id"))
    )
    maps: dict[int, Maps] = defaultdict(dict)
    for row in rows:
        maps[row["delegation_id"]][(row["vote_basis"], row["vote"])] = bitmap(row["decision_ids"])
    return {pk: maps.get(pk, {}) for pk in delegation_ids}


def votes_version() -> int:
    """The number PostgreSQL bumps whenever votes or decisions change."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT version FROM alignment_votes_version WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else -1


def in_scope(maps: Maps, scope: int) -> Maps:
    """A delegation's bitmaps limited to the decisions of a scope."""
    return {key: found & scope for key, found in maps.items() if found & scope}


def scope_bitmap(decisions: QuerySet) -> int:
    """The decisions of a scope as a bitmap."""
    return bitmap(decisions.order_by().values_list("id", flat=True).distinct())


CACHE = DelegationBitmaps()
