"""The ingest's one refusal."""


class IngestError(Exception):
    """The release cannot be written; the message says why, for staff to act on."""
