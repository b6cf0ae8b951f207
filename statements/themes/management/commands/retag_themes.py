"""Re-tag statements from the theme rules and meeting agendas, and print counts per theme."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from statements.models import Statement
from statements.themes.models import Theme
from statements.themes.tagging import effective_counts, retag


class Command(BaseCommand):
    help = (
        "Re-tag every statement (or one theme's) from the active theme rules and the meeting "
        "agendas, in the database. Staff tags and removals are kept. Prints statements per theme."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--theme",
            action="append",
            dest="themes",
            metavar="SLUG",
            help="Re-tag only this theme (repeat for several; a pillar means its themes).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Compute and print what would change, then roll back: nothing is written.",
        )

    def handle(self, *args, themes: list[str] | None, dry_run: bool, **options) -> None:
        selected = _themes(themes) if themes else None
        before = effective_counts(selected)
        with transaction.atomic():
            result = retag(themes=selected)
            after = effective_counts(selected)
            transaction.set_rollback(dry_run)
        self._print_table(selected or list(Theme.objects.leaves()), before, after)
        total = Statement.objects.count() if selected is None else None
        rate = f", {total / result.seconds:,.0f} statements/s" if total else ""
        self.stdout.write(
            f"Found {result.rule_tags:,} rule tags, {result.agenda_tags:,} agenda tags and "
            f"{result.meeting_themes:,} meeting agenda themes in {result.seconds:.1f} s{rate}; "
            f"{result.added:,} tags added, {result.removed:,} removed."
            + (" Dry run: rolled back, nothing written." if dry_run else "")
        )

    def _print_table(self, themes: list[Theme], before: dict, after: dict) -> None:
        """One line per theme: statements carrying it before and after, and the change."""
        self.stdout.write(f"{'theme':45} {'before':>9} {'after':>9} {'change':>8}")
        leaves = [t for t in themes if t.parent_id is not None]  # pillars carry no tags
        for theme in sorted(leaves, key=lambda t: (t.position, t.name)):
            old, new = before.get(theme.pk, 0), after.get(theme.pk, 0)
            self.stdout.write(f"{theme.slug:45} {old:9,} {new:9,} {new - old:+8,}")


def _themes(slugs: list[str]) -> list[Theme]:
    """The themes named by slug; a pillar stands for the themes under it."""
    found = list(Theme.objects.filter(slug__in=slugs))
    missing = sorted(set(slugs) - {t.slug for t in found})
    if missing:
        raise CommandError(f"No theme with slug {', '.join(missing)}.")
    children = list(Theme.objects.filter(parent__in=found))
    return list({t.pk: t for t in found + children}.values())
