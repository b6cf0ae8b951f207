"""A meeting's versions (meetings/versions.py) are in its statements' index documents: the
meetings' trigger also names a meeting whose primary_version or other_languages changed."""

import importlib

from django.db import migrations

_triggers = importlib.import_module("statements.search.migrations.0003_outbox_triggers")

BODY = """
    IF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT id ORDER BY id) INTO meetings FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT n.id ORDER BY n.id) INTO meetings
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.body_id, n.release_id, n.session, n.primary_version, n.other_languages)
              IS DISTINCT FROM
              (o.body_id, o.release_id, o.session, o.primary_version, o.other_languages);
    END IF;"""

OLD = next(body for _, name, _, body in _triggers.TABLES if name == "meeting")


def replace(body: str) -> str:
    return _triggers.function("meeting", body).replace(
        "CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("search_index", "0005_tags_ignore_rule"),
        ("meetings", "0006_meeting_versions"),
    ]

    operations = [migrations.RunSQL(replace(BODY), replace(OLD))]
