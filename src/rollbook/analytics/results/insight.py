"""A school's figures as the areas-of-interest sentences read them (rules/insight/figures.py), from the lake
and the published national figures: its characteristics and year groups, its KS4 measures, its EBacc subject
areas' value added, its subjects and its absence, each with its quintile among every school held (and, for
absence, among schools with a similar level of deprivation), its national value and interval where it has
them, and the same figure in the years before (docs/curriculum-and-insight.md, "Figures").

**Decision:** "schools with a similar level of deprivation" are the schools in the same FSM6 quintile, the
only deprivation measure every school holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import ibis

from rollbook.analytics import engine as engines
from rollbook.analytics.attendance.sessions import measures as attendance_measures
from rollbook.analytics.results import curriculum
from rollbook.analytics.results.national import Published
from rollbook.analytics.results.school import beside
from rollbook.analytics.results.subjects import SubjectsNational
from rollbook.lake import Lake
from rollbook.rules.insight.figures import Figure
from rollbook.rules.insight.quintiles import quintile
from rollbook.rules.periods import whole_year
from rollbook.rules.results.entries import ebacc_barrier
from rollbook.rules.results.pupil_groups import Ks4Pupil, measures_of
from rollbook.rules.results.subject_attainment import subject_attainment
from rollbook.rules.results.subject_value_added import school_value_added

#: The KS4 headline measures the sentences read, by the names they read them as.
KS4 = {"attainment8": "attainment8", "basics_5": "basics_5_rate", "ebacc_entry": "ebacc_entry_rate",
       "ebacc_aps": "ebacc_aps"}  # fmt: skip
CONTEXT = ("fsm6", "eal", "sen_support", "ehc_plan")
ABSENCE = {"overall_absence": "overall_absence_rate", "persistent_absence": "persistent_absence_rate"}


@dataclass(frozen=True)
class YearHeld:
    """What one year's figures are worked out from: the school's KS4 cohort (measured against the national
    estimates) and the national figures it is set beside."""

    academic_year: int
    pupils: Sequence[Ks4Pupil]
    published: Published | None
    subjects: SubjectsNational | None


def figures(lake: Lake, school: int, years: Sequence[YearHeld]) -> list[Figure]:
    """The school's figures for the latest of `years` (oldest first), each carrying its earlier years'."""
    by_year = [year_figures(lake, school, held) for held in years]
    latest = by_year[-1]
    earlier = by_year[:-1][::-1]
    return [
        replace(figure, earlier=tuple(then for found in earlier if (then := found.get(key)) is not None))
        for key, figure in latest.items()
    ]


def year_figures(lake: Lake, school: int, held: YearHeld) -> dict[tuple[str, str | None], Figure]:
    year = held.academic_year
    rolls = _rolls(lake, year)
    found: list[Figure] = [*_context(lake, school, year, rolls), *_absence(lake, school, year, rolls)]
    national = held.subjects
    among = national.school_figures if national else {}

    def ranked(measure: str, item: str | None, value: float, pupils: int, **more) -> Figure:
        schools = among.get(measure, {}).get(item or "", [])
        placed = quintile(value, schools) if schools else None
        return Figure(measure, year, value, pupils, item, quintile=placed, **more)

    ks4 = beside(
        held.pupils, year, held.published, held.published.national.measures if held.published else None
    )
    if ks4 is not None:
        ours, theirs = ks4["measures"], ks4["national"] or {}
        cohort = ours["pupils"]
        for measure, key in KS4.items():
            found.append(ranked(measure, None, ours[key], cohort, national=theirs.get(key)))  # type: ignore[literal-required]
        if ours["progress8"] is not None:
            found.append(ranked("progress8", None, ours["progress8"], ks4["progress8"]["pupils_with_prior"],
                                national=theirs.get("progress8") or 0.0,
                                interval=(ours["progress8_ci_low"], ours["progress8_ci_high"])))  # fmt: skip
    _, area_residuals = curriculum.year_residuals(held.pupils, national, year)
    for area, value in school_value_added(area_residuals).items():
        found.append(ranked("area_value_added", area, value.value_added, value.entrants, national=0.0,
                            interval=(value.ci_low, value.ci_high)))  # fmt: skip
    measured = measures_of(held.pupils)
    for subject, attained in subject_attainment(measured).items():
        found.append(ranked("subject_aps", subject, attained.average_points, attained.entrants,
                            national=national.subject_points.get(subject) if national else None))  # fmt: skip
        share = 100 * attained.entrants / len(measured)
        found.append(ranked("subject_entry", subject, share, len(measured),
                            national=national.subject_share(subject) if national else None))  # fmt: skip
    barrier = ebacc_barrier(measured) if measured else None
    if barrier is not None:
        found.append(Figure("ebacc_barrier", year, barrier.entries.share, len(measured), str(barrier.area),
                            national=national.area_share(barrier.area) if national else None))  # fmt: skip
    return {(figure.measure, figure.item): figure for figure in found}


def _context(lake: Lake, school: int, year: int, rolls: dict[int, dict[str, float]]) -> list[Figure]:
    """The roll, the FSM6, EAL, SEN support and EHC plan shares, and each year group's roll, each ranked
    among every school holding pupils that year."""
    if school not in rolls:
        return []
    ours = rolls[school]
    found = [Figure("roll", year, ours["roll"], ours["roll"], quintile=_among(rolls, "roll", ours["roll"]))]
    found += [
        Figure(measure, year, ours[measure], ours["roll"], quintile=_among(rolls, measure, ours[measure]))
        for measure in CONTEXT
    ]
    groups = _year_group_rolls(lake, year)
    for nc_year, pupils in sorted(groups.get(school, {}).items()):
        others = [found_rolls[nc_year] for found_rolls in groups.values() if nc_year in found_rolls]
        found.append(
            Figure("year_group_roll", year, pupils, pupils, str(nc_year), quintile=quintile(pupils, others))
        )
    return found


def _among(rolls: dict[int, dict[str, float]], measure: str, value: float) -> int:
    return quintile(value, [school[measure] for school in rolls.values()])


def _pupils(lake: Lake, year: int):
    schools = sorted({key.school for key in lake.partitions("pupils") if key.academic_year == year})
    return engines.pupils(lake, schools, [year]) if schools else None


def _rolls(lake: Lake, year: int) -> dict[int, dict[str, float]]:
    """Each school's roll in the year and its shares of pupils (percentages), from its census of pupils."""
    pupils = _pupils(lake, year)
    if pupils is None:
        return {}

    def share(condition) -> ibis.Value:
        return 100 * condition.cast("int64").mean()

    rows = engines.run(
        pupils.group_by("school").aggregate(
            roll=pupils.upn.nunique(),
            fsm6=share(pupils.fsm6.fill_null(False)),
            eal=share(pupils.eal.fill_null(False)),
            sen_support=share(pupils.sen == "K"),
            ehc_plan=share(pupils.sen == "E"),
        )
    )
    return {row.pop("school"): row for row in rows}


def _year_group_rolls(lake: Lake, year: int) -> dict[int, dict[int, int]]:
    pupils = _pupils(lake, year)
    if pupils is None:
        return {}
    found: dict[int, dict[int, int]] = {}
    for row in engines.run(pupils.group_by(["school", "nc_year"]).aggregate(pupils=pupils.upn.nunique())):
        if row["nc_year"] is not None:
            found.setdefault(row["school"], {})[row["nc_year"]] = row["pupils"]
    return found


def _absence(lake: Lake, school: int, year: int, rolls: dict[int, dict[str, float]]) -> list[Figure]:
    """Overall absence and the persistent absence rate over the year, each ranked among every school with
    registers that year and among the schools of its FSM6 quintile."""
    schools = sorted({key.school for key in lake.partitions("marks") if key.academic_year == year})
    if school not in schools:
        return []
    period = whole_year(year)
    rows = {row["school"]: row for row in attendance_measures(lake, schools, period, by=("school",))}
    if school not in rows:
        return []
    (everyone,) = attendance_measures(lake, schools, period)

    def fsm6_quintile(urn: int) -> int | None:
        return _among(rolls, "fsm6", rolls[urn]["fsm6"]) if urn in rolls else None

    mine = fsm6_quintile(school)
    found = []
    for measure, key in ABSENCE.items():
        values = {urn: float(row[key]) for urn, row in rows.items() if row[key] is not None}
        if school not in values:
            continue
        similar = [value for urn, value in values.items() if mine is not None and fsm6_quintile(urn) == mine]
        national = everyone[key]
        found.append(Figure(measure, year, values[school], int(rows[school]["pupils"]),
                            national=float(national) if national is not None else None,
                            quintile=quintile(values[school], list(values.values())),
                            similar_quintile=quintile(values[school], similar)))  # fmt: skip
    return found
