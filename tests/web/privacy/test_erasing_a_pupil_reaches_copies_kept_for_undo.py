"""A pupil a later import took off Birch's roll is still in the copy kept to undo that import: erasing the
pupil removes that copy's rows too, though Birch's current data no longer holds them."""

from __future__ import annotations

import pyarrow.compute as pc
import pyarrow.parquet as pq

from rollbook.lake import PartitionKey, new_version_id
from rollbook.web.privacy.service import Operator, erase_pupil
from tests.support.pupil_at_two_schools import PUPIL
from tests.support.registers import YEAR


def test_the_copy_kept_for_undo_loses_the_pupil(pupil_world):
    lake = pupil_world.lake
    birch = {table: PartitionKey(table, YEAR, pupil_world.birch.urn) for table in ("pupils", "marks")}
    lake.replace(
        {key: lake.read(key).filter(pc.field("upn") != PUPIL) for key in birch.values()},
        keep=new_version_id(),
    )
    assert lake.schools_keeping(PUPIL) == [pupil_world.birch.urn]

    erase_pupil(PUPIL, "Request ref 43", Operator("operator", pupil_world.operator))

    everywhere = {
        upn for path in lake.root.rglob("*.parquet") for upn in pq.read_table(path)["upn"].to_pylist()
    }
    assert PUPIL not in everywhere
    assert everywhere  # the other pupils are all still there
