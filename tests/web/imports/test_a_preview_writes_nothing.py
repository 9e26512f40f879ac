"""Checking uploaded files and showing what they would change writes nothing: the lake, the history and
the audit log are as they were, however often the preview is opened."""

from __future__ import annotations

from rollbook.web.audit.models import AccessRecord, Kind
from rollbook.web.imports.models import ImportRecord, Upload
from tests.support.uploads import AMENDMENT, URN, lake_data, land_baseline, upload


def test_the_preview_leaves_the_lake_the_history_and_the_audit_log_alone(world, tmp_path):
    land_baseline(tmp_path / "baseline")
    before = (lake_data(world.lake), world.lake.versions(URN), ImportRecord.objects.count())
    dora = world.client_for(world.dora)

    address = upload(dora, AMENDMENT)["Location"]
    for _ in range(2):
        assert "Confirm the import" in dora.get(address).content.decode()

    assert (lake_data(world.lake), world.lake.versions(URN), ImportRecord.objects.count()) == before
    assert not AccessRecord.objects.filter(kind=Kind.IMPORT).exists()
    assert Upload.objects.get().status == Upload.READY
