"""A synthetic nation with two planted effects, for checking that the curriculum reports and the areas of
interest find what was put there (issue 17): 20 schools of 40 Year 11 pupils each, every pupil taking the
same eight GCSEs with grades that follow their KS2 fine level and a little noise; at SCIENCE_SCHOOL,
combined science is graded one grade higher than prior attainment predicts, and everywhere music is graded
one grade lower than the pupil's other subjects (so music is the hardest subject nationally)."""

from __future__ import annotations

import random
from decimal import Decimal

import pyarrow as pa

from rollbook.lake import BASELINES, Lake, PartitionKey
from tests.support.ks4 import cohort_partitions

YEAR = 2018
SCHOOLS = tuple(range(200001, 200021))
SCIENCE_SCHOOL = SCHOOLS[7]
PUPILS = 40
SUBJECTS = ("maths", "english_language", "english_literature", "combined_science", "history", "french",
            "art_and_design", "music")  # fmt: skip


def _grade(expected: float) -> int:
    return max(1, min(9, round(expected)))


def write_planted_nation(lake: Lake, seed: int = 17, baseline: str | None = None) -> None:
    """The nation above; with `baseline`, its pupils have no KS2 but a score on that baseline instead
    (20 points a fine level: 80 to 132), as a school supplies for a cohort without KS2 tests."""
    draw = random.Random(seed)
    for school in SCHOOLS:
        results, prior = {}, {}
        for number in range(PUPILS):
            upn = f"P{school}{number:07d}"
            level = draw.uniform(3.0, 5.6)
            prior[upn] = (f"{level:.2f}", f"{level:.2f}")
            held = []
            for subject in SUBJECTS:
                expected = 4.5 + 2.5 * (level - 4.3) + draw.gauss(0, 0.6)
                expected += (subject == "combined_science" and school == SCIENCE_SCHOOL) - (
                    subject == "music"
                )
                grade = _grade(expected)
                if subject == "combined_science":
                    held.append((subject, "gcse_double_award", f"{grade}-{grade}"))
                else:
                    held.append((subject, "gcse", str(grade)))
            results[upn] = held
        changes = cohort_partitions(YEAR, school, results, {} if baseline else prior)
        if baseline:
            changes[PartitionKey("baselines", YEAR, school)] = pa.Table.from_pylist(
                [{"upn": upn, "baseline": baseline, "score": Decimal(f"{20 + 20 * float(level):.2f}")}
                 for upn, (level, _) in prior.items()],
                BASELINES,
            )  # fmt: skip
        lake.replace(changes)
