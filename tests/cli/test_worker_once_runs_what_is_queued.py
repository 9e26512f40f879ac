"""`rollbook worker --once` runs the work queued so far, then stops: here a publish queued from the page."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from rollbook.analytics.comparators.snapshot import Snapshot
from rollbook.cli import app
from rollbook.web.imports.service import run_import
from rollbook.web.jobs.models import Job
from rollbook.web.jobs.service import start
from rollbook.web.publishing.models import PublishingSchedule
from rollbook.web.publishing.tasks import publish_comparators

#: Slow: it imports two synthetic schools and publishes them.
pytestmark = pytest.mark.slow


def test_a_queued_publish_is_run_and_finished(transactional_db, school_files, data_dir):
    # The worker runs outside any transaction, as on a server.
    run_import([school_files], actor="test")
    PublishingSchedule.objects.create(pk=1, enabled=False)  # only the queued work, not today's schedule
    job = start(publish_comparators, kind="publish", as_of="2024-09-13")

    result = CliRunner().invoke(app, ["worker", "--once"])

    assert result.exit_code == 0, result.output
    job.refresh_from_db()
    assert job.status == Job.DONE, job.error
    assert Snapshot.latest(data_dir / "snapshots").manifest.as_of == "2024-09-13"
