"""A hand-worked nation for Rollbook value added: 2024/25 (no KS2, so no Progress 8), 63 Year 11 pupils at
two schools, each with maths alone, so a pupil's A8 is twice their maths grade (U: 0). The expected figures
are worked out in the tests from these.

CAT4 mean SAS (61 pupils nationally, enough for estimates):
- Band 70 (scores 70-74.9): Alder's A5, score 71, maths 4 (A8 8). One pupil: it joins band 90 inwards.
- Band 90 (90-94.9), score 92: Birch's 28 pupils with maths 4 (A8 8); Alder's A1 maths 8 (A8 16) and A2
  maths U (A8 0). With A5, the band named 70 holds 31 pupils with mean A8 (28 x 8 + 16 + 0 + 8) / 31 = 8.
- Band 100 (100-104.9), score 104: Birch's 27 pupils with maths 5 (A8 10) and one with maths 1 (A8 2);
  Alder's A3 and A4 maths 7 (A8 14). 30 pupils, mean A8 (270 + 2 + 28) / 30 = 10.

Year 7 reading age: only Alder's A6 (score 141, maths 5): too few for estimates. Alder's A7 has no
baseline score (maths 5).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pyarrow as pa

from rollbook.lake import BASELINES, PUPILS, RESULTS, Lake, PartitionKey

YEAR = 2024
ALDER, BIRCH = 100001, 100002
CAT4, READING = "CAT4 mean SAS", "Year 7 reading age"

#: Alder's pupils: maths grade, and their baseline scores.
ALDER_PUPILS = {
    "A1": ("8", {CAT4: 92}),
    "A2": ("U", {CAT4: 92}),
    "A3": ("7", {CAT4: 104}),
    "A4": ("7", {CAT4: 104}),
    "A5": ("4", {CAT4: 71}),
    "A6": ("5", {READING: 141}),
    "A7": ("5", {}),
}
BIRCH_PUPILS = {
    **{f"B{n}": ("4", {CAT4: 92}) for n in range(28)},
    **{f"C{n}": ("5", {CAT4: 104}) for n in range(27)},
    "D0": ("1", {CAT4: 104}),
}


def upn(name: str) -> str:
    """A 13-character UPN from a short name: A1 is A000000000001."""
    return f"{name[0]}{int(name[1:]):012d}"


def _pupil(name: str) -> dict[str, object]:
    return {
        "upn": upn(name), "forename": "Sam", "surname": name, "dob": dt.date(2009, 1, 1), "sex": "F",
        "nc_year": 11, "reg_group": "11A", "fsm6": False, "sen": "N", "eal": False, "ethnicity": "WBRI",
        "admission_date": dt.date(2020, 9, 1), "leaving_date": None,
    }  # fmt: skip


def write_baseline_nation(lake: Lake) -> None:
    """Alder's and Birch's 2024/25 cohorts, their maths results and their baseline scores, into the lake."""
    for school, held in ((ALDER, ALDER_PUPILS), (BIRCH, BIRCH_PUPILS)):
        results = [{"upn": upn(name), "subject": "maths", "qualification": "gcse", "grade": grade,
                    "exam_series": None, "board": None, "discount_code": None}
                   for name, (grade, _) in held.items()]  # fmt: skip
        scores = [{"upn": upn(name), "baseline": baseline, "score": Decimal(score)}
                  for name, (_, held_scores) in held.items()
                  for baseline, score in held_scores.items()]  # fmt: skip
        lake.replace(
            {
                PartitionKey("pupils", YEAR, school): pa.Table.from_pylist([_pupil(n) for n in held], PUPILS),
                PartitionKey("results", YEAR, school): pa.Table.from_pylist(results, RESULTS),
                PartitionKey("baselines", YEAR, school): pa.Table.from_pylist(scores, BASELINES),
            }
        )
