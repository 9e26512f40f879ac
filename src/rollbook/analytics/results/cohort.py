"""KS4 cohorts read from the lake: each Year 11 pupil's results, KS2 prior attainment, pupil groups and
absence in the year of their exams, measured by the KS4 rules (docs/ks4-measures.md).

The engine reads and joins the lake's tables (DuckDB here, Spark at scale, through the same Ibis code);
the rules then place each pupil's results in their Attainment 8 slots, which is one pupil's few rows of
work and where every figure's definition lives.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal

from rollbook.analytics import engine as engines
from rollbook.analytics.attendance.sessions import attended_and_absent, enrolment_sessions, enrolment_tallies
from rollbook.analytics.filters import Filters
from rollbook.lake import Lake
from rollbook.rules.attendance.measures import is_persistent_absentee
from rollbook.rules.periods import whole_year
from rollbook.rules.results.exam_result import ExamResult, held_result
from rollbook.rules.results.prior_attainment import Baseline, PriorAttainment, prior_attainment
from rollbook.rules.results.progress8 import Estimates
from rollbook.rules.results.pupil_groups import Ks4Pupil
from rollbook.rules.results.pupil_measures import measure_pupil, with_progress8
from rollbook.rules.years import KS4_YEAR


@dataclass(frozen=True)
class Cohort:
    """One school's KS4 cohort of one academic year (2024 is 2024/25)."""

    school: int
    academic_year: int
    pupils: tuple[Ks4Pupil, ...]

    @property
    def with_results(self) -> bool:
        return any(pupil.measures.counted or pupil.measures.discounted for pupil in self.pupils)


def years_with_results(lake: Lake, school: int) -> list[int]:
    """The academic years for which the lake holds results for the school, oldest first."""
    return sorted({key.academic_year for key in lake.partitions("results", school)})


def schools_with_results(lake: Lake, academic_year: int) -> list[int]:
    return sorted({key.school for key in lake.partitions("results") if key.academic_year == academic_year})


def cohorts(
    lake: Lake,
    schools: Collection[int],
    academic_year: int,
    estimates: Estimates | None = None,
    engine: str | None = None,
) -> list[Cohort]:
    """Each school's Year 11 pupils of the year, measured (P8 against `estimates`, where given), in the
    order of `schools`; a school holding no Year 11 pupils has an empty cohort."""
    schools, years = sorted(set(schools)), [academic_year]
    pupils = engines.pupils(lake, schools, years, engine)
    pupils = pupils.filter(pupils.nc_year == KS4_YEAR)
    results = engines.lake_table(lake, "results", schools, years, engine)
    prior = engines.lake_table(lake, "prior_attainment", schools, years, engine)
    fetch = engines.run if len(schools) == 1 else fetch_unremembered
    pupil_rows = fetch(
        pupils.select("school", "upn", "forename", "surname", "sex", "fsm6", "sen", "eal", "reg_group"),
        engine,
    )
    result_rows = fetch(
        results.semi_join(pupils, ["school", "upn"]).select(
            "school", "upn", "subject", "qualification", "grade", "exam_series"
        ),
        engine,
    )
    prior_rows = fetch(
        prior.semi_join(pupils, ["school", "upn"]).select(
            "school", "upn", "baseline", "ks2_reading", "ks2_maths"
        ),
        engine,
    )
    absence = absence_in_year(lake, schools, academic_year, fetch, engine)
    held: dict[tuple[int, str], list[ExamResult]] = {}
    # In the lake's own order (subject, qualification, series, grade), so that which of two equal results
    # counts never depends on how the engine returned them (the engine's measures read the same order).
    for row in sorted(result_rows, key=_lake_order):
        held.setdefault((row["school"], row["upn"]), []).append(
            _result(row["subject"], row["qualification"], row["grade"], academic_year, row["exam_series"])
        )
    priors = {
        (row["school"], row["upn"]): held_prior(row["ks2_reading"], row["ks2_maths"], row["baseline"])
        for row in prior_rows
    }
    by_school: dict[int, list[Ks4Pupil]] = {school: [] for school in schools}
    for row in sorted(pupil_rows, key=lambda row: (row["school"], row["upn"])):
        key = (row["school"], row["upn"])
        missed = absence.get(key)
        by_school[row["school"]].append(
            Ks4Pupil(
                upn=row["upn"],
                name=display_name(row),
                sex=row["sex"],
                fsm6=row["fsm6"],
                sen=row["sen"],
                eal=row["eal"],
                reg_group=row["reg_group"],
                absence=missed[0] / missed[1] if missed and missed[1] else None,
                persistently_absent=is_persistent_absentee(*missed) if missed and missed[1] else None,
                measures=with_progress8(
                    measure_pupil(row["upn"], held.get(key, ()), priors.get(key)), estimates
                ),
            )
        )
    return [Cohort(school, academic_year, tuple(by_school[school])) for school in schools]


def cohort(
    lake: Lake, school: int, academic_year: int, estimates: Estimates | None = None, engine: str | None = None
) -> Cohort:
    return cohorts(lake, [school], academic_year, estimates, engine)[0]


def absence_in_year(lake, schools, academic_year, fetch, engine) -> dict[tuple[int, str], tuple[int, int]]:
    """Each Year 11 pupil's sessions missed and possible in the year, over all their enrolments there."""
    sessions = enrolment_sessions(
        lake, schools, whole_year(academic_year), Filters(year_groups=KS4_YEAR), engine
    )
    tallied = enrolment_tallies(sessions, ())
    attended, absent = attended_and_absent(tallied)
    per_pupil = (
        tallied.mutate(absent=absent, possible=attended + absent)
        .group_by(["school", "upn"])
        .aggregate(absent=lambda t: t.absent.sum(), possible=lambda t: t.possible.sum())
    )
    return {(row["school"], row["upn"]): (row["absent"], row["possible"]) for row in fetch(per_pupil, engine)}


def _lake_order(row: dict) -> tuple:
    return (row["subject"], row["qualification"], row["exam_series"] or dt.date.min, row["grade"])


def fetch_unremembered(expr, engine) -> list[dict]:
    """A national read is too big to keep among a web process's remembered results."""
    return engines.arrow(expr, engine).to_pylist()


def display_name(row: dict) -> str:
    return ", ".join(part for part in (row["surname"], row["forename"]) if part) or row["upn"]


@functools.lru_cache(maxsize=4096)
def _result(subject: str, qualification: str, grade: str, academic_year: int, series) -> ExamResult:
    return held_result(subject, qualification, grade, academic_year, series)


@functools.lru_cache(maxsize=8192)
def held_prior(reading: Decimal, maths: Decimal, baseline: str) -> PriorAttainment:
    return prior_attainment(reading, maths, Baseline(baseline))
