"""A covering index for alignment: a delegation's votes (decision and position) read from the index
alone, without a heap fetch per vote (votes of one delegation lie on as many pages as it has votes).

Owned by the app that reads it this way; `basis` is included so recorded and inferred votes are
told apart from the index too.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("decisions", "0004_vote_basis")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS alignment_vote_positions "
            "ON statements_vote (delegation_id, decision_id) INCLUDE (vote, basis)",
            "DROP INDEX IF EXISTS alignment_vote_positions",
        )
    ]
