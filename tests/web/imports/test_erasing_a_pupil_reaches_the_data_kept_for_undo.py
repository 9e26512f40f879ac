"""GDPR erasure of a pupil removes them from what the lake keeps for undoing imports too; the import can
still be undone, to the data before it without that pupil."""

from __future__ import annotations

import pyarrow.parquet as pq

from rollbook.lake import PartitionKey
from rollbook.web.imports.models import ImportRecord
from rollbook.web.privacy.service import Operator, erase_pupil
from tests.support.uploads import AMENDMENT, P1, P2, PAGE, URN, confirm, land_baseline


def test_an_erased_pupil_is_in_no_file_and_the_import_still_undoes(world, tmp_path):
    land_baseline(tmp_path / "baseline")
    dora = world.client_for(world.dora)
    confirm(dora, AMENDMENT)

    erase_pupil(P1, "a parent's request", Operator.cli())

    files = list(world.lake.root.rglob("*.parquet"))
    assert any("_versions" in path.parts for path in files)
    assert not any(P1 in pq.read_table(path)["upn"].to_pylist() for path in files)
    dora.post(f"{PAGE}{ImportRecord.objects.get(source='web').pk}/undo/")
    upns = world.lake.read(PartitionKey("pupils", 2024, URN))["upn"].to_pylist()
    assert sorted(upns) == sorted(["A0000000001", "B0000000002", P2])
