"""Fill the database with a synthetic archive at full size, or remove it again."""

from __future__ import annotations

import time
from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from tqdm import tqdm

from meetings.models import Body
from statements.corpus import loader
from statements.corpus.layout import (
    ArchiveLayout,
    BodyRef,
    DelegationRef,
    FirstIds,
    Reference,
    meeting_count,
    speaker_count,
)
from statements.corpus.text import topic_phrases
from statements.models import Delegation
from statements.themes.models import ThemeRule

SHARED_DATABASE_LIMIT = 20_000
# The archive ends on this day, not on the day it is built: the same seed and size give the same
# archive (dates, years, sessions) whatever day a benchmark is run.
LAST_DAY = date(2026, 11, 30)


class Command(BaseCommand):
    help = (
        "Generate a realistic synthetic archive (statements written from a model of the shipped "
        "releases; all delegations; N/20 speakers; N/33 meetings across the bodies since 1995), "
        "loaded with COPY and tagged by the theme rules. --remove deletes exactly the synthetic "
        "rows (releases with source_format 'synthetic', their meetings, statements and tags, and "
        "the speakers only they used)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--statements", type=int, default=10_000, help="How many statements (default 10,000)"
        )
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1)")
        parser.add_argument(
            "--remove", action="store_true", help="Delete the synthetic archive instead"
        )
        parser.add_argument(
            "--allow-shared",
            action="store_true",
            help=f"Allow more than {SHARED_DATABASE_LIMIT:,} statements in the shared .pgdata",
        )
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar")
        parser.add_argument(
            "--last-day",
            type=date.fromisoformat,
            default=LAST_DAY,
            help=f"The archive's last day (default {LAST_DAY}, fixed so that runs compare)",
        )

    def handle(self, *args, **options):
        self.started = time.perf_counter()
        if options["remove"]:
            return self._remove()
        n = options["statements"]
        if n < 1:
            raise CommandError("--statements must be at least 1.")
        if n > SHARED_DATABASE_LIMIT and _is_shared_database() and not options["allow_shared"]:
            raise CommandError(
                "This is the shared embedded database (.pgdata): set PGDATA_DIR to a folder of "
                "your own (e.g. var/pg-scale) for a large corpus, or pass --allow-shared."
            )
        self._generate(n, options["seed"], not options["no_progress"], options["last_day"])

    def _generate(self, n: int, seed: int, progress: bool, last_day: date) -> None:
        reference = _reference()
        bar = tqdm(total=n, unit="stmt", disable=not progress, file=self.stderr, smoothing=0.1)
        with transaction.atomic(), connection.cursor() as cursor:
            loader.lock_tables(cursor)
            ids = _reserve(cursor, n)
            layout = ArchiveLayout(reference, statements=n, seed=seed, ids=ids, today=last_day)
            self._step(
                "layout (meetings, speakers, sentence pool)", time.perf_counter() - self.started
            )
            counts = loader.load(cursor, layout, tick=bar.update, step=self._step)
        bar.close()
        self._tag()
        with connection.cursor() as cursor:
            loader.analyze(cursor, self._step, vacuum=not connection.in_atomic_block)
        summary = ", ".join(f"{v:,} {k}" for k, v in counts.items())
        total = time.perf_counter() - self.started
        self.stdout.write(f"Created {summary} in {total:.0f} s.")

    def _tag(self) -> None:
        """Tag the whole archive with the real tagger (statements.themes.tagging.retag_all)."""
        try:
            from statements.themes.tagging import retag_all
        except ImportError:
            self.stderr.write(
                "statements.themes.tagging.retag_all does not exist yet: themes not tagged."
            )
            return
        started = time.perf_counter()
        result = retag_all()
        self._step(
            f"retag_all ({result.rule_tags:,} rule tags, {result.agenda_tags:,} agenda tags)",
            time.perf_counter() - started,
        )

    def _remove(self) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            counts = loader.remove(cursor, self._step)
        with connection.cursor() as cursor:
            loader.analyze(cursor, self._step, vacuum=not connection.in_atomic_block)
        summary = ", ".join(f"{v:,} {k}" for k, v in counts.items() if v)
        total = time.perf_counter() - self.started
        self.stdout.write(f"Removed {summary or 'nothing'} in {total:.0f} s.")

    def _step(self, what: str, seconds: float) -> None:
        self.stderr.write(f"  {seconds:7.1f} s  {what}")


def _reference() -> Reference:
    """Delegations, bodies and the phrases each theme's active rules match."""
    delegations = [DelegationRef(d.pk, d.name, d.kind) for d in Delegation.objects.order_by("pk")]
    bodies = [
        BodyRef(b.pk, b.name, b.slug, b.symbol_prefix or b.short_name or b.slug, _in_assembly(b))
        for b in Body.objects.select_related("parent").order_by("pk")
    ]
    if not bodies:
        raise CommandError("There are no UN bodies: run the migrations first.")
    topics: dict[str, list[str]] = {}
    for rule in ThemeRule.objects.filter(is_active=True).select_related("theme").order_by("pk"):
        topics.setdefault(rule.theme.slug, []).extend(topic_phrases(rule.query, rule.requires))
    return Reference(delegations, bodies, {k: v for k, v in topics.items() if v})


def _in_assembly(body: Body) -> bool:
    return body.slug == "general-assembly" or bool(
        body.parent and body.parent.slug == "general-assembly"
    )


def _reserve(cursor, n: int) -> FirstIds:
    """Reserve the id blocks the layout numbers its rows from."""
    return FirstIds(
        release=loader.reserve_ids(cursor, "meetings_release", meeting_count(n)),
        meeting=loader.reserve_ids(cursor, "meetings_meeting", meeting_count(n)),
        speaker=loader.reserve_ids(cursor, "statements_speaker", speaker_count(n)),
        statement=loader.reserve_ids(cursor, "statements_statement", n),
    )


def _is_shared_database() -> bool:
    return str(settings.BASE_DIR / ".pgdata") in settings.DATABASE_URL
