"""The one write path for press releases: plan what a parse would change, then write it atomically.

The admin, the management commands and the tests all go through ``plan_release`` (read-only, for
the review step) and ``ingest_release`` (one transaction). Re-ingesting a release updates it in
place: the release, its meeting, and every statement whose text is still there keep their ids, and
a retired statement whose text comes back gets its id back, so no URL breaks.
"""

from statements.ingest.errors import IngestError
from statements.ingest.metadata import ReleaseMetadata, metadata_from_parse
from statements.ingest.plan import IngestPlan, PlannedStatement, content_hash, plan_release
from statements.ingest.sources import ingest_source, parse_source, size_error
from statements.ingest.write import IngestResult, ingest_release, release_basis

__all__ = [
    "IngestError",
    "IngestPlan",
    "IngestResult",
    "PlannedStatement",
    "ReleaseMetadata",
    "content_hash",
    "ingest_release",
    "ingest_source",
    "metadata_from_parse",
    "parse_source",
    "plan_release",
    "release_basis",
    "size_error",
]
