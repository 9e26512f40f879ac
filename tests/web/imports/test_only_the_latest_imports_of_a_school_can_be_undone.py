"""The lake keeps what the latest ROLLBOOK_UNDO_VERSIONS imports of each school replaced, and no more: an
older import says why it can no longer be undone."""

from __future__ import annotations

from rollbook.web.imports.models import ImportRecord
from tests.support.uploads import AMENDMENT, P1, PAGE, URN, confirm, land_baseline, marks_csv


def test_the_oldest_import_can_no_longer_be_undone(world, tmp_path, settings):
    settings.ROLLBOOK_UNDO_VERSIONS = 2
    land_baseline(tmp_path / "baseline")
    dora = world.client_for(world.dora)
    confirm(dora, AMENDMENT)
    confirm(dora, {"marks.csv": marks_csv((P1, "2024-09-16", "PM", "L"))})
    baseline, first, second = ImportRecord.objects.order_by("finished")

    assert [version.id for version in world.lake.versions(URN)] == [first.version, second.version]
    assert baseline.version == ""
    page = dora.get(f"{PAGE}{baseline.pk}/").content.decode()
    assert "Cannot be undone: The data from before this import is no longer kept" in page
    assert "keeps it for each school&#x27;s 2 latest imports" in page
    assert "Undo this import" in dora.get(f"{PAGE}{second.pk}/").content.decode()
