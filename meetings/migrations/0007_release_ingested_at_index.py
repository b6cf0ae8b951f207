"""The newest ingest is every conditional request's Last-Modified (statements/publish/
conditional.py: Max of Release.ingested_at): an index answers it from its last entry."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("meetings", "0006_meeting_versions")]

    operations = [
        migrations.AddIndex(
            model_name="release",
            index=models.Index(fields=["ingested_at"], name="release_ingested_at_idx"),
        ),
    ]
