"""The UI tests' small archive and clean cache, for the abuse and honesty tests."""

from tests.ui.conftest import _empty_cache, archive  # noqa: F401 (fixtures shared as they are)
