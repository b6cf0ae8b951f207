"""A version number for the vote tables, bumped by PostgreSQL on every change.

Alignment keeps each delegation's decisions as bitmaps between requests
(statements/alignment/bitmaps.py) and must drop them the moment a vote or a decision changes.
Statement-level triggers on statements_vote and statements_decision (INSERT, UPDATE, DELETE and
TRUNCATE) bump one row's number, so no code path can skip it: the admin, QuerySet.update(),
bulk_create, raw SQL, a test database flushed between tests. The table is not a model (Django's
flush never empties it), and its numbers come from a sequence, so a number is never given twice,
not even after a rollback (a number read inside a transaction that then rolled back is never
current again).
"""

from django.db import migrations

TABLES = ("statements_vote", "statements_decision")
EVENTS = ("INSERT", "UPDATE", "DELETE", "TRUNCATE")

CREATE = """
CREATE SEQUENCE alignment_votes_version_seq;
CREATE TABLE alignment_votes_version (id integer PRIMARY KEY, version bigint NOT NULL);
INSERT INTO alignment_votes_version VALUES (1, nextval('alignment_votes_version_seq'));
CREATE FUNCTION alignment_bump_votes_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE alignment_votes_version SET version = nextval('alignment_votes_version_seq') WHERE id = 1;
    RETURN NULL;
END $$;
""" + "".join(
    f"CREATE TRIGGER alignment_votes_version_{event.lower()} AFTER {event} ON {table} "
    "FOR EACH STATEMENT EXECUTE FUNCTION alignment_bump_votes_version();\n"
    for table in TABLES
    for event in EVENTS
)

DROP = "".join(
    f"DROP TRIGGER IF EXISTS alignment_votes_version_{event.lower()} ON {table};\n"
    for table in TABLES
    for event in EVENTS
) + (
    "DROP FUNCTION IF EXISTS alignment_bump_votes_version();\n"
    "DROP TABLE IF EXISTS alignment_votes_version;\n"
    "DROP SEQUENCE IF EXISTS alignment_votes_version_seq;\n"
)


class Migration(migrations.Migration):
    dependencies = [("alignment", "0001_vote_positions_index")]

    operations = [migrations.RunSQL(CREATE, DROP)]
