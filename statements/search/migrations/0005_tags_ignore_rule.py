"""A tag's rule_id changing (a re-tag finding the same theme by another rule) is no change to
what search shows: the tags' trigger names only statements whose tag rows differ in a column the
index documents read (statement, theme, source, removal), or were inserted or deleted."""

import importlib

from django.db import migrations

_triggers = importlib.import_module("statements.search.migrations.0003_outbox_triggers")

BODY = """
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT statement_id ORDER BY statement_id) INTO statements
        FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT statement_id ORDER BY statement_id) INTO statements
        FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT s ORDER BY s) INTO statements FROM (
            SELECT n.statement_id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.statement_id, n.theme_id, n.source, n.is_removal)
                  IS DISTINCT FROM (o.statement_id, o.theme_id, o.source, o.is_removal)
            UNION ALL
            SELECT o.statement_id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.statement_id, n.theme_id, n.source, n.is_removal)
                  IS DISTINCT FROM (o.statement_id, o.theme_id, o.source, o.is_removal)
        ) AS changed (s);
    END IF;"""

OLD = next(body for _, name, _, body in _triggers.TABLES if name == "statementtheme")


def replace(body: str) -> str:
    return _triggers.function("statementtheme", body).replace(
        "CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"
    )


class Migration(migrations.Migration):
    dependencies = [("search_index", "0004_consumers")]

    operations = [
        migrations.RunSQL(
            replace(BODY), replace(OLD)
        )
    ]
