"""Load the shipped taxonomy (taxonomy.json) into Theme and ThemeRule rows: an upsert by slug.

Data migrations call ``load_taxonomy`` with historical models, so a later migration can ship an
updated file: pillars and themes are matched by slug and updated in place (ids, URLs and staff tags
stay); rules are matched by (theme, query, requires). Rules staff added in the admin are left alone;
to retire a shipped rule, keep it in the file with ``"active": false``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

TAXONOMY_PATH = Path(__file__).resolve().parent / "taxonomy.json"


def read_taxonomy(path: Path = TAXONOMY_PATH) -> dict[str, Any]:
    """The taxonomy file as data."""
    return json.loads(path.read_text(encoding="utf-8"))


def load_taxonomy(theme_model, rule_model, data: dict[str, Any] | None = None) -> dict[str, int]:
    """Create or update every pillar, theme and rule of the taxonomy; return counts."""
    data = data or read_taxonomy()
    counts = {"pillars": 0, "themes": 0, "rules": 0}
    for p, pillar in enumerate(data["pillars"], start=1):
        # Positions sort each pillar just before its themes: 100, 101, 102 ... 200, 201 ...
        parent = _upsert_theme(theme_model, pillar, parent=None, position=p * 100)
        counts["pillars"] += 1
        for t, item in enumerate(pillar["themes"], start=1):
            theme = _upsert_theme(theme_model, item, parent=parent, position=p * 100 + t)
            counts["themes"] += 1
            counts["rules"] += _upsert_rules(rule_model, theme, item.get("rules", []))
    return counts


def _upsert_theme(theme_model, item: dict[str, Any], *, parent, position: int):
    """Create or update one theme by slug."""
    theme, _ = theme_model.objects.update_or_create(
        slug=item["slug"],
        defaults={
            "name": item["name"],
            "description": item.get("description", ""),
            "parent": parent,
            "position": position,
        },
    )
    return theme


def _upsert_rules(rule_model, theme, rules: list[dict[str, Any]]) -> int:
    """Create or update a theme's shipped rules, keyed by their query text."""
    for rule in rules:
        rule_model.objects.update_or_create(
            theme=theme,
            query=rule["query"],
            requires=rule.get("requires", ""),
            defaults={"note": rule.get("note", ""), "is_active": rule.get("active", True)},
        )
    return len(rules)
