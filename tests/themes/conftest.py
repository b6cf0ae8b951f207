"""Fixtures for the theme tests."""

from __future__ import annotations

import pytest

from statements.themes.models import ThemeRule


@pytest.fixture
def no_shipped_rules(db) -> None:
    """Drop the taxonomy's rules, so a test sees only the rules it makes."""
    ThemeRule.objects.all().delete()
