from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("statements", "0002_load_delegations")]

    operations = [
        migrations.AddField(
            model_name="themerule",
            name="requires",
            field=models.CharField(
                blank=True,
                help_text='Optional second query the text must also match, e.g. weapons OR "arms race"',
                max_length=500,
                verbose_name="and also",
            ),
        ),
        migrations.RemoveConstraint(model_name="themerule", name="theme_rule_unique"),
        migrations.AddConstraint(
            model_name="themerule",
            constraint=models.UniqueConstraint(
                fields=("theme", "query", "requires"), name="theme_rule_unique"
            ),
        ),
    ]
