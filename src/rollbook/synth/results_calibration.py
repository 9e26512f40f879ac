"""How synthetic results compare with the DfE's 2019 national KS4 figures and the real spread of schools.

`measure` reads each school's written rows back through the rules, as the importer will, and `compare`
sets each figure beside its target and the tolerance it is held to. Targets: state-funded schools 2018/19
(EES, final), the pupil spread of P8 in the 2019 published intervals (sigma 1.283) and the spread of school
Attainment 8 among the 3,190 mainstream state-funded schools of the 2019 provisional file.
"""

from __future__ import annotations

import functools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from rollbook.rules.results.exam_result import ExamResult, exam_result
from rollbook.rules.results.headline import Headline, headline
from rollbook.rules.results.prior_attainment import Baseline, PriorAttainment, prior_attainment
from rollbook.rules.results.progress8 import build_estimates, national_sigma
from rollbook.rules.results.pupil_measures import PupilMeasures, measure_pupil, with_progress8
from rollbook.synth.calibration import Target
from rollbook.synth.results import SchoolResults
from rollbook.synth.school_year import SchoolYear

COHORT_YEAR = 2018
TARGETS = (
    Target("Attainment 8", 46.7, 45.7, 47.7, "EES 2018/19"),
    Target("English and maths 4+ %", 64.6, 62.6, 66.6, "EES 2018/19"),
    Target("English and maths 5+ %", 43.2, 41.2, 45.2, "EES 2018/19"),
    Target("EBacc entry %", 40.0, 37.5, 42.5, "EES 2018/19"),
    Target("EBacc APS", 4.07, 3.92, 4.22, "EES 2018/19"),
    Target("EBacc 4+ %", 24.9, 21.9, 27.9, "EES 2018/19"),
    Target("EBacc 5+ %", 17.1, 11.1, 23.1, "EES 2018/19; our weakest fit, about 22"),
    Target("entering English and maths %", 97.0, 95.5, 98.5, "EES 2018/19"),
    Target("disadvantaged A8 gap", 13.6, 10.6, 16.6, "EES 2018/19: 50.3 vs 36.7"),
    Target("boys' A8 below all pupils", 2.7, 1.7, 3.7, "EES 2018/19: boys 44.0, all 46.7"),
    Target("pupil P8 standard deviation", 1.283, 1.15, 1.42, "2019 intervals"),
    Target("pupils with KS2 %", 94.5, 92.5, 96.5, "2019 provisional: P8PUP 513,055 of 542,831"),
    Target("school A8 standard deviation", 8.99, 7.2, 10.8, "2019 mainstream schools"),
    Target("school A8 10th percentile", 37.1, 34.1, 40.1, "2019 mainstream schools"),
    Target("school A8 90th percentile", 57.0, 54.0, 60.0, "2019 mainstream schools"),
)


@dataclass(frozen=True)
class Measured:
    schools: list[list[PupilMeasures]]
    headlines: list[Headline]
    national: Headline
    sigma: float


@functools.cache
def _result(subject: str, qualification: str, grade: str) -> ExamResult:
    return exam_result(subject, qualification, grade, COHORT_YEAR)


@functools.cache
def _prior(reading: str, maths: str) -> PriorAttainment:
    return prior_attainment(reading, maths, Baseline.FINE_LEVELS)


def measure(schools: Sequence[SchoolResults]) -> Measured:
    """Every Year 11 pupil's measures (with P8 against estimates built from this cohort), by school."""
    measured = []
    for school in schools:
        rows: dict[str, list[ExamResult]] = {upn: [] for upn in school.year_11}
        for row in school.results:
            rows[row.upn].append(_result(row.subject, row.qualification, row.grade))
        priors = {upn: _prior(reading, maths) for upn, reading, maths in school.prior if upn in rows}
        measured.append([measure_pupil(upn, results, priors.get(upn)) for upn, results in rows.items()])
    everyone = [pupil for school in measured for pupil in school]
    estimates = build_estimates(((p.prior, p.attainment8) for p in everyone if p.prior), COHORT_YEAR)
    with_p8 = [[with_progress8(p, estimates) for p in school] for school in measured]
    sigma = national_sigma(p.progress8.progress8 for school in with_p8 for p in school if p.progress8)
    everyone = [pupil for school in with_p8 for pupil in school]
    return Measured(
        with_p8,
        [headline(school, COHORT_YEAR, sigma) for school in with_p8 if school],
        headline(everyone, COHORT_YEAR, sigma),
        sigma,
    )


def compare(measured: Measured, school_years: Sequence[SchoolYear]) -> list[tuple[Target, float]]:
    """Each target with the synthetic figure; `school_years` are the schools measured, in order."""
    national = measured.national
    everyone = [(p, i) for i, school in enumerate(measured.schools) for p in school]
    fsm6 = [set(year.pupils.upn[year.pupils.fsm6]) for year in school_years]
    boys = [set(year.pupils.upn[year.pupils.sex == "M"]) for year in school_years]
    disadvantaged = [p.attainment8.total for p, i in everyone if p.upn in fsm6[i]]
    others = [p.attainment8.total for p, i in everyone if p.upn not in fsm6[i]]
    boys_a8 = [p.attainment8.total for p, i in everyone if p.upn in boys[i]]
    school_a8 = [h.attainment8 for h in measured.headlines]
    figures = {
        "Attainment 8": national.attainment8,
        "English and maths 4+ %": national.basics_4_rate,
        "English and maths 5+ %": national.basics_5_rate,
        "EBacc entry %": national.ebacc_entry_rate,
        "EBacc APS": national.ebacc_aps,
        "EBacc 4+ %": national.ebacc_4_rate,
        "EBacc 5+ %": national.ebacc_5_rate,
        "entering English and maths %": 100 * statistics.fmean(p.basics.entered for p, _ in everyone),
        "disadvantaged A8 gap": statistics.fmean(others) - statistics.fmean(disadvantaged),
        "boys' A8 below all pupils": national.attainment8 - statistics.fmean(boys_a8),
        "pupil P8 standard deviation": measured.sigma,
        "pupils with KS2 %": 100 * statistics.fmean(p.prior is not None for p, _ in everyone),
        "school A8 standard deviation": statistics.pstdev(school_a8),
        "school A8 10th percentile": float(np.quantile(school_a8, 0.1)),
        "school A8 90th percentile": float(np.quantile(school_a8, 0.9)),
    }
    return [(target, float(figures[target.name])) for target in TARGETS]
