"""Upsert the shipped reference delegations again: groups that speak in the Committee on
Information and elsewhere (Group of Francophone Ambassadors, Benelux), French names of the
regional groups, MERCOSUR and SICA, and French spellings added since migration 0007. A
delegation already stored keeps its name and slug: only new delegations and aliases are added."""

from django.db import migrations


def load(apps, schema_editor):
    from statements.reference.sync import sync_delegations

    sync_delegations(
        apps.get_model("statements", "Delegation"),
        apps.get_model("statements", "DelegationAlias"),
        keep_existing=True,
    )


class Migration(migrations.Migration):
    dependencies = [("statements", "0016_delegation_speaker_index")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
