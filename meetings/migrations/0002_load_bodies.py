from django.db import migrations


def load_bodies(apps, schema_editor):
    from meetings.reference import load_bodies as read_bodies

    Body = apps.get_model("meetings", "Body")
    for item in read_bodies():
        parent = Body.objects.get(slug=item["parent"]) if item["parent"] else None
        Body.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "short_name": item["short_name"],
                "symbol_prefix": item["symbol_prefix"],
                "kind": item["kind"],
                "parent": parent,
                "position": item["position"],
            },
        )


class Migration(migrations.Migration):
    dependencies = [("meetings", "0001_initial")]
    operations = [migrations.RunPython(load_bodies, migrations.RunPython.noop)]
