"""A school's KS4 figures beside national: its cohort measured against the published national estimates,
its headline measures and pupil groups for one year or several together, each with its gap from national,
the size shaded and significance given apart (docs/ks4-measures.md, "Ks4Beside national")."""

from __future__ import annotations

import math
import statistics
import threading
from collections.abc import Sequence

import cachetools
from typing_extensions import TypedDict

from rollbook.analytics.results.cohort import Cohort, cohort
from rollbook.analytics.results.figures import Ks4Measures, measures
from rollbook.analytics.results.national import Published
from rollbook.lake import Lake
from rollbook.rules.comparison import CRITICAL_Z, shade, share_differs
from rollbook.rules.results.headline import headline
from rollbook.rules.results.progress8 import banding, progress8_status
from rollbook.rules.results.pupil_groups import Ks4Pupil, measures_of

#: Ks4Measures that are a share of pupils, tested as a proportion against national.
RATES = ("basics_4_rate", "basics_5_rate", "ebacc_entry_rate", "ebacc_4_rate", "ebacc_5_rate")
#: Ks4Measures that are a mean per pupil, tested with the school's own spread.
MEANS = ("attainment8", "ebacc_aps", "attainment8_english", "attainment8_maths", "attainment8_ebacc",
         "attainment8_open")  # fmt: skip


class Ks4Gap(TypedDict):
    difference: float
    #: The shading's CSS class: green when better than national, red when worse, deeper as the gap grows.
    shade: str
    #: "significantly above", "significantly below" or "in line" (None where it cannot be tested).
    significance: str | None


class Progress8Figures(TypedDict):
    calculated: bool
    #: Why not, or on what it is measured.
    reason: str
    band: str | None
    capped_pupils: int
    pupils_with_prior: int


class Ks4Beside(TypedDict):
    measures: Ks4Measures
    national: Ks4Measures | None
    gaps: dict[str, Ks4Gap]
    progress8: Progress8Figures


#: Measured cohorts kept per process. A page's reports and its trend measure the same cohorts again and
#: again, and a cohort changes only with the school's lake files or the national figures it is measured
#: against, which are both in the key; 32 cohorts of a few hundred pupils are a few tens of megabytes.
_measured: cachetools.LRUCache = cachetools.LRUCache(maxsize=32)
_measured_lock = threading.Lock()


def forget_measured() -> None:
    """Forget every kept cohort, so the next reports measure afresh (for benchmarks)."""
    with _measured_lock:
        _measured.clear()


def measured(lake: Lake, school: int, academic_year: int, published: Published | None) -> Cohort:
    """The school's cohort measured against the national estimates it is set beside (none: no P8)."""
    estimates = published.national.estimates if published else None
    key = (str(lake.root), school, academic_year, lake.version(school), estimates)
    with _measured_lock:
        found = _measured.get(key)
    if found is None:
        found = cohort(lake, school, academic_year, estimates)
        with _measured_lock:
            _measured[key] = found
    return found


def beside(
    pupils: Sequence[Ks4Pupil], academic_year: int, published: Published | None, national: Ks4Measures | None
) -> Ks4Beside | None:
    """A set of pupils' measures beside `national` (the same group nationally); None with no pupils."""
    sigma = published.national.sigma if published else None
    found = headline(measures_of(pupils), academic_year, sigma)
    if found is None:
        return None
    ours = measures(found)
    status = progress8_status(academic_year)
    progress = found.progress8
    reason = status.reason
    if status.published and progress is None:
        reason = "No national estimates are published for this year yet, so Progress 8 cannot be worked out."
        if published and published.national.estimates:
            reason = "None of these pupils has KS2 prior attainment to measure progress from."
    return Ks4Beside(
        measures=ours,
        national=national,
        gaps=gaps(ours, national, pupils) if national else {},
        progress8=Progress8Figures(
            calculated=progress is not None,
            reason=reason,
            band=banding(progress.progress8, progress.ci_low, progress.ci_high).label if progress else None,
            capped_pupils=progress.capped_pupils if progress else 0,
            pupils_with_prior=sum(p.measures.prior is not None for p in pupils),
        ),
    )


def gaps(ours: Ks4Measures, national: Ks4Measures, pupils: Sequence[Ks4Pupil]) -> dict[str, Ks4Gap]:
    """Each measure's gap from national: its size shaded, and whether it is more than chance explains."""
    found: dict[str, Ks4Gap] = {}
    for key in (*RATES, *MEANS):
        school, theirs = ours[key], national[key]  # type: ignore[literal-required]
        if theirs is None:
            continue
        found[key] = Ks4Gap(
            difference=school - theirs,
            shade=shade(key, school, theirs).css_class,
            significance=_significance(key, school, theirs, pupils),
        )
    if ours["progress8"] is not None:
        low, high = ours["progress8_ci_low"], ours["progress8_ci_high"]
        against = national["progress8"] or 0.0
        found["progress8"] = Ks4Gap(
            difference=ours["progress8"] - against,
            shade=_progress8_shade(ours["progress8"] - against),
            significance="significantly above"
            if low > against
            else "significantly below"
            if high < against
            else "in line",  # fmt: skip
        )
    return found


def _significance(key: str, school: float, national: float, pupils: Sequence[Ks4Pupil]) -> str | None:
    if key in RATES:
        count = round(school * len(pupils) / 100)
        _, differs = share_differs(count, len(pupils), national)
    else:
        values = [_mean_value(key, p) for p in pupils]
        if len(values) < 2:
            return None
        spread = statistics.stdev(values) / math.sqrt(len(values))
        differs = spread > 0 and abs(school - national) / spread >= CRITICAL_Z
    if not differs:
        return "in line"
    return "significantly above" if school > national else "significantly below"


def _mean_value(key: str, pupil: Ks4Pupil) -> float:
    a8 = pupil.measures.attainment8
    if key == "ebacc_aps":
        return pupil.measures.ebacc.average_point_score
    return {"attainment8": a8.total, "attainment8_english": a8.english, "attainment8_maths": a8.maths,
            "attainment8_ebacc": a8.ebacc, "attainment8_open": a8.open}[key]  # fmt: skip


def _progress8_shade(gap: float) -> str:
    """P8 is a grade a subject: a tenth of a grade is worth shading, a half is deep."""
    depth = sum(abs(gap) >= bound for bound in (0.1, 0.25, 0.5))
    if not depth:
        return ""
    return f"shade-{'better' if gap > 0 else 'worse'}-{depth}"
