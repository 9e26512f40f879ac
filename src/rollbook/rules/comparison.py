"""Setting a school's figure beside a comparator's: rounding for display, shading by size, and significance.

Shading is about the size of a difference; significance is a separate question and is reported separately
(design page, "Difference shading"). Sizes are judged on the difference rounded to two decimal places, so
that 93.1 - 92.1 (0.99999… in floating point) is the 1.00 points a reader would work out by hand.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

#: The lower bound, in percentage points, of each shading depth: 1.00-1.99, 2.00-3.99, 4.00 and over.
DEPTHS = (Decimal("1.00"), Decimal("2.00"), Decimal("4.00"))
#: Two-sided 5% test.
CRITICAL_Z = 1.959963984540054

#: Measures where a higher figure is better; for every other (absence, persistent absence) lower is.
HIGHER_IS_BETTER = frozenset({
    "attendance_rate",
    # KS4 results
    "attainment8", "attainment8_english", "attainment8_maths", "attainment8_ebacc", "attainment8_open",
    "basics_4_rate", "basics_5_rate", "ebacc_entry_rate", "ebacc_4_rate", "ebacc_5_rate", "ebacc_aps",
})  # fmt: skip


class Direction(StrEnum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"


@dataclass(frozen=True)
class Shade:
    direction: Direction
    depth: int  # 0 (no shading) to 3

    @property
    def css_class(self) -> str:
        return f"shade-{self.direction}-{self.depth}" if self.depth else ""


def display(value: float | None, places: int) -> str:
    """A figure rounded half-up as a person would (92.25 -> 92.3), not to the nearest even digit."""
    if value is None:
        return "–"
    quantum = Decimal(1).scaleb(-places)
    return str(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def difference(school: float, comparator: float) -> Decimal:
    """School minus comparator, in percentage points to two decimal places."""
    exact = Decimal(repr(school)) - Decimal(repr(comparator))
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def shade(measure: str, school: float | None, comparator: float | None) -> Shade:
    """Green when the school is better than its comparator, red when worse, deeper as the gap grows."""
    if school is None or comparator is None:
        return Shade(Direction.SAME, 0)
    gap = difference(school, comparator)
    depth = sum(abs(gap) >= bound for bound in DEPTHS)
    if gap == 0:
        return Shade(Direction.SAME, 0)
    higher = gap > 0
    better = higher if measure in HIGHER_IS_BETTER else not higher
    return Shade(Direction.BETTER if better else Direction.WORSE, depth)


class Significance(StrEnum):
    """Where a figure's 95% interval lies against the value it is set beside (national, or 0 for value added):
    wholly above, wholly below, or touching or crossing it, which is in line."""

    ABOVE = "significantly above"
    BELOW = "significantly below"
    IN_LINE = "in line"


def significance(low: float, high: float, against: float = 0.0) -> Significance:
    if low > against:
        return Significance.ABOVE
    if high < against:
        return Significance.BELOW
    return Significance.IN_LINE


def rate_differs(
    numerators: Sequence[int], denominators: Sequence[int], comparator_rate: float
) -> tuple[float, bool]:
    """Whether a school's session rate differs from the comparator's more than chance would explain.

    Sessions are not independent (one pupil's absences come together), so the test treats pupils as the
    sample: the school's rate is a ratio of sums over its pupils, with the ratio estimator's standard error
    (delta method) across pupils; the comparator, built from many schools, is taken as fixed. Returns
    (z, significant at 5%). `numerators` are each pupil's sessions of the measure, `denominators` their
    possible sessions; rates are percentages.
    """
    pupils = len(denominators)
    total = sum(denominators)
    if pupils < 2 or total == 0:
        return 0.0, False
    ratio = sum(numerators) / total
    residuals = sum((a - ratio * p) ** 2 for a, p in zip(numerators, denominators, strict=True))
    variance = residuals / total**2 * pupils / (pupils - 1)
    return _z(ratio - comparator_rate / 100, variance)


def share_differs(count: int, pupils: int, comparator_rate: float) -> tuple[float, bool]:
    """Whether a share of pupils (e.g. persistent absentees) differs from the comparator's: a one-sample
    test of a proportion against the comparator's, which is taken as fixed. Returns (z, significant)."""
    if pupils == 0:
        return 0.0, False
    expected = comparator_rate / 100
    return _z(count / pupils - expected, expected * (1 - expected) / pupils)


def _z(gap: float, variance: float) -> tuple[float, bool]:
    if variance <= 0:  # no spread at all: any gap is certain
        return (0.0, False) if gap == 0 else (math.copysign(math.inf, gap), True)
    z = gap / math.sqrt(variance)
    return z, abs(z) >= CRITICAL_Z
