"""Results that depend only on the index's state, kept until the next index commit.

The whole archive's counts (the home page, browsing without filters, the list pages) are the
same for every visitor until the indexer commits: they are computed once per commit, kept in
this process and in its "pages" cache, keyed by the index's version. A commit or a swap
changes the version. Labels read from PostgreSQL (theme and body names) can also change by an
admin edit the index never sees: every value is kept at most MEMO_SECONDS.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import caches

from statements.search.index import store

T = TypeVar("T")
# (index version, values): replaced whole when the version moves, so request threads of one
# worker (gunicorn's gthread) never see it half cleared.
_local: tuple[str | None, dict[str, tuple[float, object]]] = (None, {})
MEMO_SECONDS = 300


def per_commit(name: str, key: str, compute: Callable[[], T]) -> T:
    """compute(), or its value from this index commit's earlier call with the same name and key."""
    global _local
    version = store.version()
    if version is None:  # a reader without versions: always compute
        return compute()
    local = _local  # read once: another thread may replace it for a newer version meanwhile
    if local[0] != version:
        local = _local = (version, {})
    digest = hashlib.sha256(f"{name}\0{key}".encode()).hexdigest()[:32]
    expires, value = local[1].get(digest, (0.0, None))
    if value is None or expires < time.monotonic():
        value = caches["pages"].get_or_set(
            f"search-index:{digest}", compute, MEMO_SECONDS, version=version
        )
        local[1][digest] = (time.monotonic() + MEMO_SECONDS, value)
    return value  # type: ignore[return-value]
