"""`rollbook worker`: runs queued background work and queues publishing when the schedule says.

Several workers may run at once, on one machine or many: django-tasks hands each task to one of them, and
a scheduled run is recorded under its unique day before it is queued, so it is queued once.
"""

from __future__ import annotations

import datetime as dt
import threading

from django.db import IntegrityError, close_old_connections, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from rollbook.web.jobs.models import Job, PublishingSchedule, ScheduledRun
from rollbook.web.jobs.service import start

#: How often a worker looks at the schedule.
SCHEDULE_CHECK_SECONDS = 60


def _worker(*, batch: bool, interval: float = 1.0) -> Worker:
    return Worker(
        queue_names=["default"],
        excluded_queue_names=[],
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=not batch,
        max_tasks=None,
        worker_id=f"rollbook-{get_random_string(12)}",
    )


def run_pending() -> None:
    """Run every task queued so far, one after another, then return."""
    _worker(batch=True).run()


def queue_due_publishing(now: dt.datetime | None = None) -> Job | None:
    """Queue the latest scheduled publish due by `now` unless it has been queued already; the new job."""
    from rollbook.web.schools.tasks import publish_comparators

    schedule = PublishingSchedule.current()
    if not schedule.enabled:
        return None
    run_on = schedule.rule.latest_run(timezone.localtime(now or timezone.now()))
    if ScheduledRun.objects.filter(run_on=run_on).exists():
        return None
    try:
        with transaction.atomic():
            run = ScheduledRun.objects.create(run_on=run_on, data_to=schedule.rule.data_to(run_on))
            run.job = start(publish_comparators, kind="publish", as_of=run.data_to.isoformat())
            run.save(update_fields=["job"])
    except IntegrityError:  # another worker queued it first
        return None
    return run.job


def serve(interval: float = 1.0) -> None:
    """Run tasks as they are queued until stopped (Ctrl+C or SIGTERM), checking the schedule each minute."""
    stopped = threading.Event()
    threading.Thread(target=_check_schedule, args=(stopped,), name="schedule", daemon=True).start()
    worker = _worker(batch=False, interval=interval)
    worker.configure_signals()
    try:
        worker.run()
    finally:
        stopped.set()


def serve_in_background() -> None:
    """Run a worker in a thread of this process, for the demo. Not the schedule: the demo's synthetic
    registers end on a fixed day, and a publish to last Friday would find none of them."""
    threading.Thread(target=_worker(batch=False).run, name="worker", daemon=True).start()


def _check_schedule(stopped: threading.Event) -> None:
    while True:
        queue_due_publishing()
        close_old_connections()
        if stopped.wait(SCHEDULE_CHECK_SECONDS):
            return
