"""manage.py retag_themes: re-tag all or one theme, print counts, or only say what would change."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from statements.themes.models import StatementTheme
from tests.factories import make_statement, make_theme

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("retag_themes", *args, stdout=out)
    return out.getvalue()


def test_retag_prints_counts_per_theme():
    make_statement(text="Trafficking in persons is a crime.")
    output = run()
    line = next(x for x in output.splitlines() if x.startswith("trafficking-in-persons "))
    assert line.split()[1:] == ["0", "1", "+1"]
    assert "statements/s" in output and StatementTheme.objects.count() == 1


def test_dry_run_writes_nothing():
    make_statement(text="Trafficking in persons is a crime.")
    output = run("--dry-run")
    assert "Dry run: rolled back" in output and "+1" in output
    assert not StatementTheme.objects.exists()


def test_one_theme_or_a_pillar(no_shipped_rules):
    pillar = make_theme(slug="pillar-test")
    space = make_theme(slug="space-test", rules=['"outer space"'], parent=pillar)
    make_theme(slug="climate-test", rules=['"climate change"'], parent=pillar)
    make_statement(text="Outer space and climate change.")
    output = run("--theme", "space-test")
    assert "space-test" in output and "climate-test" not in output
    assert set(StatementTheme.objects.values_list("theme__slug", flat=True)) == {space.slug}
    output = run("--theme", "pillar-test")
    assert "space-test" in output and "climate-test" in output
    assert StatementTheme.objects.count() == 2


def test_an_unknown_slug_is_an_error():
    with pytest.raises(CommandError, match="No theme with slug nope"):
        run("--theme", "nope")
