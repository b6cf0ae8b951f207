"""Vote.basis (recorded, inferred, consensus), "joined the consensus", actions in words."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0003_elections"),
    ]

    operations = [
        migrations.AddField(
            model_name="vote",
            name="basis",
            field=models.CharField(
                choices=[
                    ("recorded", "Recorded (named in the release)"),
                    ("inferred", "Inferred (from the tally and the membership)"),
                    ("consensus", "Consensus (adopted without a vote)"),
                ],
                default="recorded",
                help_text="Where the vote comes from: the release's names, the tally, or a consensus",
                max_length=10,
            ),
        ),
        migrations.AlterField(
            model_name="decision",
            name="action",
            field=models.CharField(
                choices=[
                    ("adopted", "Adopted"),
                    ("approved", "Approved"),
                    ("rejected", "Rejected"),
                    ("failed_veto", "Failed: veto"),
                    ("withdrawn", "Withdrawn"),
                    ("deferred", "Deferred"),
                ],
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="vote",
            name="vote",
            field=models.CharField(
                choices=[
                    ("in_favour", "In favour"),
                    ("against", "Against"),
                    ("abstaining", "Abstaining"),
                    ("absent", "Absent"),
                    ("consensus", "Joined the consensus"),
                ],
                max_length=12,
            ),
        ),
    ]
