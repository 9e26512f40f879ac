"""`rollbook worker`: runs queued background work, and each minute whatever checks the caller gives it (the
publishing schedule), so the worker itself knows nothing of what the work is.

Several workers may run at once, on one machine or many: django-tasks hands each task to one of them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.db import close_old_connections
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

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


def serve(check: Callable[[], object] | None = None, interval: float = 1.0) -> None:
    """Run tasks as they are queued until stopped (Ctrl+C or SIGTERM), calling `check` each minute."""
    stopped = threading.Event()
    if check is not None:
        threading.Thread(target=_every_minute, args=(check, stopped), name="schedule", daemon=True).start()
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


def _every_minute(check: Callable[[], object], stopped: threading.Event) -> None:
    while True:
        check()
        close_old_connections()
        if stopped.wait(SCHEDULE_CHECK_SECONDS):
            return
