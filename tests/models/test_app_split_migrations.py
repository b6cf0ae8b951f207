"""The decisions and themes apps took their models from the statements app: state only.

Their tables, rows and permissions stay: a database migrated before the split (statements 0010)
keeps its decisions and theme tags, and staff permissions on them follow the models' new app
label. Inside the test's transaction (PostgreSQL rolls schema changes back too).
"""

from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from statements.decisions.models import Decision
from statements.themes.models import StatementTheme, Theme

BEFORE = [("statements", "0009_decisions_votes_narrative")]
LATEST = [
    ("statements", "0012_statement_themes_from_their_app"),
    ("decisions", "0002_relabel_content_types"),
    ("themes", "0002_relabel_content_types"),
]


def _migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db
def test_the_models_match_the_migrations():
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())  # exits if not


@pytest.mark.django_db
def test_permissions_and_rows_follow_the_models_to_their_apps(django_user_model):
    _migrate(BEFORE)
    try:
        # Migrating back relabelled them: the database as the old code left it.
        labels = ContentType.objects.filter(model__in=["decision", "theme", "statementtheme"])
        assert set(labels.values_list("app_label", flat=True)) == {"statements"}
        staff = django_user_model.objects.create(username="staffer", is_staff=True)
        old = Permission.objects.filter(
            content_type__app_label="statements", codename__in=["change_theme", "view_decision"]
        )
        staff.user_permissions.add(*old)
        themes_before = Theme.objects.count()  # the same table under both labels
        assert themes_before > 0 and old.count() == 2  # the taxonomy the migrations load
        _migrate(LATEST)
        ContentType.objects.clear_cache()
        assert ContentType.objects.get_for_model(Decision).app_label == "decisions"
        assert ContentType.objects.get_for_model(StatementTheme).app_label == "themes"
        staff = django_user_model.objects.get(pk=staff.pk)  # no cached permissions
        assert staff.has_perm("themes.change_theme") and staff.has_perm("decisions.view_decision")
        assert not ContentType.objects.filter(app_label="statements", model="theme").exists()
        assert Theme.objects.count() == themes_before
    finally:
        _migrate(LATEST)
        ContentType.objects.clear_cache()
