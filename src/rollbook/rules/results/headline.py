"""A school's (or a pupil group's) headline KS4 figures from its pupils' measures (docs/ks4-measures.md).

Rates are percentages of all the pupils given, unrounded; averages are means over all of them, a pupil
with no results counting 0. Progress 8 is shown only where the DfE publishes it for the cohort and only
over pupils with prior attainment.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from rollbook.rules.results.progress8 import (
    Progress8Status,
    SchoolProgress8,
    progress8_status,
    school_progress8,
)
from rollbook.rules.results.pupil_measures import PupilMeasures


@dataclass(frozen=True)
class Headline:
    pupils: int
    attainment8: float
    attainment8_english: float
    attainment8_maths: float
    attainment8_ebacc: float
    attainment8_open: float
    ebacc_entry_rate: float
    ebacc_aps: float
    ebacc_4_rate: float
    ebacc_5_rate: float
    basics_4_rate: float
    basics_5_rate: float
    progress8_status: Progress8Status
    progress8: SchoolProgress8 | None


def headline(
    pupils: Sequence[PupilMeasures], cohort_year: int, sigma: float | None = None
) -> Headline | None:
    """The headline figures; P8 needs `sigma`, the national standard deviation of pupils' scores for the
    cohort. None with no pupils."""
    if not pupils:
        return None

    def mean(values) -> float:
        return statistics.fmean(values)

    def rate(flags) -> float:
        return 100 * mean(map(bool, flags))

    status = progress8_status(cohort_year)
    measured = [p.progress8 for p in pupils if p.progress8 is not None]
    progress = school_progress8(measured, sigma) if status.published and sigma is not None else None
    return Headline(
        pupils=len(pupils),
        attainment8=mean(p.attainment8.total for p in pupils),
        attainment8_english=mean(p.attainment8.english for p in pupils),
        attainment8_maths=mean(p.attainment8.maths for p in pupils),
        attainment8_ebacc=mean(p.attainment8.ebacc for p in pupils),
        attainment8_open=mean(p.attainment8.open for p in pupils),
        ebacc_entry_rate=rate(p.ebacc.entered for p in pupils),
        ebacc_aps=mean(p.ebacc.average_point_score for p in pupils),
        ebacc_4_rate=rate(p.ebacc.achieved_4 for p in pupils),
        ebacc_5_rate=rate(p.ebacc.achieved_5 for p in pupils),
        basics_4_rate=rate(p.basics.achieved_4 for p in pupils),
        basics_5_rate=rate(p.basics.achieved_5 for p in pupils),
        progress8_status=status,
        progress8=progress,
    )
