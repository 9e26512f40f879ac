"""An import cannot be undone while later data sits on what it changed: a later import (named in the
refusal, to be undone first) or a write recorded nowhere else, such as a sync's. Refused, nothing changes."""

from __future__ import annotations

from rollbook.lake import PartitionKey
from rollbook.web.imports.models import ImportRecord
from tests.support.uploads import AMENDMENT, P1, PAGE, URN, confirm, lake_data, land_baseline, marks_csv

LATER = {"marks.csv": marks_csv((P1, "2024-09-16", "PM", "L"))}


def test_the_later_import_is_named_and_must_be_undone_first(world, tmp_path):
    land_baseline(tmp_path / "baseline")
    before = lake_data(world.lake)
    dora = world.client_for(world.dora)
    confirm(dora, AMENDMENT)
    confirm(dora, LATER)
    first, later = ImportRecord.objects.filter(source="web").order_by("finished")
    after_both = lake_data(world.lake)

    refused = dora.post(f"{PAGE}{first.pk}/undo/", follow=True).content.decode()

    assert f"Later imports changed the same data (import {later.pk} of " in refused
    assert "undoing this one would lose what they brought. Undo them first, newest first." in refused
    assert lake_data(world.lake) == after_both
    assert "This import cannot be undone." in dora.get(f"{PAGE}{first.pk}/undo/").content.decode()
    dora.post(f"{PAGE}{later.pk}/undo/")
    dora.post(f"{PAGE}{first.pk}/undo/")
    assert lake_data(world.lake) == before


def test_a_write_recorded_nowhere_else_stops_the_undo(world, tmp_path):
    land_baseline(tmp_path / "baseline")
    dora = world.client_for(world.dora)
    confirm(dora, AMENDMENT)
    landed = ImportRecord.objects.get(source="web")
    marks = PartitionKey("marks", 2024, URN)
    world.lake.replace({marks: world.lake.read(marks).slice(1)})  # as a sync might, with no record here
    after_it = lake_data(world.lake)

    refused = dora.post(f"{PAGE}{landed.pk}/undo/", follow=True).content.decode()

    assert "The school&#x27;s data has been changed since this import" in refused
    assert lake_data(world.lake) == after_it
    landed.refresh_from_db()
    assert landed.outcome == ImportRecord.LANDED
