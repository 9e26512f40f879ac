"""`rollbook worker` queues the publish the schedule has made due, once, and runs it to the Friday before."""

import datetime as dt

import pytest
from django.utils import timezone

from rollbook import config
from rollbook.analytics.comparators.snapshot import Snapshot
from rollbook.web.jobs.models import Job
from rollbook.web.jobs.worker import run_pending
from rollbook.web.publishing.models import PublishingSchedule, ScheduledRun
from rollbook.web.publishing.service import queue_due_publishing

#: The worker runs outside any transaction and closes stale connections between tasks, as on a server; a test
#: wrapped in one transaction would lose its connection to it (on PostgreSQL), so these commit for real.
pytestmark = pytest.mark.django_db(transaction=True)

# The base world's registers are for the week of Monday 09/09/2024.
WEDNESDAY_AFTER = timezone.make_aware(dt.datetime(2024, 9, 18, 7, 0))
FRIDAY = dt.date(2024, 9, 13)


def test_the_due_publish_is_queued_once_and_the_worker_publishes_to_the_friday_before(world):
    job = queue_due_publishing(WEDNESDAY_AFTER)
    assert job is not None and job.status == Job.QUEUED
    assert queue_due_publishing(WEDNESDAY_AFTER + dt.timedelta(hours=3)) is None  # the same run

    run_pending()

    job.refresh_from_db()
    assert job.status == Job.DONE, job.error
    snapshot = Snapshot.latest(config.snapshots_root())
    assert snapshot is not None
    assert snapshot.manifest.as_of == FRIDAY.isoformat()
    assert job.message == f"Published comparators {snapshot.path.name} (2 of 2 schools re-read)"
    assert job.done == job.total and job.total > 0
    run = ScheduledRun.objects.get()
    assert (run.run_on, run.data_to, run.job) == (dt.date(2024, 9, 18), FRIDAY, job)


def test_a_disabled_schedule_queues_nothing(world):
    PublishingSchedule.objects.create(pk=1, enabled=False)
    assert queue_due_publishing(WEDNESDAY_AFTER) is None
    assert not Job.objects.exists()


def test_a_publish_with_no_data_for_its_year_fails_with_the_reason(world):
    job = queue_due_publishing(timezone.make_aware(dt.datetime(2026, 11, 25, 7, 0)))
    run_pending()
    job.refresh_from_db()
    assert job.status == Job.FAILED
    assert job.error == "the lake holds no attendance for 2026/27, the year of 20/11/2026"
    assert Snapshot.latest(config.snapshots_root()) is None
