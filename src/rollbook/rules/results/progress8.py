"""Progress 8: estimates by prior-attainment group, pupil and element scores, the cap on extremely negative
scores, a school's score with its 95% confidence interval and banding, and whether the DfE publishes P8
for a cohort at all (docs/ks4-measures.md, "Progress 8").

A pupil's P8 is (A8 - the mean A8 of pupils nationally in the same group) / 10; element scores divide by
the element's slots (English and maths 2, EBacc and open 3). A school's P8 is the mean over its pupils
with KS2 prior attainment, a pupil far below their group's mean counting at that group's minimum.

The DfE sets each group's minimum "a set number of standard deviations below the mean so that
approximately 1% of pupils are identified nationally" and does not publish the number. Rollbook's
approximation, for estimates it builds from a national cohort: one number k for every group, the 1st
percentile of pupils' scores measured in their own group's standard deviations, so that 1% of the
cohort is capped; each group's minimum is its mean P8 minus k of its standard deviations. Only overall P8
is capped; element scores are not.
"""

from __future__ import annotations

import bisect
import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import IntEnum

from rollbook.rules.calendar import academic_year_label
from rollbook.rules.results.attainment8 import Attainment8, Element
from rollbook.rules.results.names import normalise
from rollbook.rules.results.prior_attainment import Baseline, PriorAttainment

#: Slots each element's score is divided by, and the whole measure's.
ELEMENT_SLOTS = {Element.ENGLISH: 2, Element.MATHS: 2, Element.EBACC: 3, Element.OPEN: 3}
WEIGHTED_SLOTS = 10
#: Share of a national cohort whose scores the cap lifts.
CAPPED_SHARE = 0.01
#: The national standard deviation of pupils' P8 that the DfE's 2019 confidence intervals use: it
#: reproduces the published intervals of every school in the 2019 provisional file.
SIGMA_2019 = 1.283
Z_95 = 1.96


@dataclass(frozen=True)
class Estimate:
    """The national means, for one prior-attainment group, that pupils in it are measured against."""

    group: Decimal
    attainment8: float
    english: float
    maths: float
    ebacc: float
    open: float
    pupils: int = 0
    #: The lowest P8 a pupil in the group counts at in a school's score; None for no cap.
    minimum: float | None = None

    def element(self, element: Element) -> float:
        return {Element.ENGLISH: self.english, Element.MATHS: self.maths, Element.EBACC: self.ebacc,
                Element.OPEN: self.open}[element]  # fmt: skip


@dataclass(frozen=True)
class Estimates:
    cohort_year: int
    baseline: Baseline
    rows: tuple[Estimate, ...]  # by group, lowest first
    source: str

    def for_pupil(self, prior: PriorAttainment) -> Estimate:
        """The row for the pupil's group: the highest group at or below their prior attainment (so a table
        whose lowest groups are merged still serves every pupil), or the lowest row."""
        if prior.baseline is not self.baseline:
            raise ValueError(f"{self.baseline} estimates cannot measure a pupil with {prior.baseline}")
        groups = [row.group for row in self.rows]
        return self.rows[max(0, bisect.bisect_right(groups, prior.group) - 1)]


def build_estimates(
    pupils: Iterable[tuple[PriorAttainment, Attainment8]], cohort_year: int, source: str = "Rollbook"
) -> Estimates:
    """Estimates from a national cohort: each group's mean A8 and elements, and its cap (see above)."""
    by_group: dict[Decimal, list[Attainment8]] = {}
    baselines = set()
    for prior, a8 in pupils:
        by_group.setdefault(prior.group, []).append(a8)
        baselines.add(prior.baseline)
    if len(baselines) != 1:
        raise ValueError("estimates need pupils on one baseline")
    means = {group: _means(a8s) for group, a8s in sorted(by_group.items())}
    spreads = {
        group: statistics.pstdev([a8.total for a8 in a8s]) / WEIGHTED_SLOTS
        for group, a8s in by_group.items()
        if len(a8s) > 1
    }
    standardised = sorted(
        (a8.total - means[group][0]) / WEIGHTED_SLOTS / spreads[group]
        for group, a8s in by_group.items()
        if spreads.get(group)
        for a8 in a8s
    )
    k = -standardised[int(CAPPED_SHARE * len(standardised))] if standardised else None
    rows = tuple(
        Estimate(group, *mean, pupils=len(by_group[group]),
                 minimum=-k * spreads[group] if k is not None and spreads.get(group) else None)
        for group, mean in means.items()
    )  # fmt: skip
    return Estimates(cohort_year, baselines.pop(), rows, source)


def _means(a8s: list[Attainment8]) -> tuple[float, float, float, float, float]:
    return (
        statistics.fmean(a8.total for a8 in a8s),
        statistics.fmean(a8.english for a8 in a8s),
        statistics.fmean(a8.maths for a8 in a8s),
        statistics.fmean(a8.ebacc for a8 in a8s),
        statistics.fmean(a8.open for a8 in a8s),
    )


#: Column names an estimates CSV may use, after normalising (names.normalise), for each field.
ESTIMATE_COLUMNS = {
    "group": ("prior attainment group", "ks2 prior attainment group", "pag", "ks2 prior attainment",
              "key stage 2 fine level", "ks2 fine level", "average ks2 scaled score", "ks2 scaled score"),
    "attainment8": ("attainment 8 estimate", "attainment8", "a8", "a8 estimate"),
    "english": ("english", "a8 nat est english", "english element"),
    "maths": ("maths", "a8 nat est maths", "maths element"),
    "ebacc": ("ebacc", "a8 nat est ebacc", "ebacc element"),
    "open": ("open", "a8 nat est open", "open element"),
    "minimum": ("minimum progress 8", "minimum", "minimum score"),
}  # fmt: skip


def estimates_from_rows(
    rows: Iterable[Mapping[str, str]], cohort_year: int, baseline: Baseline, source: str = "DfE"
) -> Estimates:
    """Estimates from a table the operator loads (a DfE estimates CSV, read with csv.DictReader).

    Columns are found by name in any case (ESTIMATE_COLUMNS); a table without minimum scores caps nobody."""
    table: list[Estimate] = []
    for line, row in enumerate(rows, start=2):
        cells = {normalise(name): value for name, value in row.items() if name is not None}
        try:
            values = {
                field: next((cells[c] for c in names if cells.get(c, "").strip()), None)
                for field, names in ESTIMATE_COLUMNS.items()
            }
            missing = [field for field, value in values.items() if value is None and field != "minimum"]
            if missing:
                raise ValueError(f"no {', '.join(missing)}")
            table.append(
                Estimate(
                    Decimal(values["group"].strip()),
                    *(float(values[f]) for f in ("attainment8", "english", "maths", "ebacc", "open")),
                    minimum=float(values["minimum"]) if values["minimum"] else None,
                )
            )
        except (ValueError, ArithmeticError) as error:
            raise ValueError(f"estimates line {line}: {error}") from None
    return Estimates(cohort_year, baseline, tuple(sorted(table, key=lambda row: row.group)), source)


@dataclass(frozen=True)
class PupilProgress8:
    estimate: Estimate
    #: (A8 - estimate) / 10, as the pupil's own score.
    progress8: float
    english: float
    maths: float
    ebacc: float
    open: float

    @property
    def capped(self) -> bool:
        return self.estimate.minimum is not None and self.progress8 < self.estimate.minimum

    @property
    def counted(self) -> float:
        """The score the school's mean uses: the group's minimum for a capped pupil."""
        return self.estimate.minimum if self.capped and self.estimate.minimum is not None else self.progress8


def pupil_progress8(a8: Attainment8, estimate: Estimate) -> PupilProgress8:
    def element(name: Element) -> float:
        return (a8.element(name) - estimate.element(name)) / ELEMENT_SLOTS[name]

    return PupilProgress8(
        estimate,
        (a8.total - estimate.attainment8) / WEIGHTED_SLOTS,
        element(Element.ENGLISH),
        element(Element.MATHS),
        element(Element.EBACC),
        element(Element.OPEN),
    )


class Band(IntEnum):
    """The DfE's Progress 8 bandings, from unrounded scores and their confidence interval."""

    WELL_ABOVE = 1
    ABOVE = 2
    AVERAGE = 3
    BELOW = 4
    WELL_BELOW = 5

    @property
    def label(self) -> str:
        return ("Well above average", "Above average", "Average", "Below average", "Well below average")[
            self - 1
        ]


def banding(score: float, low: float, high: float) -> Band:
    """Well above: 0.5 or more with the whole interval above 0; above: the interval above 0; average: the
    interval includes 0; below: the interval below 0; well below: below -0.5 with the interval below 0."""
    if low > 0:
        return Band.WELL_ABOVE if score >= 0.5 else Band.ABOVE
    if high < 0:
        return Band.WELL_BELOW if score < -0.5 else Band.BELOW
    return Band.AVERAGE


def confidence_interval(score: float, pupils: int, sigma: float) -> tuple[float, float]:
    """The 95% interval: the score plus or minus 1.96 sigma over the square root of the pupils."""
    half = Z_95 * sigma / math.sqrt(pupils)
    return score - half, score + half


def national_sigma(scores: Iterable[float]) -> float:
    """The standard deviation of pupils' P8 in a national cohort, for the intervals of its schools."""
    return statistics.pstdev(scores)


@dataclass(frozen=True)
class SchoolProgress8:
    pupils: int
    progress8: float
    capped_pupils: int
    english: float
    maths: float
    ebacc: float
    open: float
    ci_low: float
    ci_high: float

    @property
    def band(self) -> Band:
        return banding(self.progress8, self.ci_low, self.ci_high)


def school_progress8(pupils: Sequence[PupilProgress8], sigma: float) -> SchoolProgress8 | None:
    """A school's (or any group's) P8: the mean of its pupils' capped scores, element means uncapped, and
    the interval from `sigma`; None with no pupil to measure."""
    if not pupils:
        return None
    score = statistics.fmean(p.counted for p in pupils)
    return SchoolProgress8(
        len(pupils),
        score,
        sum(p.capped for p in pupils),
        statistics.fmean(p.english for p in pupils),
        statistics.fmean(p.maths for p in pupils),
        statistics.fmean(p.ebacc for p in pupils),
        statistics.fmean(p.open for p in pupils),
        *confidence_interval(score, len(pupils), sigma),
    )


@dataclass(frozen=True)
class Progress8Status:
    cohort_year: int
    published: bool
    reason: str


#: Cohorts (academic years, 2024 is 2024/25) with no DfE Progress 8, and why.
NOT_PUBLISHED = {
    2019: "GCSE exams were cancelled in 2020 (COVID) and grades were centre-assessed; the DfE published no "
    "performance measures.",
    2020: "GCSE exams were cancelled in 2021 (COVID) and grades were teacher-assessed; the DfE published no "
    "performance measures.",
    2024: "This year group had no KS2 tests (cancelled in 2020), so the DfE calculates no Progress 8 for "
    "2024/25; it publishes the attainment and entry measures only.",
    2025: "This year group had no KS2 tests (cancelled in 2021), so the DfE calculates no Progress 8 for "
    "2025/26; it publishes the attainment and entry measures only.",
}
FIRST_PROGRESS8_YEAR = 2015
#: The first cohort for which the DfE means to publish Progress 8 again after the pause.
RETURN_YEAR = 2026


def progress8_status(cohort_year: int) -> Progress8Status:
    """Whether the DfE publishes Progress 8 for the cohort that sat GCSEs in `cohort_year`, and why not."""
    label = academic_year_label(cohort_year)
    if cohort_year < FIRST_PROGRESS8_YEAR:
        return Progress8Status(
            cohort_year, False, f"Progress 8 began with the 2015/16 cohort; {label} came before it."
        )
    if cohort_year in NOT_PUBLISHED:
        return Progress8Status(cohort_year, False, NOT_PUBLISHED[cohort_year])
    if cohort_year == RETURN_YEAR:
        return Progress8Status(
            cohort_year,
            True,
            f"The DfE intends to return to Progress 8 for {label}, measured from KS2 in 2022.",
        )
    return Progress8Status(cohort_year, True, f"The DfE publishes Progress 8 for {label}.")
