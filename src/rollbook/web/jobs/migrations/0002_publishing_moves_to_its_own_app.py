# The publishing schedule and its runs belong to the publishing app now (its 0001 takes them into its
# state); here they leave this app's state and their tables take the publishing app's names.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ScheduledRun"),
                migrations.DeleteModel(name="PublishingSchedule"),
            ],
            database_operations=[
                migrations.AlterModelTable(name="ScheduledRun", table="publishing_scheduledrun"),
                migrations.AlterModelTable(name="PublishingSchedule", table="publishing_publishingschedule"),
            ],
        ),
    ]
