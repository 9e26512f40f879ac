"""Issue 5's end to end: the example connector sends a synthetic school's fortnight day by day; the scheduled
publish runs in the worker; then the connector re-sends a day amended (each N, no reason yet, now I,
illness) and the next publish runs. The school's summary and its national comparator then hold exactly the
amended registers: hand-tallied here from the connector's own marks, code by code, with the DfE's
categories. N is unauthorised absence and I authorised, so the amendment moves exactly its N marks from one
to the other and changes nothing else."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from rollbook.rules.attendance.codes import CATEGORY_OF, NOT_POSSIBLE
from rollbook.rules.years import SESSION_MEASURE_YEARS
from rollbook.web.jobs.models import Job
from rollbook.web.jobs.service import start
from rollbook.web.jobs.worker import run_pending
from rollbook.web.publishing.service import queue_due_publishing
from rollbook.web.publishing.tasks import publish_comparators
from rollbook.web.schools.models import School
from tests.support.connector import load_connector, registered_with_token
from tests.support.reports import attendance_report

#: Slow: it imports a synthetic fortnight and publishes twice.
pytestmark = pytest.mark.slow

#: The fixture's fortnight ends on Friday 13/09/2024; the schedule's Wednesday after publishes to it.
WEDNESDAY_AFTER = timezone.make_aware(dt.datetime(2024, 9, 18, 7, 0))
FRIDAY = "2024-09-13"


def tally(pupils: list[dict], marks: list[dict]) -> dict[str, int]:
    """Sessions per category, by hand: pupils of Reception to Year 11 only, as the DfE measures."""
    measured = {pupil["upn"] for pupil in pupils if pupil["nc_year"] in SESSION_MEASURE_YEARS}
    counts = dict.fromkeys(("present", "aea", "authorised", "unauthorised"), 0)
    for mark in marks:
        category = CATEGORY_OF[mark["code"]]
        if mark["upn"] in measured and category != NOT_POSSIBLE:
            counts[str(category)] += 1
    return counts


def figures(measures: dict) -> dict[str, int]:
    return {
        "present": measures["present_sessions"],
        "aea": measures["aea_sessions"],
        "authorised": measures["authorised_absence_sessions"],
        "unauthorised": measures["unauthorised_absence_sessions"],
    }


def summary(school: School) -> tuple[dict, dict]:
    data = attendance_report("summary", school.urn, calendar=school.calendar).data
    (national,) = [row for row in data["comparison"]["comparators"] if row["kind"] == "national"]
    return data["measures"], national["measures"]


def published_job() -> Job:
    run_pending()
    job = Job.objects.order_by("-created").first()
    assert job.status == Job.DONE, job.error
    return job


@pytest.mark.django_db(transaction=True)
def test_the_next_publish_reports_exactly_the_amended_registers(live_server, school_files, monkeypatch):
    monkeypatch.setenv("ROLLBOOK_MIN_COMPARATOR_SCHOOLS", "1")  # the synced school is the nation here
    folder = school_files / "900001"
    school, token = registered_with_token(folder)
    connector = load_connector()
    mis = connector.School(folder)
    server = connector.Server(live_server.url, token, school.urn)
    days = mis.school_days()[: connector.DAYS]
    amended_day = days[-connector.AMENDMENT_WINDOW]

    for day in days:
        status, answer = server.send(mis.day(day))
        assert status == 200, answer
    assert queue_due_publishing(WEDNESDAY_AFTER) is not None
    published_job()
    sent = [mark for day in days for mark in mis.marks[day]]
    before = tally(mis.pupils, sent)
    assert figures(summary(school)[0]) == before
    assert figures(summary(school)[1]) == before

    amended = connector.amended(mis.marks[amended_day])
    status, answer = server.send(mis.day(amended_day, amended))
    assert status == 200, answer
    start(publish_comparators, kind="publish", as_of=FRIDAY)  # the next publish
    published_job()

    after = tally(
        mis.pupils, [mark for day in days if day != amended_day for mark in mis.marks[day]] + amended
    )
    explained = before["unauthorised"] - after["unauthorised"]
    assert explained > 0 and after["authorised"] == before["authorised"] + explained
    school_figures, national_figures = summary(school)
    assert figures(school_figures) == after
    assert figures(national_figures) == after
    possible = sum(after.values())
    assert national_figures["authorised_absence_rate"] == pytest.approx(100 * after["authorised"] / possible)
