"""Read queries over themes."""

from __future__ import annotations

from django.db import models


class ThemeQuerySet(models.QuerySet):
    def pillars(self) -> ThemeQuerySet:
        return self.filter(parent__isnull=True)

    def leaves(self) -> ThemeQuerySet:
        return self.filter(parent__isnull=False)
