"""Outbox rows written by PostgreSQL: statement-level triggers on every table the index reads.

Each SQL statement that changes rows of statements, tags, themes, speakers, delegations,
meetings, bodies or releases inserts ONE outbox entry naming what it touched (read from its
transition tables), or none when it touched nothing the index documents read
(statements/search/index/documents.py). No code path can skip them: QuerySet.update(),
bulk_create, raw SQL and the admin all reach the index (README, "Keeping it in sync").

Statements and tags: any inserted, deleted or changed row names its statement. The other tables
name what the indexer resolves to statements, and only when a column the documents read changed:
a meeting (body, release, session; or deleted), a body (slug) or release (language) names its
meetings, a speaker (name, slug, merged_into) its id, a delegation (name, code) its id, a theme
(slug, parent) the statements tagged with it or its children. Rows inserted into those tables
name nothing: no statement points at them yet (the statement's own trigger names it later).
"""

from django.db import migrations

ENTRY = """
    IF coalesce(cardinality(statements), 0) + coalesce(cardinality(meetings), 0)
       + coalesce(cardinality(speakers), 0) + coalesce(cardinality(delegations), 0) > 0 THEN
        INSERT INTO search_index_outboxentry
            (statement_ids, meeting_ids, speaker_ids, delegation_ids, everything, created_at)
        VALUES (coalesce(statements, '{}'), coalesce(meetings, '{}'), coalesce(speakers, '{}'),
                coalesce(delegations, '{}'), false, now());
    END IF;
    RETURN NULL;
"""


def function(name: str, body: str) -> str:
    return f"""
CREATE FUNCTION search_index_outbox_{name}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    statements bigint[]; meetings bigint[]; speakers bigint[]; delegations bigint[];
BEGIN
{body}
{ENTRY}
END $$;
"""


def triggers(table: str, name: str, events: tuple[str, ...]) -> str:
    referencing = {
        "INSERT": "REFERENCING NEW TABLE AS new_rows",
        "UPDATE": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
        "DELETE": "REFERENCING OLD TABLE AS old_rows",
    }
    return "".join(
        f"CREATE TRIGGER search_index_outbox_{event.lower()} AFTER {event} ON {table} "
        f"{referencing[event]} FOR EACH STATEMENT "
        f"EXECUTE FUNCTION search_index_outbox_{name}();\n"
        for event in events
    )


ALL = ("INSERT", "UPDATE", "DELETE")
CHANGES = ("UPDATE", "DELETE")
# (table, function name, events, body). `changed(cols)`: the rows of an UPDATE whose columns differ.
TABLES = [
    (
        "statements_statement",
        "statement",
        ALL,
        """
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT id ORDER BY id) INTO statements FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT id ORDER BY id) INTO statements FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT n.id ORDER BY n.id) INTO statements
        FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n IS DISTINCT FROM o;
    END IF;""",
    ),
    (
        "statements_statementtheme",
        "statementtheme",
        ALL,
        """
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT statement_id ORDER BY statement_id) INTO statements
        FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT statement_id ORDER BY statement_id) INTO statements
        FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT s ORDER BY s) INTO statements FROM (
            SELECT n.statement_id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE n IS DISTINCT FROM o
            UNION ALL
            SELECT o.statement_id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE n IS DISTINCT FROM o
        ) AS changed (s);
    END IF;""",
    ),
    (
        "statements_theme",
        "theme",
        CHANGES,
        """
    IF TG_OP = 'UPDATE' THEN
        SELECT array_agg(DISTINCT st.statement_id ORDER BY st.statement_id) INTO statements
        FROM statements_statementtheme st
        JOIN statements_theme t ON t.id = st.theme_id
        WHERE t.id IN (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                       WHERE (n.slug, n.parent_id) IS DISTINCT FROM (o.slug, o.parent_id))
           OR t.parent_id IN (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                              WHERE n.slug IS DISTINCT FROM o.slug);
    END IF;  -- a deleted theme's tags are deleted first (their own trigger names them)""",
    ),
    (
        "statements_speaker",
        "speaker",
        CHANGES,
        """
    IF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT id ORDER BY id) INTO speakers FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT n.id ORDER BY n.id) INTO speakers
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.name, n.slug, n.merged_into_id) IS DISTINCT FROM (o.name, o.slug, o.merged_into_id);
    END IF;""",
    ),
    (
        "statements_delegation",
        "delegation",
        CHANGES,
        """
    IF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT id ORDER BY id) INTO delegations FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT n.id ORDER BY n.id) INTO delegations
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.name, n.code) IS DISTINCT FROM (o.name, o.code);
    END IF;""",
    ),
    (
        "meetings_meeting",
        "meeting",
        CHANGES,
        """
    IF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT id ORDER BY id) INTO meetings FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT n.id ORDER BY n.id) INTO meetings
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.body_id, n.release_id, n.session)
              IS DISTINCT FROM (o.body_id, o.release_id, o.session);
    END IF;""",
    ),
    (
        "meetings_body",
        "body",
        ("UPDATE",),
        """
    SELECT array_agg(DISTINCT m.id ORDER BY m.id) INTO meetings
    FROM meetings_meeting m
    WHERE m.body_id IN (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                        WHERE n.slug IS DISTINCT FROM o.slug);""",
    ),
    (
        "meetings_release",
        "release",
        ("UPDATE",),
        """
    SELECT array_agg(DISTINCT m.id ORDER BY m.id) INTO meetings
    FROM meetings_meeting m
    WHERE m.release_id IN (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                           WHERE n.language IS DISTINCT FROM o.language);""",
    ),
]

CREATE = "".join(
    function(name, body) + triggers(table, name, events) for table, name, events, body in TABLES
)
DROP = "".join(
    "".join(f"DROP TRIGGER search_index_outbox_{e.lower()} ON {table};\n" for e in events)
    + f"DROP FUNCTION search_index_outbox_{name}();\n"
    for table, name, events, _ in TABLES
)


class Migration(migrations.Migration):
    dependencies = [
        ("search_index", "0002_indexerstatus"),
        ("statements", "0013_speakermerge"),
        ("meetings", "0005_release_source"),
        ("themes", "0002_relabel_content_types"),
    ]

    operations = [migrations.RunSQL(CREATE, DROP)]
