"""Every school's published 2019 P8 confidence interval comes back from its P8 and pupils with sigma 1.283,
and every published banding from the banding rule (real data: the 2019 provisional school-level file)."""

from __future__ import annotations

import csv
import math

import pytest

from rollbook.rules.results.progress8 import SIGMA_2019, Z_95, banding, confidence_interval

#: Published figures are to 2 dp: a value shown as x was in [x - HALF_CENT, x + HALF_CENT).
HALF_CENT = 0.005
SCHOOL_RECORDS = {"1", "2"}  # mainstream and special schools; 4, 5 and 7 are LA and England rows


@pytest.fixture(scope="module")
def schools(shared_data):
    path = shared_data / "performance-tables-2019" / "england_ks4provisional.csv"
    with path.open(newline="", encoding="utf-8-sig") as handle:
        rows = [row for row in csv.DictReader(handle) if row["RECTYPE"] in SCHOOL_RECORDS]
    return [row for row in rows if all(_number(row[c]) is not None for c in ("P8MEA", "P8PUP", "P8CILOW",
                                                                              "P8CIUPP"))]  # fmt: skip


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _reproduced(row: dict[str, str], sigma: float) -> bool:
    """Whether some unrounded P8 that rounds to the published one has an interval rounding to the
    published bounds."""
    score, low, high = (float(row[c]) for c in ("P8MEA", "P8CILOW", "P8CIUPP"))
    half = Z_95 * sigma / math.sqrt(int(row["P8PUP"]))
    lowest = max(score - HALF_CENT, low - HALF_CENT + half, high - HALF_CENT - half)
    highest = min(score + HALF_CENT, low + HALF_CENT + half, high + HALF_CENT - half)
    return lowest <= highest + 1e-9


def test_every_schools_interval_comes_from_its_p8_and_pupils(schools):
    exact = sum(
        (round(low, 2), round(high, 2)) == (float(row["P8CILOW"]), float(row["P8CIUPP"]))
        for row in schools
        for low, high in [confidence_interval(float(row["P8MEA"]), int(row["P8PUP"]), SIGMA_2019)]
    )
    reproduced = sum(_reproduced(row, SIGMA_2019) for row in schools)
    print(f"\n{len(schools):,} schools: {reproduced:,} intervals reproduced to rounding, {exact:,} exactly")
    assert len(schools) > 3_000
    assert reproduced == len(schools)
    assert exact > len(schools) / 3


def test_the_unadjusted_sigma_does_not_reproduce_them(schools):
    assert sum(_reproduced(row, 1.307) for row in schools) < 0.9 * len(schools)


def test_every_published_banding_follows_from_the_score_and_interval(schools):
    banded = [row for row in schools if row["P8_BANDING"] in {"1", "2", "3", "4", "5"}]
    matches = sum(
        banding(float(row["P8MEA"]), float(row["P8CILOW"]), float(row["P8CIUPP"])) == int(row["P8_BANDING"])
        for row in banded
    )
    print(f"\n{len(banded):,} banded schools: {matches:,} bands reproduced")
    assert len(banded) > 3_000
    assert matches == len(banded)
