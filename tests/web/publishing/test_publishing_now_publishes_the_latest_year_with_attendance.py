"""Publishing now, with no date given, publishes to the latest day of the latest academic year the lake holds
marks for, whatever the clock says and whatever later year holds pupils alone."""

from __future__ import annotations

import pyarrow as pa

from rollbook.analytics.comparators.snapshot import Snapshot
from rollbook.lake import PUPILS, PartitionKey
from rollbook.web.publishing.service import publish_snapshot
from tests.support.pupils import pupil


def test_a_later_year_of_pupils_alone_is_not_published(world):
    later = PartitionKey("pupils", 2026, world.alder.urn)  # a year with pupils and no marks
    world.lake.replace({later: pa.Table.from_pylist([pupil("A0000000001")], schema=PUPILS)})

    publish_snapshot()

    manifest = Snapshot.latest().manifest  # the web world's marks run Monday 09/09 to Friday 13/09/2024
    assert (manifest.academic_year, manifest.as_of, manifest.schools) == (2024, "2024-09-13", 2)
