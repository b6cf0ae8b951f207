"""The shipped taxonomy: loaded by migration, recognisable, every rule usable, upserted."""

from __future__ import annotations

import pytest

from statements.themes.loader import load_taxonomy, read_taxonomy
from statements.themes.models import Theme, ThemeRule
from statements.themes.rules import check_query

pytestmark = pytest.mark.django_db

EXPECTED = [
    "trafficking-in-persons",
    "counter-terrorism",
    "climate-change",
    "women-peace-and-security",
    "children-and-armed-conflict",
    "nuclear-non-proliferation",
    "outer-space",
    "sanctions",
    "peacekeeping",
    "migration-and-refugees",
    "health",
    "sustainable-development-goals",
]


def test_the_migration_loads_two_levels_of_pillars_and_themes():
    assert 8 <= Theme.objects.pillars().count() <= 10
    assert 40 <= Theme.objects.leaves().count() <= 80
    assert not Theme.objects.leaves().filter(parent__parent__isnull=False).exists()
    assert set(EXPECTED) <= set(Theme.objects.values_list("slug", flat=True))


def test_every_theme_has_a_description_and_an_active_rule():
    for theme in Theme.objects.leaves():
        assert theme.description, theme.slug
        assert theme.rules.filter(is_active=True).exists(), theme.slug


def test_every_shipped_rule_compiles_without_errors_or_warnings():
    for rule in ThemeRule.objects.select_related("theme"):
        for query in filter(None, [rule.query, rule.requires]):
            check = check_query(query)
            assert not check.errors and not check.warnings, (rule.theme.slug, query, check)


def test_loading_again_updates_in_place_and_keeps_staff_rules():
    theme = Theme.objects.get(slug="outer-space")
    staff_rule = theme.rules.create(query="satellites", note="added by staff")
    data = read_taxonomy()
    pillar = next(p for p in data["pillars"] if p["slug"] == "disarmament")
    item = next(t for t in pillar["themes"] if t["slug"] == "outer-space")
    item["name"] = "Outer space (renamed)"
    item["rules"][0]["active"] = False
    counts = load_taxonomy(Theme, ThemeRule, data)
    theme.refresh_from_db()
    assert counts["themes"] == Theme.objects.leaves().count()
    assert (theme.pk, theme.name) == (theme.pk, "Outer space (renamed)")
    assert theme.rules.get(query=item["rules"][0]["query"]).is_active is False
    assert theme.rules.filter(pk=staff_rule.pk).exists()
    assert (
        ThemeRule.objects.count()
        == sum(len(t["rules"]) for p in data["pillars"] for t in p["themes"]) + 1
    )
