"""Cancelling a previewed upload imports nothing and discards the files kept for it."""

from __future__ import annotations

from rollbook.web.imports.models import ImportRecord, Upload
from tests.support.uploads import AMENDMENT, PAGE, URN, lake_data, land_baseline, upload


def test_cancel_discards_the_upload_and_its_files(world, tmp_path):
    land_baseline(tmp_path / "baseline")
    before = (lake_data(world.lake), world.lake.versions(URN))
    dora = world.client_for(world.dora)
    upload(dora, AMENDMENT)
    kept = Upload.objects.get()
    assert kept.folder.is_dir()

    response = dora.post(f"{PAGE}uploads/{kept.pk}/cancel/", follow=True)

    assert (
        "The upload was cancelled and its files discarded; nothing was imported." in response.content.decode()
    )
    assert not Upload.objects.exists()
    assert not kept.folder.exists()
    assert (lake_data(world.lake), world.lake.versions(URN)) == before
    assert ImportRecord.objects.filter(source="web").count() == 0
    assert dora.post(f"{PAGE}uploads/{kept.pk}/confirm/").status_code == 404
