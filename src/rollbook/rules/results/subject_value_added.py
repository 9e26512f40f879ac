"""Subject value added: how a school's entrants in a subject (or an EBacc subject area) did against pupils
nationally with the same prior attainment (docs/curriculum-and-insight.md, "Subject value added").

This is the DfE's value-added method from before Progress 8, taken subject by subject as FFT does. A
subject's national estimate for a prior-attainment group is the mean points of the national entrants in
that group; an entrant's residual is their points minus their group's estimate, in grades; a school's (or a
pupil group's) value added is its entrants' mean residual, with a 95% interval from the national
pupil-level spread of the subject's residuals and its number of entrants. Significance is read from the
interval, apart from the size. Three-year figures weight each entrant of the latest year 3, of the year
before 2 and of the year before that 1, so a year counts by its weight and its entrants, as FFT's
three-year value added does.

The groups are KS2 prior-attainment groups or, for pupils with no KS2 (the 2024/25 and 2025/26 cohorts had
no tests), bands of a baseline the school supplies, as Rollbook value added bands it (value_added.py).
Figures from such a baseline are Rollbook's own and are labelled so.
"""

from __future__ import annotations

import bisect
import functools
import math
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from rollbook.rules.comparison import Significance, significance
from rollbook.rules.results.prior_attainment import Baseline
from rollbook.rules.results.progress8 import Z_95
from rollbook.rules.results.subject_points import SubjectPoints
from rollbook.rules.results.value_added import BAND_PUPILS, band_of, merge_thin

#: A group needs this many national entrants in a subject to give an estimate; thinner groups at either end
#: join their neighbour towards the middle, as Rollbook value added's bands do.
GROUP_ENTRANTS = BAND_PUPILS
#: Each entrant's weight in a three-year figure: the latest year first.
THREE_YEAR_WEIGHTS = (3, 2, 1)


@dataclass(frozen=True)
class GroupEstimate:
    #: The lowest prior-attainment group (or baseline band) it covers.
    group: Decimal
    points: float
    entrants: int


@dataclass(frozen=True)
class SubjectEstimate:
    subject: str
    groups: tuple[GroupEstimate, ...]  # lowest first
    #: The standard deviation of the national entrants' residuals.
    sigma: float

    @functools.cached_property
    def _lowest(self) -> list[Decimal]:
        """Each group's lowest prior attainment, made once: every entrant's residual looks it up."""
        return [row.group for row in self.groups]

    def expected(self, group: Decimal) -> float:
        """The estimate of the highest group at or below `group`, or of the lowest group."""
        return self.groups[max(0, bisect.bisect_right(self._lowest, group) - 1)].points


@dataclass(frozen=True)
class SubjectEstimates:
    """One national year's estimates for every subject (or every subject area), on one baseline."""

    year: int
    baseline: str
    subjects: Mapping[str, SubjectEstimate]

    @property
    def label(self) -> str:
        if self.baseline in set(Baseline):
            return f"Subject value added (from {self.baseline})"
        return f"Rollbook subject value added (from {self.baseline}; not a DfE measure)"


def baseline_groups(scores: Mapping[str, float]) -> dict[str, Decimal]:
    """Each pupil's group on a baseline the school supplies: the band of its score (value_added.band_of)."""
    return {pupil: Decimal(str(band_of(score))) for pupil, score in scores.items()}


def build_estimates(
    entries: Iterable[SubjectPoints],
    groups: Mapping[str, Decimal],
    year: int,
    baseline: str,
    least: int = GROUP_ENTRANTS,
) -> SubjectEstimates:
    """Estimates from a national year's entries and each pupil's group; pupils with no group are left out."""
    cells: dict[str, dict[Decimal, list[float]]] = {}
    for entry in entries:
        if entry.pupil in groups:
            cells.setdefault(entry.subject, {}).setdefault(groups[entry.pupil], []).append(entry.points)
    subjects = {}
    for subject, by_group in cells.items():
        merged = merge_thin(sorted(by_group.items()), least)
        rows = tuple(GroupEstimate(group, statistics.fmean(points), len(points)) for group, points in merged)
        spread = [p - row.points for row, (_, points) in zip(rows, merged, strict=True) for p in points]
        subjects[subject] = SubjectEstimate(subject, rows, statistics.pstdev(spread))
    return SubjectEstimates(year, baseline, subjects)


@dataclass(frozen=True)
class Residual:
    """One entrant's points against what was expected of them, with the national spread to weigh it by."""

    pupil: str
    subject: str
    year: int
    points: float
    expected: float
    sigma: float
    label: str

    @property
    def value(self) -> float:
        return self.points - self.expected


def residuals(
    entries: Iterable[SubjectPoints], groups: Mapping[str, Decimal], estimates: SubjectEstimates
) -> list[Residual]:
    """Each entry's residual; entries of pupils with no group, or in a subject with no estimate, have none."""
    label = estimates.label  # once: a nation has millions of entries
    return [
        Residual(entry.pupil, entry.subject, estimates.year, entry.points,
                 estimate.expected(groups[entry.pupil]), estimate.sigma, label)
        for entry in entries
        if entry.pupil in groups and (estimate := estimates.subjects.get(entry.subject)) is not None
    ]  # fmt: skip


@dataclass(frozen=True)
class SubjectValueAdded:
    """A mean of entrants' residuals in one subject, with its 95% interval: subject value added, or relative
    performance (relative_difficulty.py), as its label says."""

    subject: str
    entrants: int
    value_added: float
    ci_low: float
    ci_high: float
    years: tuple[int, ...]
    label: str

    @property
    def significance(self) -> Significance:
        return significance(self.ci_low, self.ci_high)


def school_value_added(found: Iterable[Residual]) -> dict[str, SubjectValueAdded]:
    """Each subject's mean residual over the entrants given (a school's, or a pupil group's)."""
    return {subject: _mean([(1.0, r) for r in rows]) for subject, rows in _by_subject(found).items()}


def three_year_value_added(found: Iterable[Residual]) -> dict[str, SubjectValueAdded]:
    """Each subject's mean residual over its latest three years, weighted 3, 2 and 1 per entrant by year.

    The years are the three latest that have entrants in the subject; years with no exams (2019/20,
    2020/21) are simply not given."""
    figures = {}
    for subject, rows in _by_subject(found).items():
        latest = sorted({r.year for r in rows}, reverse=True)[: len(THREE_YEAR_WEIGHTS)]
        weight = dict(zip(latest, THREE_YEAR_WEIGHTS, strict=False))
        figures[subject] = _mean([(weight[r.year], r) for r in rows if r.year in weight])
    return figures


def group_value_added(
    found: Iterable[Residual], group_of: Mapping[str, str]
) -> dict[str, dict[str, SubjectValueAdded]]:
    """Each pupil group's subject value added ("Girls", "FSM6", "High prior attainment"), by the pupils'
    groups in `group_of`; pupils in no group are left out."""
    by_group: dict[str, list[Residual]] = {}
    for residual in found:
        if (group := group_of.get(residual.pupil)) is not None:
            by_group.setdefault(group, []).append(residual)
    return {group: school_value_added(rows) for group, rows in by_group.items()}


def _by_subject(found: Iterable[Residual]) -> dict[str, list[Residual]]:
    by_subject: dict[str, list[Residual]] = {}
    for residual in found:
        by_subject.setdefault(residual.subject, []).append(residual)
    return by_subject


def _mean(weighted: list[tuple[float, Residual]]) -> SubjectValueAdded:
    """The weighted mean residual; its standard error is the root of the weighted sum of each entrant's
    national variance over the total weight, which for one year is sigma over the root of the entrants."""
    total = sum(weight for weight, _ in weighted)
    score = sum(weight * r.value for weight, r in weighted) / total
    half = Z_95 * math.sqrt(sum((weight * r.sigma) ** 2 for weight, r in weighted)) / total
    rows = [r for _, r in weighted]
    return SubjectValueAdded(
        rows[0].subject,
        len(rows),
        score,
        score - half,
        score + half,
        tuple(sorted({r.year for r in rows})),
        "; ".join(sorted({r.label for r in rows})),
    )
