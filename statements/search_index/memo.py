"""Results that depend only on the index's state, kept until the next index commit.

The whole archive's counts (the home page, browsing without filters, the list pages) are the
same for every visitor until the indexer commits: they are computed once per commit, kept in
this process and in Django's cache (shared between workers when CACHE_URL names one), keyed by
the index's version. A commit or a swap changes the version, so nothing stale is ever served.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

from statements.search_index import store

T = TypeVar("T")
# (index version, values): replaced whole when the version moves, so request threads of one
# worker (gunicorn's gthread) never see it half cleared.
_local: tuple[str | None, dict[str, object]] = (None, {})


def per_commit(name: str, key: str, compute: Callable[[], T]) -> T:
    """compute(), or its value from this index commit's earlier call with the same name and key."""
    global _local
    version = store.version()
    if version is None:  # tests' in-memory index: always compute
        return compute()
    if _local[0] != version:
        _local = (version, {})
    values = _local[1]
    digest = hashlib.sha256(f"{name}\0{key}".encode()).hexdigest()[:32]
    value = values.get(digest)
    if value is None:
        value = cache.get_or_set(f"search-index:{digest}", compute, None, version=version)
        values[digest] = value
    return value  # type: ignore[return-value]
