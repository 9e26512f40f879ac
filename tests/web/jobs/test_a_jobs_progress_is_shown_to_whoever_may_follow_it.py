"""A job's status fragment: its progress while running and its outcome after, for whoever started it, the
school's data managers, and the operator for work of no school; nobody else learns it exists."""

from django.urls import reverse

from rollbook.web.jobs.models import Job


def test_a_running_job_shows_how_far_it_has_got_and_keeps_polling(world):
    job = Job.objects.create(
        kind="import", school=world.alder, user=world.pam, status=Job.RUNNING, done=3, total=12,
        message="Checking marks",
    )  # fmt: skip
    page = world.client_for(world.pam).get(reverse("job-status", args=[job.pk])).content.decode()
    assert "Running</strong>: Checking marks" in page
    assert '<progress max="100" value="25">25%</progress> 3 of 12' in page
    assert 'hx-trigger="every 2s"' in page


def test_a_finished_job_shows_its_outcome_and_stops_polling(world):
    job = Job.objects.create(
        kind="import", school=world.alder, user=world.pam, status=Job.FAILED,
        error="marks.csv line 4: bad code", result_url="/schools/100001/imports/",
    )  # fmt: skip
    page = world.client_for(world.dora).get(reverse("job-status", args=[job.pk])).content.decode()
    assert "Failed" in page and "marks.csv line 4: bad code" in page
    assert 'href="/schools/100001/imports/"' in page
    assert "hx-trigger" not in page and "<progress" not in page


def test_others_get_not_found(world):
    job = Job.objects.create(kind="import", school=world.alder, user=world.pam)
    for user in (world.alice, world.bob, world.trudy, world.carol, world.operator):
        assert world.client_for(user).get(reverse("job-status", args=[job.pk])).status_code == 404, user


def test_the_operator_follows_publishing(world):
    job = Job.objects.create(kind="publish")
    assert world.client_for(world.operator).get(reverse("job-status", args=[job.pk])).status_code == 200
    assert world.client_for(world.dora).get(reverse("job-status", args=[job.pk])).status_code == 404
