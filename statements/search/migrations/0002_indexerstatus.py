from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("search_index", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="IndexerStatus",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("node", models.CharField(help_text="host name and index folder", max_length=300, unique=True)),
                ("pid", models.IntegerField(blank=True, null=True)),
                ("started_at", models.DateTimeField(blank=True, null=True)),
                ("heartbeat_at", models.DateTimeField(blank=True, help_text="last poll that worked", null=True)),
                ("applied_at", models.DateTimeField(blank=True, help_text="last entries applied", null=True)),
                ("pending", models.IntegerField(default=0, help_text="committed entries not applied yet")),
                ("lag_seconds", models.FloatField(default=0, help_text="age of the oldest of them")),
                ("horizon", models.TextField(blank=True, help_text="the oldest open transaction, when old")),
                ("horizon_seconds", models.FloatField(default=0)),
                ("last_error", models.TextField(blank=True)),
                ("last_error_at", models.DateTimeField(blank=True, null=True)),
                ("rebuilds", models.IntegerField(default=0, help_text="generations rebuilt on its own")),
            ],
            options={"verbose_name_plural": "indexer status"},
        ),
    ]
