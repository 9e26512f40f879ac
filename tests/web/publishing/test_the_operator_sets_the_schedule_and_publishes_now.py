"""The operator's publishing page: change the schedule, publish now in the background and watch it finish.
Nobody else finds the page."""

import datetime as dt

import pytest

from rollbook.web.jobs.models import Job
from rollbook.web.jobs.worker import run_pending
from rollbook.web.publishing.models import PublishingSchedule

#: The worker runs outside any transaction and closes stale connections between tasks, as on a server; a test
#: wrapped in one transaction would lose its connection to it (on PostgreSQL), so these commit for real.
pytestmark = pytest.mark.django_db(transaction=True)


def test_the_operator_changes_the_schedule_to_daily(world):
    client = world.client_for(world.operator)
    assert 'href="/operator/publishing/"' in client.get("/").content.decode()
    page = client.get("/operator/publishing/").content.decode()
    assert "Nothing has been published yet" in page
    assert "Next: Wednesday" in page
    response = client.post(
        "/operator/publishing/", {"enabled": "on", "frequency": "daily", "weekday": "2", "at": "07:30"}
    )
    assert response.status_code == 302
    schedule = PublishingSchedule.current()
    assert (schedule.frequency, schedule.at) == ("daily", dt.time(7, 30))


def test_publish_now_runs_in_the_background_and_the_page_shows_the_outcome(world):
    client = world.client_for(world.operator)
    assert client.post("/operator/publishing/now/", {"as_of": "13/09/2024"}).status_code == 302
    job = Job.objects.get()
    assert (job.kind, job.user, job.status) == ("publish", world.operator, Job.QUEUED)
    run_pending()
    page = client.get("/operator/publishing/").content.decode()
    assert "for data to 13/09/2024 (2 schools)" in page
    assert "Finished</strong>: Published comparators" in page


def test_a_bad_date_is_refused_and_nothing_is_queued(world):
    response = world.client_for(world.operator).post("/operator/publishing/now/", {"as_of": "31/02/2024"})
    assert response.status_code == 400
    assert "Enter a valid date" in response.content.decode()
    assert not Job.objects.exists()


def test_only_the_operator_finds_the_page(world):
    for user in (world.dora, world.alice, world.trudy, world.lara):
        client = world.client_for(user)
        assert client.get("/operator/publishing/").status_code == 404
        assert client.post("/operator/publishing/now/").status_code == 404
        assert "/operator/publishing/" not in client.get("/", follow=True).content.decode()
    assert not Job.objects.exists()
