from django.db import migrations


class Migration(migrations.Migration):
    """The data lives in memory or on SSD: with the default random_page_cost of 4 the planner
    scans millions of tag rows rather than make a few thousand index probes (docs/performance.md).
    """

    dependencies = [("statements", "0005_search_statistics")]
    operations = [
        migrations.RunSQL(
            "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET random_page_cost = 1.1', "
            "current_database()); END $$",
            "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I RESET random_page_cost', "
            "current_database()); END $$",
        ),
    ]
