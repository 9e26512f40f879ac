"""Publishing comparators for every registered school, with each school's own term dates, now or when the
operator's schedule says."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils import timezone

from rollbook import config
from rollbook.analytics.comparators.publish import SchoolFacts, publish
from rollbook.analytics.results import national
from rollbook.lake import Lake
from rollbook.rules.calendar import academic_year_label, academic_year_of
from rollbook.web.jobs.models import Job
from rollbook.web.jobs.service import start
from rollbook.web.publishing.models import PublishingSchedule, ScheduledRun
from rollbook.web.schools.models import School


def latest_data_date(lake: Lake) -> dt.date | None:
    """The latest date any school's marks run to, in the latest academic year that holds marks (pupils
    alone, as pupils.csv brings them, are no attendance to publish); never a date from the clock. From the
    files' statistics: no mark is read."""
    years = sorted({key.academic_year for key in lake.partitions("marks")})
    return lake.latest("marks", "date", [years[-1]]) if years else None


def publish_snapshot(
    as_of: dt.date | None = None, progress: Callable[[int, int], None] | None = None, *, full: bool = False
) -> Path:
    """Publish a snapshot to `as_of` (default: the latest date held), measuring only the schools changed
    since the year's latest snapshot unless `full`; LookupError when there is nothing."""
    lake = Lake.configured()
    as_of = as_of or latest_data_date(lake)
    if as_of is None:
        raise LookupError("the lake holds no attendance yet; import some schools before publishing")
    year = academic_year_of(as_of)
    if year not in lake.academic_years():
        raise LookupError(
            f"the lake holds no attendance for {academic_year_label(year)}, the year of {as_of:%d/%m/%Y}"
        )
    schools = [
        SchoolFacts(school.urn, school.la_code, school.local_authority, school.region, school.calendar(year))
        for school in School.objects.prefetch_related("half_terms")
    ]
    return publish(lake, config.snapshots_root(), schools, year, as_of, progress=progress, full=full)


def publish_results() -> list[Path]:
    """Publish the national KS4 figures of every year the lake holds results for; the files written."""
    return national.publish(Lake.configured(), config.ks4_national_root())


def queue_due_publishing(now: dt.datetime | None = None) -> Job | None:
    """Queue the latest scheduled publish due by `now` unless it has been queued already; the new job."""
    from rollbook.web.publishing.tasks import publish_comparators  # the task module imports this one

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
