"""Background work that fails leaves nothing imported and says why; the upload can then be discarded, but
not while the work is still to run."""

from __future__ import annotations

import pytest

from rollbook.web.imports import service
from rollbook.web.imports.models import Upload
from rollbook.web.jobs.models import Job
from rollbook.web.jobs.worker import run_pending
from tests.support.uploads import AMENDMENT, lake_data, land_baseline, upload

#: The worker runs outside any transaction and closes stale connections between tasks, as on a server; a test
#: wrapped in one transaction would lose its connection to it (on PostgreSQL), so these commit for real.
pytestmark = pytest.mark.django_db(transaction=True)


def test_a_failed_check_is_shown_and_its_files_can_be_discarded(world, tmp_path, settings, monkeypatch):
    settings.ROLLBOOK_BACKGROUND_IMPORT_MB = 0
    land_baseline(tmp_path / "baseline")
    before = lake_data(world.lake)
    dora = world.client_for(world.dora)
    address = upload(dora, AMENDMENT)["Location"]
    kept = Upload.objects.get()
    assert dora.post(f"{address}cancel/")["Location"] == address  # still to run: not discarded
    assert kept.folder.exists()

    def disk_trouble(*args, **kwargs):
        raise OSError("the disk is full")

    monkeypatch.setattr(service, "check", disk_trouble)
    run_pending()

    assert Job.objects.get().status == Job.FAILED
    page = dora.get(address).content.decode()
    assert "the disk is full" in page and "Discard the files" in page
    dora.post(f"{address}cancel/")
    assert not Upload.objects.exists() and not kept.folder.exists()
    assert lake_data(world.lake) == before
