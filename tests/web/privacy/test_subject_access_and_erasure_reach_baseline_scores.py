"""A pupil's baseline scores (baseline.csv) are theirs like their KS2 results: the subject access export
holds each and says what they are, and erasing the pupil removes them, keeping other pupils' scores."""

from __future__ import annotations

import csv
import io
import zipfile
from decimal import Decimal

import pyarrow as pa

from rollbook.lake import BASELINES, PartitionKey
from rollbook.web.privacy.service import Operator, erase_pupil, export_pupil
from tests.support.pupil_at_two_schools import PUPIL

OTHER = "A0000000001"
HELD = PartitionKey("baselines", 2024, 100001)


def test_the_export_holds_them_and_erasure_removes_them(pupil_world):
    lake = pupil_world.lake
    rows = [
        (PUPIL, "CAT4 mean SAS", "104"),
        (PUPIL, "Year 7 reading age", "141.5"),
        (OTHER, "CAT4 mean SAS", "96"),
    ]
    held = [{"upn": upn, "baseline": baseline, "score": Decimal(score)} for upn, baseline, score in rows]
    lake.replace({HELD: pa.Table.from_pylist(held, schema=BASELINES)})

    archive, record = export_pupil(PUPIL, Operator("cli:office"))

    files = zipfile.ZipFile(io.BytesIO(archive))
    rows = csv.DictReader(io.StringIO(files.read("baselines.csv").decode(), newline=""))
    exported = [(row["baseline"], row["score"]) for row in rows]
    assert exported == [("CAT4 mean SAS", "104.00"), ("Year 7 reading age", "141.50")]
    assert "baselines.csv" in files.read("README.txt").decode()
    assert record.counts["tables"]["baselines"] == 2

    erased = erase_pupil(PUPIL, "Request ref 10", Operator("cli:office"))

    assert erased.removed["tables"]["baselines"] == 2
    assert [row["upn"] for row in lake.read(HELD).to_pylist()] == [OTHER]
