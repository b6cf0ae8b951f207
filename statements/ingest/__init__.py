"""The one write path for press releases: plan what a parse would change, then write it atomically.

The admin, the management commands and the tests all go through ``plan_release`` (read-only, for
the review step) and ``ingest_release`` (one transaction). Re-ingesting a release updates it in
place: the release, its meeting, and every statement whose text is still there keep their ids, and
a retired statement whose text comes back gets its id back, so no URL breaks.

This package is also an installed app (apps.py), imported before the models are ready: the names
below are loaded from their modules on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "IngestError": "errors",
    "ReleaseMetadata": "metadata",
    "metadata_from_parse": "metadata",
    "IngestPlan": "plan",
    "corrected_plan": "correction_writes",
    "PlannedStatement": "plan",
    "content_hash": "plan",
    "plan_release": "plan",
    "ingest_source": "sources",
    "parse_source": "sources",
    "size_error": "sources",
    "IngestResult": "write",
    "ingest_release": "write",
    "release_basis": "write",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
