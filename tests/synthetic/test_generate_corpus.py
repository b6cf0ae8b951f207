"""generate_corpus: a small synthetic archive, loaded, searchable, tagged, and removed exactly."""

from __future__ import annotations

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import F

from meetings.models import Meeting, Release
from statements.corpus.layout import meeting_count, speaker_count
from statements.models import Speaker, Statement
from statements.search.index import engine
from statements.search.index.query import SearchSpec
from statements.themes.models import StatementTheme

pytestmark = pytest.mark.django_db

N = 400


def generate(n: int = N, seed: int = 3) -> str:
    out = StringIO()
    call_command(
        "generate_corpus",
        "--statements",
        str(n),
        "--seed",
        str(seed),
        "--no-progress",
        stdout=out,
        stderr=StringIO(),
    )
    return out.getvalue()


def statement_indexes() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'statements_statement'")
        return {name for (name,) in cursor.fetchall()}


def test_generates_a_marked_archive_of_the_size_asked():
    indexes = statement_indexes()
    assert f"{N:,} statements" in generate()
    assert Statement.objects.count() == N
    assert Meeting.objects.count() == Release.objects.count() == meeting_count(N)
    assert Speaker.objects.count() == speaker_count(N)
    assert set(Release.objects.values_list("source_format", "parser_version").distinct()) == {
        ("synthetic", "synthetic")
    }
    assert all("/SYN-" in s for s in Release.objects.values_list("symbol", flat=True))
    assert all(s.endswith(f"-syn{pk}") for pk, s in Speaker.objects.values_list("pk", "slug"))
    assert statement_indexes() == indexes


def test_statements_are_consistent_searchable_and_tagged():
    generate()
    assert not Statement.objects.exclude(date=F("meeting__date")).exists()
    kinds = set(Statement.objects.values_list("kind", flat=True))
    assert {"statement", "summary"} <= kinds
    summaries = Statement.objects.filter(summary_of__isnull=False)
    assert summaries.exists() and not summaries.exclude(kind="summary").exists()
    assert not summaries.exclude(summary_of__meeting=F("meeting")).exists()
    # searchable: the search index (the tests' mirror of the database) finds them by a word
    assert engine.count(SearchSpec(text="international", all_kinds=True)) > N // 10
    assert StatementTheme.objects.filter(source="rule").exists()
    assert StatementTheme.objects.filter(source="agenda").exists()


def test_remove_deletes_exactly_the_synthetic_rows():
    call_command("load_sample_data", stdout=StringIO())
    real = (Statement.objects.count(), Speaker.objects.count(), Release.objects.count())
    real_tags = StatementTheme.objects.count()
    generate()
    assert Statement.objects.count() == real[0] + N
    out = StringIO()
    call_command("generate_corpus", "--remove", stdout=out, stderr=StringIO())
    assert f"{N:,} statements" in out.getvalue()
    assert (Statement.objects.count(), Speaker.objects.count(), Release.objects.count()) == real
    assert StatementTheme.objects.count() == real_tags
    assert Release.objects.get().source_format != "synthetic"


def test_the_same_seed_writes_the_same_texts():
    generate(60, seed=9)
    first = list(Statement.objects.order_by("id").values_list("text", flat=True))
    call_command("generate_corpus", "--remove", stdout=StringIO(), stderr=StringIO())
    generate(60, seed=9)
    assert list(Statement.objects.order_by("id").values_list("text", flat=True)) == first


def test_refuses_a_big_corpus_in_the_shared_database(monkeypatch):
    monkeypatch.setattr(
        settings, "DATABASE_URL", f"postgresql://x@/db?host={settings.BASE_DIR}/.pgdata"
    )
    with pytest.raises(CommandError, match="PGDATA_DIR"):
        call_command("generate_corpus", "--statements", "100000", stdout=StringIO())
