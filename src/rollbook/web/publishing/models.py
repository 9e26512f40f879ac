"""When comparators are published: the operator's schedule, and each scheduled run as it was queued."""

from __future__ import annotations

import datetime as dt

from django.db import models

from rollbook.rules import schedule as rules
from rollbook.rules.schedule import Frequency
from rollbook.web.jobs.models import Job


class PublishingSchedule(models.Model):
    """The operator's choice of when comparators are published; one row, made with the defaults."""

    WEEKDAYS = [(0, "Monday"), (1, "Tuesday"), (2, "Wednesday"), (3, "Thursday"), (4, "Friday")]

    enabled = models.BooleanField(default=True)
    frequency = models.CharField(
        max_length=10,
        choices=[(Frequency.WEEKLY, "Weekly, for data to the previous Friday"),
                 (Frequency.DAILY, "Every weekday, for data to the weekday before")],
        default=Frequency.WEEKLY,
    )  # fmt: skip
    weekday = models.PositiveSmallIntegerField(choices=WEEKDAYS, default=2, help_text="For weekly publishing")
    at = models.TimeField(default=dt.time(6, 0), help_text="UK time")

    class Meta:
        verbose_name = "publishing schedule"

    def __str__(self) -> str:
        return self.get_frequency_display() if self.enabled else "Publishing is not scheduled"

    @classmethod
    def current(cls) -> PublishingSchedule:
        return cls.objects.get_or_create(pk=1)[0]

    @property
    def rule(self) -> rules.PublishingSchedule:
        return rules.PublishingSchedule(Frequency(self.frequency), self.weekday, self.at)


class ScheduledRun(models.Model):
    """One scheduled publish, recorded before it is queued: the unique day stops two workers (or a worker
    that restarts) from publishing the same run twice."""

    run_on = models.DateField(unique=True)
    data_to = models.DateField()
    job = models.OneToOneField(Job, null=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-run_on"]

    def __str__(self) -> str:
        return f"Publish of {self.run_on:%d/%m/%Y} for data to {self.data_to:%d/%m/%Y}"
