"""Print precision and recall per theme on the labelled set, in a throwaway database.

    DJANGO_DEBUG=1 .venv/bin/python benchmarks/theme_quality.py [--errors]

Writes tests/themes/labelled.json as meetings and statements into the database
``bench_theme_quality`` (migrated: the shipped taxonomy is loaded), runs the real tagger
(``retag_all``), compares each statement's effective themes with its labels, prints the table,
and with --errors lists every wrong and missing tag with where it came from.
"""

from __future__ import annotations

import argparse

from retag import ROOT, setup_django, throwaway_database


def main() -> None:
    """Score the tagger on the labelled set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="List wrong and missing tags")
    parser.add_argument("--database", default="bench_theme_quality", help="Throwaway database")
    args = parser.parse_args()
    setup_django()
    with throwaway_database(args.database):
        report(show_errors=args.errors)


def report(*, show_errors: bool) -> None:
    """Tag the labelled set and print the scores."""
    from statements.themes.quality import score, table, total
    from statements.themes.tagging import effective_tags, retag_all
    from tests.themes.labelled import insert_labelled

    expected = insert_labelled()
    retag_all()
    actual: dict[int, set[str]] = {pk: set() for pk in expected}
    for pk, slug in effective_tags().values_list("statement_id", "theme__slug"):
        actual[pk].add(slug)
    scores = score(expected, actual)
    totals = [total(scores), total(scores, exclude=("trafficking-in-persons",))]
    print(f"{len(expected)} labelled statements from {ROOT / 'tests/themes/labelled.json'}")
    print(table(scores, totals))
    if show_errors:
        _print_errors(expected, actual)


def _print_errors(expected: dict[int, set[str]], actual: dict[int, set[str]]) -> None:
    """One line per wrong (FP) or missing (FN) tag, with the tag's source and rule."""
    from statements.themes.models import StatementTheme

    for pk in sorted(expected):
        for slug in sorted(actual[pk] - expected[pk]):
            tags = StatementTheme.objects.filter(statement_id=pk, theme__slug=slug)
            how = "; ".join(f"{t.source}: {t.rule.query if t.rule else ''}" for t in tags)
            print(f"FP #{pk} {slug}: {how}")
        for slug in sorted(expected[pk] - actual[pk]):
            print(f"FN #{pk} {slug}")


if __name__ == "__main__":
    main()
