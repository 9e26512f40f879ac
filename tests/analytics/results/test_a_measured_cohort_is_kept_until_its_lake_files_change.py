"""A school's measured cohort is kept in the process (a page's reports and trend ask for it again and again)
and measured afresh once its lake files change."""

from __future__ import annotations

import pyarrow as pa

from rollbook.analytics.results.school import measured
from rollbook.lake import RESULTS, PartitionKey
from tests.support.ks4 import ALDER, YEAR, write_ks4_nation


def test_kept_then_measured_afresh(lake):
    write_ks4_nation(lake)
    first = measured(lake, ALDER, YEAR, None)
    assert measured(lake, ALDER, YEAR, None) is first
    # A2's results replaced by a single grade 9 in maths: A8 18 (maths counts twice).
    key = PartitionKey("results", YEAR, ALDER)
    rows = [row for row in lake.read(key).to_pylist() if row["upn"] != "A2000000000002"]
    rows.append({"upn": "A2000000000002", "subject": "maths", "qualification": "gcse", "grade": "9",
                 "exam_series": None, "board": None, "discount_code": None})  # fmt: skip
    lake.replace({key: pa.Table.from_pylist(rows, RESULTS)})
    again = measured(lake, ALDER, YEAR, None)
    assert again is not first
    assert {p.upn: p.measures.attainment8.total for p in again.pupils} == {
        "A1000000000001": 54, "A2000000000002": 18}  # fmt: skip
