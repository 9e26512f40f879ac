"""A pupil's KS4 results and KS2 prior attainment are theirs like their marks: the subject access export
holds them, and erasing the pupil removes them, leaving other pupils' results as they were."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from decimal import Decimal

import pyarrow as pa

from rollbook.lake import PRIOR_ATTAINMENT, RESULTS, PartitionKey
from rollbook.web.privacy.service import Operator, erase_pupil, export_pupil
from tests.support.pupil_at_two_schools import PUPIL

OTHER = "A0000000001"
RESULT = {"subject": "maths", "qualification": "gcse", "grade": "6", "exam_series": dt.date(2025, 6, 1),
          "board": "AQA", "discount_code": None}  # fmt: skip
PRIOR = {"baseline": "KS2 scaled scores", "ks2_reading": Decimal(104), "ks2_maths": Decimal(108)}
ALDER_RESULTS = PartitionKey("results", 2024, 100001)
ALDER_PRIOR = PartitionKey("prior_attainment", 2024, 100001)


def test_the_export_holds_them_and_erasure_removes_them(pupil_world):
    lake = pupil_world.lake
    results = [{"upn": each, **RESULT} for each in (PUPIL, OTHER)]
    lake.replace(
        {
            ALDER_RESULTS: pa.Table.from_pylist(results, schema=RESULTS),
            ALDER_PRIOR: pa.Table.from_pylist([{"upn": PUPIL, **PRIOR}], schema=PRIOR_ATTAINMENT),
        }
    )

    archive, record = export_pupil(PUPIL, Operator("cli:office"))

    files = zipfile.ZipFile(io.BytesIO(archive))
    (result,) = csv.DictReader(io.StringIO(files.read("results.csv").decode(), newline=""))
    assert (result["upn"], result["subject"], result["grade"], result["exam_series"]) == (
        PUPIL,
        "maths",
        "6",
        "01/06/2025",
    )
    (prior,) = csv.DictReader(io.StringIO(files.read("prior_attainment.csv").decode(), newline=""))
    assert (prior["ks2_reading"], prior["ks2_maths"]) == ("104.00", "108.00")
    assert (record.counts["tables"]["results"], record.counts["tables"]["prior_attainment"]) == (1, 1)

    erased = erase_pupil(PUPIL, "Request ref 9", Operator("cli:office"))

    assert (erased.removed["tables"]["results"], erased.removed["tables"]["prior_attainment"]) == (1, 1)
    assert [row["upn"] for row in lake.read(ALDER_RESULTS).to_pylist()] == [OTHER]
    assert lake.read(ALDER_PRIOR) is None
