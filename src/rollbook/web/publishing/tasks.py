"""Publishing comparators in the background, for the schedule and for the operator."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from rollbook.analytics.comparators.snapshot import Snapshot
from rollbook.web.jobs.service import running
from rollbook.web.publishing.service import publish_results, publish_snapshot


@task()
def publish_comparators(job_id: int, as_of: str | None = None) -> str:
    """Publish a snapshot to `as_of` (ISO date; default the latest date held); returns its name."""
    with running(job_id) as progress:
        folder = publish_snapshot(
            dt.date.fromisoformat(as_of) if as_of else None,
            progress=lambda done, total: progress.update(done, total, "Measuring every school's periods"),
        )
        progress.update(1, 1, "Working out national KS4 figures")
        years = [path.parent.name for path in publish_results()]
        progress.finish(
            f"Published comparators {folder.name} ({Snapshot.read(folder).manifest.how_measured()})"
            + (f" and KS4 figures for {', '.join(years)}" if years else "")
        )
        return folder.name
