"""A covering index for alignment: a delegation's votes (decision and position) read from the index
alone, without a heap fetch per vote (votes of one delegation lie on as many pages as it has votes).

Kept here so the statements app's migrations are untouched on this branch; at merge it belongs in
Vote.Meta.indexes, with issue 22's `basis` included: (delegation, decision) INCLUDE (vote, basis).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("statements", "0009_decisions_votes_narrative")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS alignment_vote_positions "
            "ON statements_vote (delegation_id, decision_id) INCLUDE (vote)",
            "DROP INDEX IF EXISTS alignment_vote_positions",
        )
    ]
