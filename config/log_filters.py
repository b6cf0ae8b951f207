"""Logging filters (named in settings.LOGGING; imported while logging is configured)."""

from __future__ import annotations

import logging


class NotARefusal(logging.Filter):
    """Leave refused requests (429) out: a flood would write one warning per refusal.

    The access log still has every one of them.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return getattr(record, "status_code", None) != 429
