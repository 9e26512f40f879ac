"""Data for `ks4_bench.py`: a national KS4 lake of synthetic schools, 2018/19 (Progress 8 published, KS2
fine levels), written directly as lake partitions with NumPy and PyArrow.

`rollbook synth` with the importer would take about half an hour at 3,000 schools (it draws and imports a
year of registers for every pupil of every year group); the benchmark needs only Year 11, its results and
its KS2, so this draws those alone, each school's partitions written through `Lake.replace` as an import
writes them. The entry pattern is the national one in outline: English and maths for nearly everyone,
combined or triple science, a humanity and a language for about half, then options (GCSEs, BTEC and
Cambridge National awards) to about nine results a pupil; grades follow prior attainment and a school
effect; a few pupils were absent (X), resat English or maths in November (first entry), or took two art
titles (one discount group). About 183 pupils and 1,670 results a school: 3,000 schools are about 550,000
pupils and 5 million results. The first school's Year 11 is 300 pupils, for the page timings. No
registers are written, so every pupil is in the group "No attendance held". Built once under
`CACHE/ks4-<schools>/` and reused.
"""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal
from pathlib import Path

import numpy as np
import pyarrow as pa

from rollbook.lake import PRIOR_ATTAINMENT, PUPILS, RESULTS, Lake, PartitionKey

CACHE = Path("/work/bench-data")
YEAR = 2018
SEED = 2019
FIRST_URN = 300001
#: The school whose KS4 pages are timed: a Year 11 of 300 pupils.
PAGE_SCHOOL, PAGE_PUPILS = FIRST_URN, 300
PUPILS_PER_SCHOOL = (120, 246)
JUNE, NOVEMBER = dt.date(YEAR + 1, 6, 1), dt.date(YEAR, 11, 1)

#: (subject, qualification, share of pupils taking it, grade shift): the options a pupil may take.
OPTIONS = (
    ("history", "gcse", 0.63, 0.0), ("geography", "gcse", 0.60, 0.0), ("french", "gcse", 0.45, 0.2),
    ("spanish", "gcse", 0.40, 0.1), ("german", "gcse", 0.09, 0.2), ("computer_science", "gcse", 0.18, 0.2),
    ("art_and_design", "gcse", 0.38, 0.3), ("photography", "gcse", 0.08, 0.2), ("music", "gcse", 0.12, 0.2),
    ("drama", "gcse", 0.18, 0.3), ("religious_studies", "gcse", 0.52, 0.0), ("business", "gcse", 0.22, -0.2),
    ("physical_education", "gcse", 0.18, -0.1), ("design_and_technology", "gcse", 0.27, -0.2),
    ("media_studies", "gcse", 0.12, -0.1), ("food_preparation", "gcse", 0.18, -0.1),
    ("sociology", "gcse", 0.09, 0.0), ("sport", "btec_tech_award", 0.18, 0.0),
    ("health_and_social_care", "btec_tech_award", 0.09, 0.0),
    ("creative_media", "cambridge_national", 0.12, 0.0),
)  # fmt: skip
TECHNICAL = ("L1P", "L1M", "L1D", "L2P", "L2M", "L2D", "L2D*")


def lake_for(schools: int) -> Lake:
    """The cached lake of `schools` schools, built the first time it is asked for."""
    folder = CACHE / f"ks4-{schools}"
    lake = Lake(folder / "lake")
    if not (folder / "built").exists():
        started = time.perf_counter()
        pupils, results = build(lake, schools)
        (folder / "built").write_text(f"{pupils} pupils, {results} results\n")
        print(f"built {schools} schools: {pupils:,} pupils, {results:,} results "
              f"in {time.perf_counter() - started:.0f} s")  # fmt: skip
    return lake


def build(lake: Lake, schools: int) -> tuple[int, int]:
    rng = np.random.default_rng(SEED)
    pupils = results = 0
    for urn in range(FIRST_URN, FIRST_URN + schools):
        cohort, rows, prior = school(rng, urn)
        lake.replace(
            {
                PartitionKey("pupils", YEAR, urn): pa.Table.from_pylist(cohort, PUPILS),
                PartitionKey("results", YEAR, urn): pa.Table.from_pydict(rows, RESULTS),
                PartitionKey("prior_attainment", YEAR, urn): pa.Table.from_pylist(prior, PRIOR_ATTAINMENT),
            }
        )
        pupils, results = pupils + len(cohort), results + len(rows["upn"])
    return pupils, results


def school(rng: np.random.Generator, urn: int) -> tuple[list[dict], dict[str, list], list[dict]]:
    """One school's Year 11: pupils, results (as columns) and KS2 fine levels."""
    size = PAGE_PUPILS if urn == PAGE_SCHOOL else int(rng.integers(*PUPILS_PER_SCHOOL))
    effect = rng.normal(0, 0.45)
    ability = rng.normal(0, 1, size)
    fsm6 = rng.random(size) < 0.27
    ability = ability - 0.5 * fsm6
    upns = [f"K{urn}{n:07d}" for n in range(size)]
    cohort = [
        {"upn": upn, "forename": "Pupil", "surname": str(n), "dob": dt.date(2003, 1 + n % 12, 1),
         "sex": "F" if rng.random() < 0.5 else "M", "nc_year": 11, "reg_group": f"11{'ABCDEF'[n % 6]}",
         "fsm6": bool(fsm6[n]), "sen": str(rng.choice(["N", "K", "E"], p=[0.85, 0.12, 0.03])),
         "eal": bool(rng.random() < 0.16), "ethnicity": "WBRI", "admission_date": dt.date(2014, 9, 1),
         "leaving_date": None}
        for n, upn in enumerate(upns)
    ]  # fmt: skip
    prior = [
        {"upn": upn, "baseline": "KS2 fine levels", "ks2_reading": _fine(rng, z), "ks2_maths": _fine(rng, z)}
        for upn, z in zip(upns, ability, strict=True)
        if rng.random() < 0.95
    ]
    columns: dict[str, list] = {name: [] for name in RESULTS.names}

    def add(taking: np.ndarray, subject: str, qualification: str, grades: list[str], series=JUNE) -> None:
        for n in np.flatnonzero(taking):
            columns["upn"].append(upns[n])
            columns["subject"].append(subject)
            columns["qualification"].append(qualification)
            columns["grade"].append(grades[n])
            columns["exam_series"].append(series)
            columns["board"].append("AQA")
            columns["discount_code"].append(None)

    def grades(shift: float = 0.0) -> list[str]:
        level = np.clip(np.rint(4.9 + 1.9 * (ability + effect) + shift + rng.normal(0, 0.9, size)), 0, 9)
        return ["X" if rng.random() < 0.004 else "U" if g == 0 else str(int(g)) for g in level]

    add(rng.random(size) < 0.97, "maths", "gcse", grades())
    add(rng.random(size) < 0.97, "english_language", "gcse", grades(0.2))
    add(rng.random(size) < 0.93, "english_literature", "gcse", grades(0.1))
    add(rng.random(size) < 0.03, "english_language", "gcse", grades(-0.5), NOVEMBER)  # a resit
    triple = rng.random(size) < 0.08 + 0.25 * (ability > 0.5)
    for subject in ("biology", "chemistry", "physics"):
        add(triple, subject, "gcse", grades(0.3))
    double = [g if g in "UX" else f"{g}-{max(int(g) - int(rng.random() < 0.5), 1)}" for g in grades()]
    add(~triple & (rng.random(size) < 0.95), "combined_science", "gcse_double_award", double)
    for subject, qualification, share, shift in OPTIONS:
        taking = rng.random(size) < share
        if qualification == "gcse":
            add(taking, subject, qualification, grades(shift))
        else:
            level = np.clip(np.rint(3.5 + 1.4 * (ability + effect) + rng.normal(0, 1, size)), 0, 7)
            add(taking, subject, qualification, ["U" if g == 0 else TECHNICAL[int(g) - 1] for g in level])
    return cohort, columns, prior


def _fine(rng: np.random.Generator, z: float) -> Decimal:
    return Decimal(f"{min(max(4.3 + 0.75 * z + rng.normal(0, 0.35), 1.5), 6.99):.2f}")
