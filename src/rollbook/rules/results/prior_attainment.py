"""KS2 prior attainment: the baseline Progress 8 measures from (docs/ks4-measures.md, "Prior attainment").

Pupils who sat KS2 up to 2015 have fine levels (a level and how far through it, to 2 dp); from 2016 they have
scaled scores (80 to 120, 100 the expected standard). There were no KS2 tests in 2020 and 2021. A pupil's
prior attainment is the mean of reading and maths: for fine levels rounded to 1 dp (half up), which is
also the prior-attainment group; for scaled scores the mean falls into one of 34 groups. Bands: low, middle
and high are below level 4, level 4, above (fine levels) or below 100, 100 to below 110, 110 and above.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum


class Baseline(StrEnum):
    FINE_LEVELS = "KS2 fine levels"
    SCALED_SCORES = "KS2 scaled scores"


class Band(StrEnum):
    LOW = "low"
    MIDDLE = "middle"
    HIGH = "high"


FIRST_SCALED_SCORE_YEAR = 2016
#: Summers with no KS2 tests (COVID): pupils who were in Year 6 then have no KS2 prior attainment.
CANCELLED_YEARS = frozenset({2020, 2021})
LOWEST_SCALED, HIGHEST_SCALED = 80, 120
LOWEST_FINE, HIGHEST_FINE = Decimal("1.0"), Decimal("7.0")
#: Band edges (low below the first, high from the second) for each baseline.
BAND_EDGES = {
    Baseline.FINE_LEVELS: (Decimal("4.0"), Decimal("5.0")),
    Baseline.SCALED_SCORES: (Decimal(100), Decimal(110)),
}
#: The lowest mean scaled score of each of the 34 groups: 80, 82.5, 86.5, 88, 89.5, 91, then every point
#: from 92.5 to 119.5 (the groups of the DfE's scaled-score estimates tables).
SCALED_SCORE_GROUPS = tuple(
    Decimal(edge) for edge in ("80", "82.5", "86.5", "88", "89.5", "91", *(f"{s}.5" for s in range(92, 120)))
)
_TENTH, _HUNDREDTH = Decimal("0.1"), Decimal("0.01")


class BadPriorAttainment(ValueError):
    pass


@dataclass(frozen=True)
class PriorAttainment:
    baseline: Baseline
    reading: Decimal
    maths: Decimal
    #: The mean of reading and maths (fine levels rounded to 1 dp).
    average: Decimal

    @property
    def group(self) -> Decimal:
        """The prior-attainment group: the fine level itself, or the lowest mean of its scaled-score group."""
        return group_of(self.average, self.baseline)

    @property
    def band(self) -> Band:
        low, high = BAND_EDGES[self.baseline]
        return Band.LOW if self.average < low else Band.MIDDLE if self.average < high else Band.HIGH


def ks2_year(academic_year: int, nc_year: int) -> int:
    """The summer a pupil in `nc_year` in `academic_year` (2018 is 2018/19) was in Year 6."""
    return academic_year + 1 - (nc_year - 6)


def baseline_for(ks2_summer: int) -> Baseline | None:
    """Which KS2 results pupils who were in Year 6 that summer have; None when the tests were cancelled."""
    if ks2_summer in CANCELLED_YEARS:
        return None
    return Baseline.SCALED_SCORES if ks2_summer >= FIRST_SCALED_SCORE_YEAR else Baseline.FINE_LEVELS


def prior_attainment(reading: str | Decimal, maths: str | Decimal, baseline: Baseline) -> PriorAttainment:
    """A pupil's prior attainment from their KS2 reading and maths, checked against the baseline's range."""
    scores = (_score(reading, baseline, "reading"), _score(maths, baseline, "maths"))
    average = sum(scores) / 2
    if baseline is Baseline.FINE_LEVELS:
        average = average.quantize(_TENTH, ROUND_HALF_UP)
    return PriorAttainment(baseline, *scores, average)


def _score(value: str | Decimal, baseline: Baseline, subject: str) -> Decimal:
    try:
        score = Decimal(str(value).strip())
    except ArithmeticError:
        raise BadPriorAttainment(f"KS2 {subject} {value!r} is not a number") from None
    if baseline is Baseline.SCALED_SCORES:
        if score != score.to_integral_value() or not LOWEST_SCALED <= score <= HIGHEST_SCALED:
            raise BadPriorAttainment(
                f"KS2 {subject} {value!r} is not a scaled score (a whole number from 80 to 120)"
            )
        return score
    if not LOWEST_FINE <= score < HIGHEST_FINE:
        raise BadPriorAttainment(f"KS2 {subject} {value!r} is not a fine level (1.00 to 6.99)")
    return score.quantize(_HUNDREDTH, ROUND_HALF_UP)


def group_of(average: Decimal, baseline: Baseline) -> Decimal:
    if baseline is Baseline.FINE_LEVELS:
        return average
    return SCALED_SCORE_GROUPS[max(0, bisect.bisect_right(SCALED_SCORE_GROUPS, average) - 1)]


def fine_level(level: int, mark: int, threshold: int, next_threshold: int) -> Decimal:
    """A KS2 fine level from a test mark: the level plus how far the mark is from the level's threshold
    towards the next level's, over (next threshold - threshold + 1), to 2 dp."""
    fraction = Decimal(mark - threshold) / Decimal(next_threshold - threshold + 1)
    return (level + fraction).quantize(_HUNDREDTH, ROUND_HALF_UP)
