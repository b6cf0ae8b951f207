"""Engine calls never raise past the app: a tantivy error or panic becomes IndexUnavailable.

tantivy reports a damaged index with ValueError or OSError, and sometimes with a Rust panic,
which pyo3 raises as `pyo3_runtime.PanicException`: a BaseException that `except Exception`
misses, so it would escape Django, end the server's thread without an answer, and leave the
index open for the next request to panic again. Each engine call runs inside `engine_errors()`:
the error is logged, the opened index is dropped (the next call reopens it, and a rebuild's new
generation is picked up), and the caller gets IndexUnavailable, which pages answer with their
503, the API with a JSON 503, and exports before their first byte.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from django.db import DatabaseError

from statements.search.index import store

log = logging.getLogger(__name__)
T = TypeVar("T")


def is_panic(exc: BaseException) -> bool:
    """A Rust panic raised through pyo3 (its class is made at run time, so known by name)."""
    return type(exc).__name__ == "PanicException"


@contextmanager
def engine_errors() -> Iterator[None]:
    """Turn any engine failure inside the block into IndexUnavailable (database errors pass)."""
    try:
        yield
    except (store.IndexUnavailable, DatabaseError):
        raise
    except BaseException as exc:
        if not (isinstance(exc, Exception) or is_panic(exc)):
            raise  # KeyboardInterrupt, SystemExit, GeneratorExit
        log.exception("Search engine failed; the index is reopened on the next search")
        store.forget()
        raise store.IndexUnavailable(
            f"The search index failed: {type(exc).__name__}: {exc}"
        ) from exc


def guarded(function: Callable[..., T]) -> Callable[..., T]:
    """Run `function` inside engine_errors()."""

    @functools.wraps(function)
    def call(*args, **kwargs):
        with engine_errors():
            return function(*args, **kwargs)

    return call
