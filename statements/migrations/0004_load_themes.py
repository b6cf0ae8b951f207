from django.db import migrations


def load(apps, schema_editor):
    from statements.themes.loader import load_taxonomy

    load_taxonomy(apps.get_model("statements", "Theme"), apps.get_model("statements", "ThemeRule"))


class Migration(migrations.Migration):
    dependencies = [("statements", "0003_themerule_requires")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
