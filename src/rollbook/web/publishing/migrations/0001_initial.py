# The schedule and its runs moved here from the jobs app; their tables are renamed by jobs 0002, so the
# database keeps every row and this migration only tells Django where the models now live.

import datetime

import django.db.models.deletion
from django.db import migrations, models

import rollbook.rules.schedule


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("jobs", "0002_publishing_moves_to_its_own_app"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PublishingSchedule",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("enabled", models.BooleanField(default=True)),
                        ("frequency", models.CharField(choices=[(rollbook.rules.schedule.Frequency["WEEKLY"], "Weekly, for data to the previous Friday"), (rollbook.rules.schedule.Frequency["DAILY"], "Every weekday, for data to the weekday before")], default=rollbook.rules.schedule.Frequency["WEEKLY"], max_length=10)),
                        ("weekday", models.PositiveSmallIntegerField(choices=[(0, "Monday"), (1, "Tuesday"), (2, "Wednesday"), (3, "Thursday"), (4, "Friday")], default=2, help_text="For weekly publishing")),
                        ("at", models.TimeField(default=datetime.time(6, 0), help_text="UK time")),
                    ],
                    options={"verbose_name": "publishing schedule"},
                ),
                migrations.CreateModel(
                    name="ScheduledRun",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("run_on", models.DateField(unique=True)),
                        ("data_to", models.DateField()),
                        ("job", models.OneToOneField(null=True, on_delete=django.db.models.deletion.SET_NULL, to="jobs.job")),
                    ],
                    options={"ordering": ["-run_on"]},
                ),
            ],
            database_operations=[],
        ),
    ]
