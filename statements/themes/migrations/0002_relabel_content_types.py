"""The theme models' content types (and so their permissions) follow them to this app."""

from django.db import migrations

MODELS = ["theme", "themerule", "statementtheme", "meetingtheme"]


def relabel(apps, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("themes", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, schema: relabel(apps, "statements", "themes"),
            lambda apps, schema: relabel(apps, "themes", "statements"),
        ),
    ]
