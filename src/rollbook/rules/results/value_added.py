"""Rollbook value added: progress from a baseline the school supplies (a standardised test score per pupil,
say), measured against the national cohort Rollbook holds. It is Rollbook's own measure and never
Progress 8, which only the DfE calculates, from KS2 (docs/ks4-measures.md, "Rollbook value added").

It works as Progress 8 does with the baseline in place of KS2: pupils are grouped by baseline score in
bands of BAND_WIDTH, each band's estimate is the held cohort's mean Attainment 8, and a pupil's value
added is (A8 - estimate) / 10. No cap applies.
"""

from __future__ import annotations

import bisect
import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from rollbook.rules.results.progress8 import WEIGHTED_SLOTS, confidence_interval

LABEL = "Rollbook value added (not Progress 8)"
#: Baseline points per band: a third of a standard deviation on the usual standardised scale (SD 15).
BAND_WIDTH = 5.0
#: A band needs this many pupils in the held cohort to give an estimate; thinner bands join their
#: neighbour towards the middle.
BAND_PUPILS = 30

Key = TypeVar("Key")
Value = TypeVar("Value")


@dataclass(frozen=True)
class ValueAddedEstimates:
    """The held cohort's mean A8 by baseline band (each band from its lowest score), and the spread of its
    pupils' value added, for confidence intervals."""

    baseline: str
    bands: tuple[tuple[float, float], ...]  # (lowest baseline score, mean A8), lowest first
    sigma: float
    label: str = LABEL

    def estimate(self, score: float) -> float:
        lowest = [band for band, _ in self.bands]
        return self.bands[max(0, bisect.bisect_right(lowest, score) - 1)][1]


def build_value_added(
    pupils: Iterable[tuple[float, float]], baseline: str, band_pupils: int = BAND_PUPILS
) -> ValueAddedEstimates:
    """Estimates from the held cohort's (baseline score, A8) pairs, named by the baseline they use; a band
    needs `band_pupils` pupils."""
    by_band: dict[float, list[float]] = {}
    for score, a8 in pupils:
        by_band.setdefault(band_of(score), []).append(a8)
    if not by_band:
        raise ValueError("value added needs a cohort with baseline scores")
    merged = merge_thin(sorted(by_band.items()), band_pupils)
    bands = tuple((low, statistics.fmean(a8s)) for low, a8s in merged)
    residuals = [(a8 - mean) / WEIGHTED_SLOTS for (_, a8s), (_, mean) in zip(merged, bands, strict=True)
                 for a8 in a8s]  # fmt: skip
    return ValueAddedEstimates(baseline, bands, statistics.pstdev(residuals) if len(residuals) > 1 else 0.0)


def band_of(score: float) -> float:
    """The lowest baseline score of the band holding `score`."""
    return math.floor(score / BAND_WIDTH) * BAND_WIDTH


def merge_thin(bands: list[tuple[Key, list[Value]]], least: int) -> list[tuple[Key, list[Value]]]:
    """Join each band with too few pupils to the next one inwards, from both ends; a band is named by its
    lowest key, so a lookup of the highest key at or below a pupil's still finds it."""
    bands = [(low, list(members)) for low, members in bands]
    while len(bands) > 1 and len(bands[0][1]) < least:
        low, members = bands.pop(0)
        bands[0] = (low, members + bands[0][1])
    while len(bands) > 1 and len(bands[-1][1]) < least:
        _, members = bands.pop()
        bands[-1] = (bands[-1][0], bands[-1][1] + members)
    return bands


def pupil_value_added(score: float, a8: float, estimates: ValueAddedEstimates) -> float:
    return (a8 - estimates.estimate(score)) / WEIGHTED_SLOTS


@dataclass(frozen=True)
class SchoolValueAdded:
    pupils: int
    value_added: float
    ci_low: float
    ci_high: float
    label: str = LABEL


def school_value_added(scores: Sequence[float], estimates: ValueAddedEstimates) -> SchoolValueAdded | None:
    """The mean of pupils' value added with its 95% interval; None with no pupil."""
    if not scores:
        return None
    mean = statistics.fmean(scores)
    return SchoolValueAdded(len(scores), mean, *confidence_interval(mean, len(scores), estimates.sigma))
