"""Every KS4 measure for one pupil, worked out once, so reports can show pupils and sum groups
(docs/ks4-measures.md)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from rollbook.rules.results.attainment8 import Attainment8, attainment8
from rollbook.rules.results.basics import Basics, basics
from rollbook.rules.results.discounting import Discounted, discount
from rollbook.rules.results.ebacc import EBacc, ebacc
from rollbook.rules.results.exam_result import ExamResult
from rollbook.rules.results.prior_attainment import Band, PriorAttainment
from rollbook.rules.results.progress8 import Estimates, PupilProgress8, pupil_progress8


@dataclass(frozen=True)
class PupilMeasures:
    upn: str
    counted: tuple[ExamResult, ...]
    discounted: tuple[Discounted, ...]
    attainment8: Attainment8
    ebacc: EBacc
    basics: Basics
    prior: PriorAttainment | None
    #: None without prior attainment or estimates (as for every pupil in a year the DfE has no P8).
    progress8: PupilProgress8 | None

    @property
    def prior_band(self) -> Band | None:
        return self.prior.band if self.prior else None


def measure_pupil(
    upn: str,
    results: Iterable[ExamResult],
    prior: PriorAttainment | None = None,
    estimates: Estimates | None = None,
) -> PupilMeasures:
    """The pupil's measures from all their results: discounted once, then placed and counted."""
    counting = discount(results)
    a8 = attainment8(counting.counted)
    progress = pupil_progress8(a8, estimates.for_pupil(prior)) if prior and estimates else None
    counted = counting.counted
    return PupilMeasures(
        upn, counted, counting.discounted, a8, ebacc(counted), basics(counted), prior, progress
    )


def with_progress8(pupil: PupilMeasures, estimates: Estimates | None) -> PupilMeasures:
    """The pupil measured against `estimates` (as a national cohort is, once its own estimates are built);
    unchanged without prior attainment or estimates, or when the estimates are on another baseline."""
    if pupil.prior is None or estimates is None or pupil.prior.baseline is not estimates.baseline:
        return pupil
    return replace(pupil, progress8=pupil_progress8(pupil.attainment8, estimates.for_pupil(pupil.prior)))
