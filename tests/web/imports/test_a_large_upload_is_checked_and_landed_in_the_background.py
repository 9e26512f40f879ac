"""An upload larger than ROLLBOOK_BACKGROUND_IMPORT_MB is checked, and once confirmed landed, by the worker,
while its page shows the job's progress; the result is the same as for a small one."""

from __future__ import annotations

import pytest

from rollbook.web.imports.models import ImportRecord, Upload
from rollbook.web.jobs.models import Job
from rollbook.web.jobs.worker import run_pending
from tests.support.uploads import AMENDMENT, PAGE, lake_data, land_baseline, upload

#: The worker runs outside any transaction and closes stale connections between tasks, as on a server; a test
#: wrapped in one transaction would lose its connection to it (on PostgreSQL), so these commit for real.
pytestmark = pytest.mark.django_db(transaction=True)


def test_the_worker_checks_then_lands_and_the_page_follows_it(world, tmp_path, settings):
    settings.ROLLBOOK_BACKGROUND_IMPORT_MB = 0  # every upload is large
    land_baseline(tmp_path / "baseline")
    before = lake_data(world.lake)
    dora = world.client_for(world.dora)

    address = upload(dora, AMENDMENT)["Location"]

    waiting = dora.get(address).content.decode()
    checking = Job.objects.get()
    assert "Checking your files" in waiting and "Waiting to start" in waiting
    assert f'hx-get="/jobs/{checking.pk}/"' in waiting and "htmx-2.min.js" in waiting
    assert (checking.kind, checking.school, checking.user) == ("import", world.alder, world.dora)
    run_pending()
    checking.refresh_from_db()
    assert (checking.status, checking.result_url) == (Job.DONE, address), checking.error
    preview = dora.get(address).content.decode()
    assert "marks 3 added, 2 changed, 2 removed" in preview
    assert lake_data(world.lake) == before

    assert dora.post(f"{address}confirm/")["Location"] == address
    landing = Job.objects.exclude(pk=checking.pk).get()
    assert "Importing your files" in dora.get(address).content.decode()
    run_pending()

    landing.refresh_from_db()
    assert (landing.status, landing.message, landing.done, landing.total) == (Job.DONE, "Imported", 1, 1)
    record = ImportRecord.objects.get(source="web")
    assert record.outcome == ImportRecord.LANDED
    assert dora.get(address)["Location"] == f"{PAGE}{record.pk}/"
    assert lake_data(world.lake) != before
    assert Upload.objects.get().status == Upload.DONE
