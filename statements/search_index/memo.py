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
_local: dict[str, object] = {}
_local_version: list[str | None] = [None]


def per_commit(name: str, key: str, compute: Callable[[], T]) -> T:
    """compute(), or its value from this index commit's earlier call with the same name and key."""
    version = store.version()
    if version is None:  # tests' in-memory index: always compute
        return compute()
    if _local_version[0] != version:
        _local.clear()
        _local_version[0] = version
    digest = hashlib.sha256(f"{name}\0{key}".encode()).hexdigest()[:32]
    if digest not in _local:
        _local[digest] = cache.get_or_set(f"search-index:{digest}", compute, None, version=version)
    return _local[digest]  # type: ignore[return-value]
