"""Undoing an import puts the school's partitions back byte for byte as they were before it; the undo is
itself in the history and the audit log, and the import is shown as undone."""

from __future__ import annotations

from rollbook.web.audit.models import AccessRecord, Kind
from rollbook.web.imports.models import ImportRecord
from tests.support.uploads import AMENDMENT, PAGE, URN, confirm, lake_data, land_baseline


def test_undo_restores_the_partitions_and_is_recorded(world, tmp_path):
    land_baseline(tmp_path / "baseline")
    before = lake_data(world.lake)
    dora = world.client_for(world.dora)
    confirm(dora, AMENDMENT)
    landed = ImportRecord.objects.get(source="web")
    assert lake_data(world.lake) != before
    asking = dora.get(f"{PAGE}{landed.pk}/undo/").content.decode()
    assert "Undoing it puts the pupils, session marks, results and prior attainment it changed back" in asking

    response = dora.post(f"{PAGE}{landed.pk}/undo/")

    assert lake_data(world.lake) == before
    landed.refresh_from_db()
    undo = ImportRecord.objects.get(source=ImportRecord.Source.UNDO)
    assert response["Location"] == f"{PAGE}{undo.pk}/"
    assert (landed.outcome, landed.version) == (ImportRecord.UNDONE, "")
    assert (undo.undoes, undo.user, undo.outcome) == (landed, world.dora, ImportRecord.LANDED)
    assert "put back as they were before it" in undo.summary
    assert "session marks for 2024/25, pupils for 2024/25 put back" in undo.summary
    audited = AccessRecord.objects.filter(kind=Kind.IMPORT).order_by("at").last()
    assert (audited.what, audited.user, audited.school) == (
        f"Undid import {landed.pk} of pupils.csv, marks.csv", world.dora, world.alder,
    )  # fmt: skip
    assert len(world.lake.versions(URN)) == 1  # the baseline's; the undone import's is used up
    page = dora.get(f"{PAGE}{landed.pk}/").content.decode()
    assert f'href="{PAGE}{undo.pk}/"' in page and "Undo this import" not in page
    again = dora.post(f"{PAGE}{landed.pk}/undo/", follow=True).content.decode()
    assert "This import has been undone already." in again
    assert lake_data(world.lake) == before
