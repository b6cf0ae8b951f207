from django.db import migrations


def load(apps, schema_editor):
    from statements.reference.sync import sync_delegations

    sync_delegations(apps.get_model("statements", "Delegation"), apps.get_model("statements", "DelegationAlias"))


class Migration(migrations.Migration):
    dependencies = [("statements", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
