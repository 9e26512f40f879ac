"""Rollbook value added over the lake: each KS4 pupil's scores on the other baselines their school holds
(baseline.csv), the estimates each baseline gives from the national cohort Rollbook holds (built at publish,
kept with the year's national figures), and a school's pupils measured against them with the school's
figure and its interval (rules/results/value_added.py; docs/ks4-measures.md, "Rollbook value added").

It is Rollbook's own measure, never Progress 8: reports show it apart from the headline measures, under
the rule's LABEL."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from typing_extensions import TypedDict

from rollbook.analytics import engine as engines
from rollbook.lake import Lake
from rollbook.rules.results.pupil_groups import Ks4Pupil
from rollbook.rules.results.value_added import (
    BAND_PUPILS,
    LABEL,
    ValueAddedEstimates,
    build_value_added,
    pupil_value_added,
    school_value_added,
)
from rollbook.rules.years import KS4_YEAR

#: A baseline gives estimates only when this many of the national cohort have a score on it: as many as one
#: band needs, so a baseline held by one school's handful of pupils is never a "national" measure.
MIN_PUPILS = BAND_PUPILS

#: Each pupil's scores by baseline name, by (school, UPN).
Scores = dict[tuple[int, str], dict[str, float]]


class PupilValueAdded(TypedDict):
    score: float
    #: The mean A8 nationally of pupils in the score's band; None where the baseline has no estimates.
    estimate: float | None
    value_added: float | None


class Ks4ValueAdded(TypedDict):
    """A school's Rollbook value added from one baseline: never Progress 8."""

    baseline: str
    #: What every report calls it: "Rollbook value added (not Progress 8)".
    label: str
    calculated: bool
    #: On what it is measured, or why it is not.
    reason: str
    #: The school's KS4 pupils with a score on the baseline.
    pupils: int
    value_added: float | None
    ci_low: float | None
    ci_high: float | None
    #: "significantly above", "significantly below" or "in line" with the national cohort's (0).
    significance: str | None


def baseline_scores(
    lake: Lake, schools: Collection[int], academic_year: int, engine: str | None = None
) -> Scores:
    """The baseline scores of each school's Year 11 pupils of the year."""
    schools, years = sorted(set(schools)), [academic_year]
    if not lake.files("baselines", years):  # most years of most lakes: no need to read the pupils
        return {}
    pupils = engines.pupils(lake, schools, years, engine)
    held = engines.lake_table(lake, "baselines", schools, years, engine)
    expr = held.semi_join(pupils.filter(pupils.nc_year == KS4_YEAR), ["school", "upn"]).select(
        "school", "upn", "baseline", "score"
    )
    rows = engines.run(expr, engine) if len(schools) == 1 else engines.arrow(expr, engine).to_pylist()
    found: Scores = {}
    for row in rows:
        found.setdefault((row["school"], row["upn"]), {})[row["baseline"]] = float(row["score"])
    return found


def national_value_added(
    lake: Lake, cohorts: Mapping[int, Sequence[Ks4Pupil]], academic_year: int, engine: str | None = None
) -> dict[str, ValueAddedEstimates]:
    """Each baseline's estimates from the national cohort (every school's measured pupils), for the
    baselines at least MIN_PUPILS of its pupils have a score on."""
    scores = baseline_scores(lake, cohorts, academic_year, engine)
    pairs: dict[str, list[tuple[float, float]]] = {}
    for school, pupils in cohorts.items():
        for pupil in pupils:
            for baseline, score in scores.get((school, pupil.upn), {}).items():
                pairs.setdefault(baseline, []).append((score, pupil.measures.attainment8.total))
    return {
        baseline: build_value_added(found, baseline)
        for baseline, found in sorted(pairs.items())
        if len(found) >= MIN_PUPILS
    }


def estimates_from_json(found: Mapping[str, dict]) -> dict[str, ValueAddedEstimates]:
    """The estimates as a national file keeps them (dataclasses.asdict), read back."""
    return {
        baseline: ValueAddedEstimates(
            each["baseline"], tuple(map(tuple, each["bands"])), each["sigma"], each["label"]
        )
        for baseline, each in found.items()
    }


def school_figures(
    lake: Lake,
    school: int,
    academic_year: int,
    pupils: Sequence[Ks4Pupil],
    estimates: Mapping[str, ValueAddedEstimates],
) -> tuple[list[Ks4ValueAdded], dict[str, dict[str, PupilValueAdded]]]:
    """The school's value added from each baseline its KS4 pupils have scores on (name order), and each
    pupil's (UPN -> baseline -> figures), against the national `estimates`."""
    scores = baseline_scores(lake, [school], academic_year)
    each: dict[str, dict[str, PupilValueAdded]] = {}
    for pupil in pupils:
        for baseline, score in scores.get((school, pupil.upn), {}).items():
            each.setdefault(pupil.upn, {})[baseline] = _pupil(score, pupil, estimates.get(baseline))
    names = sorted({baseline for held in each.values() for baseline in held})
    figures = [
        _school(
            baseline, [held[baseline] for held in each.values() if baseline in held], len(pupils), estimates
        )
        for baseline in names
    ]
    return figures, each


def _pupil(score: float, pupil: Ks4Pupil, estimates: ValueAddedEstimates | None) -> PupilValueAdded:
    if estimates is None:
        return PupilValueAdded(score=score, estimate=None, value_added=None)
    a8 = pupil.measures.attainment8.total
    return PupilValueAdded(
        score=score, estimate=estimates.estimate(score), value_added=pupil_value_added(score, a8, estimates)
    )


def _school(
    baseline: str, pupils: list[PupilValueAdded], cohort: int, estimates: Mapping[str, ValueAddedEstimates]
) -> Ks4ValueAdded:
    found = estimates.get(baseline)
    measured = school_value_added([p["value_added"] for p in pupils], found) if found else None  # type: ignore[misc]
    if measured is None:
        return Ks4ValueAdded(
            baseline=baseline, label=LABEL, calculated=False, pupils=len(pupils), value_added=None,
            ci_low=None, ci_high=None, significance=None,
            reason=f"Fewer than {MIN_PUPILS} pupils of the national cohort Rollbook holds had a {baseline} "
            "score when it last published, so there are no estimates to measure against.",
        )  # fmt: skip
    low, high = measured.ci_low, measured.ci_high
    return Ks4ValueAdded(
        baseline=baseline,
        label=LABEL,
        calculated=True,
        reason=f"Measured for {len(pupils)} of {cohort} pupils (those with a {baseline} score) against the "
        f"mean Attainment 8 of pupils in the national cohort Rollbook holds with a similar {baseline} score. "
        "Rollbook's own measure: the DfE's Progress 8 is measured from KS2.",
        pupils=len(pupils),
        value_added=measured.value_added,
        ci_low=low,
        ci_high=high,
        significance="significantly above" if low > 0 else "significantly below" if high < 0 else "in line",
    )
