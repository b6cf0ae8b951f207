"""The decision models' content types (and so their permissions) follow them to this app."""

from django.db import migrations

MODELS = ["decision", "narrativeparagraph", "vote", "voteexplanation"]


def relabel(apps, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("decisions", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, schema: relabel(apps, "statements", "decisions"),
            lambda apps, schema: relabel(apps, "decisions", "statements"),
        ),
    ]
