"""Public pages kept until the search index's next commit (and at most PAGE_CACHE_SECONDS).

Everything these pages show changes only through writes whose triggers record an outbox entry
(statements/search/migrations/0003_outbox_triggers.py), and the
indexer's commit of that entry changes the index's version: a page cached under one version is
what the page would be now. Staff (logged in), other methods and non-200 answers pass through;
with no readable index, nothing is cached. (The tests' mirror has a version too: the test suite
runs with this cache on.)
PAGE_CACHE_SECONDS (300) bounds an edit that reaches neither the outbox nor the index.
A page whose index ids were not all found in PostgreSQL (the index ahead of a lagging replica
and of the primary too, readers.py) is served but not kept: the next request renders it again.
"""

from __future__ import annotations

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import caches

from statements.search.index import readers, store


def per_index_commit(view):
    """Serve the view's 200 answers from Django's cache while the index is unchanged."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or request.method != "GET" or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        try:
            version = store.version()
        except store.IndexUnavailable:  # the page itself says whether it needs the index
            version = None
        if version is None:
            return view(request, *args, **kwargs)
        where = f"{version}\0{request.scheme}://{request.get_host()}{request.get_full_path()}"
        key = "page:" + hashlib.sha256(where.encode()).hexdigest()
        response = caches["pages"].get(key)
        if response is None:
            token = readers.watch()
            try:
                response = view(request, *args, **kwargs)
            finally:
                behind = readers.incomplete(token)
            if _keep(response) and not behind:
                caches["pages"].set(key, response, seconds)
        return response

    return cached_view


def _keep(response) -> bool:
    return response.status_code == 200 and not response.streaming and not response.cookies
