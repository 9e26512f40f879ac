"""A hand-worked KS4 nation in the lake: two schools' 2018/19 Year 11 pupils with their results, KS2 fine
levels and (for one pupil) a week of registers. The expected figures are worked out in the tests.

- A1 (Alder): maths 5, English language 6 and literature 4, combined science 5-5, history 6, French 4,
  art 7, music 3, drama 5. A8 = maths 5x2 + English 6x2 + EBacc 6+5+5 + open 7+5+4 = 54. KS2 4.5 / 4.3.
  Absent 2 of 10 sessions: persistently absent.
- A2 (Alder): maths 3, English language 4 only, art 2. A8 = 3x2 + 4 (a single English is not doubled)
  + 0 + 2 = 12. KS2 3.0 / 3.2. No registers held.
- B1 (Birch): maths 7, English language 7 and literature 8, biology 7, chemistry 6, physics 6,
  geography 8, Spanish 7, computer science 5. A8 = 14 + 16 + (8+7+7) + (7+6+6) = 71. KS2 4.5 / 4.3.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pyarrow as pa

from rollbook.lake import MARKS, PRIOR_ATTAINMENT, PUPILS, RESULTS, Lake, PartitionKey

YEAR = 2018
ALDER, BIRCH = 100001, 100002

RESULTS_HELD = {
    "A1000000000001": [("maths", "gcse", "5"), ("english_language", "gcse", "6"),
                       ("english_literature", "gcse", "4"), ("combined_science", "gcse_double_award", "5-5"),
                       ("history", "gcse", "6"), ("french", "gcse", "4"), ("art_and_design", "gcse", "7"),
                       ("music", "gcse", "3"), ("drama", "gcse", "5")],
    "A2000000000002": [("maths", "gcse", "3"), ("english_language", "gcse", "4"),
                       ("art_and_design", "gcse", "2")],
    "B1000000000003": [("maths", "gcse", "7"), ("english_language", "gcse", "7"),
                       ("english_literature", "gcse", "8"), ("biology", "gcse", "7"),
                       ("chemistry", "gcse", "6"), ("physics", "gcse", "6"), ("geography", "gcse", "8"),
                       ("spanish", "gcse", "7"), ("computer_science", "gcse", "5")],
}  # fmt: skip
PRIOR = {"A1000000000001": ("4.5", "4.3"), "A2000000000002": ("3.0", "3.2"), "B1000000000003": ("4.5", "4.3")}
SEX = {"A1000000000001": "F", "A2000000000002": "M", "B1000000000003": "F"}


def ks4_pupil(upn: str) -> dict[str, object]:
    return {
        "upn": upn, "forename": "Sam", "surname": upn[:2], "dob": dt.date(2003, 1, 1),
        "sex": SEX.get(upn, "F"), "nc_year": 11, "reg_group": "11A", "fsm6": upn == "A2000000000002",
        "sen": "N", "eal": False,
        "ethnicity": "WBRI", "admission_date": dt.date(2014, 9, 1), "leaving_date": None,
    }  # fmt: skip


def cohort_partitions(
    year: int,
    school: int,
    results: dict[str, list[tuple[str, str, str]]],
    prior: dict[str, tuple[str, str]],
    baseline: str = "KS2 fine levels",
) -> dict[PartitionKey, pa.Table]:
    """A school's Year 11 pupils of `year` with their results (subject, qualification, grade) and KS2."""
    return {
        PartitionKey("pupils", year, school): pa.Table.from_pylist([ks4_pupil(u) for u in results], PUPILS),
        PartitionKey("results", year, school): pa.Table.from_pylist(
            [
                {"upn": u, "subject": s, "qualification": q, "grade": g, "exam_series": None, "board": None,
                 "discount_code": None}
                for u, held in results.items()
                for s, q, g in held
            ],
            RESULTS,
        ),
        PartitionKey("prior_attainment", year, school): pa.Table.from_pylist(
            [{"upn": u, "baseline": baseline, "ks2_reading": Decimal(reading), "ks2_maths": Decimal(maths)}
             for u, (reading, maths) in prior.items()],
            PRIOR_ATTAINMENT,
        ),
    }  # fmt: skip


def write_ks4_nation(lake: Lake, year: int = YEAR, schools: tuple[int, int] = (ALDER, BIRCH)) -> None:
    """Alder's and Birch's cohorts of `year` (the results and priors above) into the lake, under the URNs
    `schools` gives them."""
    monday = dt.date(year, 9, 10)
    while monday.weekday():
        monday += dt.timedelta(days=1)
    absent = {(monday, "AM"), (monday, "PM")}
    marks = [
        {"upn": "A1000000000001", "date": day, "session": session,
         "code": "I" if (day, session) in absent else "/" if session == "AM" else "\\"}
        for day in (monday + dt.timedelta(days=i) for i in range(5))
        for session in ("AM", "PM")
    ]  # fmt: skip
    alder, birch = schools
    for school, upns in ((alder, ["A1000000000001", "A2000000000002"]), (birch, ["B1000000000003"])):
        changes = cohort_partitions(
            year, school, {u: RESULTS_HELD[u] for u in upns}, {u: PRIOR[u] for u in upns}
        )
        if school == alder:
            changes[PartitionKey("marks", year, school)] = pa.Table.from_pylist(marks, MARKS)
        lake.replace(changes)
