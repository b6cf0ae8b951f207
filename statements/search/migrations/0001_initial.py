import django.contrib.postgres.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="OutboxEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("statement_ids", django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), blank=True, default=list, size=None)),
                ("meeting_ids", django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), blank=True, default=list, size=None)),
                ("speaker_ids", django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), blank=True, default=list, size=None)),
                ("delegation_ids", django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), blank=True, default=list, size=None)),
                ("everything", models.BooleanField(default=False, help_text="Re-index every statement")),
                ("created_at", models.DateTimeField(auto_now_add=True, db_index=True)),
            ],
            options={"verbose_name_plural": "outbox entries"},
        ),
        # The writing transaction's id: the indexer's position (see indexer.py).
        migrations.RunSQL(
            "ALTER TABLE search_index_outboxentry ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id();"
            "CREATE INDEX search_index_outbox_xid ON search_index_outboxentry (xid);",
            "ALTER TABLE search_index_outboxentry DROP COLUMN xid;",
        ),
    ]
