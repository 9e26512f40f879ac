"""A school's figures as the areas-of-interest sentences read them (rules/insight/figures.py), from the lake
and the published national figures: its characteristics and year groups, its KS4 measures, its EBacc subject
areas' value added, its subjects and its absence, each with its quintile among every school held (and, for
absence, among schools with a similar level of deprivation), its national value and interval where it has
them, and the same figure in the years before (docs/curriculum-and-insight.md, "Figures").

The figures of every school that a school is ranked among are those published with the national figures
(subjects.py); the school's own are read from the lake (characteristics.py for its characteristics and
absence).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from rollbook.analytics.results import characteristics, curriculum
from rollbook.analytics.results.national import Published
from rollbook.analytics.results.school import beside
from rollbook.analytics.results.subjects import ELEMENTS, SubjectsNational
from rollbook.lake import Lake
from rollbook.rules.insight.figures import Figure
from rollbook.rules.insight.quintiles import quintile
from rollbook.rules.results.entries import ebacc_barrier
from rollbook.rules.results.headline import headline
from rollbook.rules.results.progress8 import confidence_interval
from rollbook.rules.results.pupil_groups import Ks4Pupil, measures_of
from rollbook.rules.results.subject_attainment import subject_attainment
from rollbook.rules.results.subject_value_added import school_value_added

#: The KS4 headline measures the sentences read, by the names they read them as.
KS4 = {"attainment8": "attainment8", "basics_5": "basics_5_rate", "ebacc_entry": "ebacc_entry_rate",
       "ebacc_aps": "ebacc_aps"}  # fmt: skip


@dataclass(frozen=True)
class YearHeld:
    """What one year's figures are worked out from: the school's KS4 cohort (measured against the national
    estimates) and the national figures it is set beside."""

    academic_year: int
    pupils: Sequence[Ks4Pupil]
    published: Published | None
    subjects: SubjectsNational | None
    #: The pupils' scores on the baselines the school supplies (UPN -> baseline -> score).
    scores: Mapping[str, Mapping[str, float]] = field(default_factory=dict)


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
    national = held.subjects
    among = national.school_figures if national else {}
    found: list[Figure] = [*_context(lake, school, year, among), *_absence(lake, school, year, national)]

    def ranked(measure: str, item: str | None, value: float, pupils: int, **more) -> Figure:
        placed = _ranked(among, measure, item or "", value)
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
            found += [ranked("element_progress8", name, value, pupils, national=0.0, interval=interval)
                      for name, value, pupils, interval in _elements(held, national)]  # fmt: skip
    _, area_residuals = curriculum.year_residuals(held.pupils, national, year, held.scores)
    for area, value in school_value_added(area_residuals).items():
        found.append(ranked("area_value_added", area, value.value_added, value.entrants, national=0.0,
                            interval=(value.ci_low, value.ci_high)))  # fmt: skip
    measured = measures_of(held.pupils)
    for subject, attained in subject_attainment(measured).items():
        found.append(ranked("subject_aps", subject, attained.average_points, attained.entrants,
                            national=national.subject_points.get(subject) if national else None))  # fmt: skip
        share = 100 * attained.entrants / len(measured)
        national_share = national.entries.subject_share(subject) if national else None
        found.append(ranked("subject_entry", subject, share, len(measured), national=national_share))
    barrier = ebacc_barrier(measured) if measured else None
    if barrier is not None:
        national_share = national.entries.area_share(barrier.area) if national else None
        found.append(Figure("ebacc_barrier", year, barrier.entries.share, len(measured), str(barrier.area),
                            national=national_share))  # fmt: skip
    return {(figure.measure, figure.item): figure for figure in found}


def _elements(
    held: YearHeld, national: SubjectsNational | None
) -> list[tuple[str, float, int, tuple[float, float]]]:
    """Each Progress 8 element's school score, its pupils and its 95% interval, from the national spread of
    pupils' scores in that element as overall Progress 8's is from theirs."""
    sigma = held.published.national.sigma if held.published else None
    school = headline(measures_of(held.pupils), held.academic_year, sigma)
    progress = school.progress8 if school else None
    spread = national.element_sigma if national else {}
    if progress is None:
        return []
    return [
        (name, value, progress.pupils, confidence_interval(value, progress.pupils, spread[name]))
        for key, name in ELEMENTS.items()
        if name in spread and (value := getattr(progress, key)) is not None
    ]


def _context(lake: Lake, school: int, year: int, among: dict[str, dict[str, list[float]]]) -> list[Figure]:
    """The roll, the FSM6, EAL, SEN support and EHC plan shares, and each year group's roll, each ranked
    among every school's published with the national figures."""
    ours = characteristics.rolls(lake, [school], year).get(school)
    if ours is None:
        return []
    found = [
        Figure(
            measure, year, ours[measure], ours["roll"], quintile=_ranked(among, measure, "", ours[measure])
        )
        for measure in characteristics.CONTEXT
    ]
    groups = characteristics.year_group_rolls(lake, [school], year).get(school, {})
    for nc_year, pupils in sorted(groups.items()):
        placed = _ranked(among, "year_group_roll", str(nc_year), pupils)
        found.append(Figure("year_group_roll", year, pupils, pupils, str(nc_year), quintile=placed))
    return found


def _ranked(among: dict[str, dict[str, list[float]]], measure: str, item: str, value: float) -> int | None:
    """The value's quintile among every school's figures for the measure and item (None without them)."""
    schools = among.get(measure, {}).get(item, [])
    return quintile(value, schools) if schools else None


def _absence(lake: Lake, school: int, year: int, national: SubjectsNational | None) -> list[Figure]:
    """Overall absence and the persistent absence rate over the year, each ranked among every school with
    registers that year and among the schools of its FSM6 quintile."""
    missed = characteristics.absence(lake, [school], year).get(school)
    if missed is None:
        return []
    among = national.school_figures if national else {}
    ours = characteristics.rolls(lake, [school], year).get(school)
    similar = _ranked(among, "fsm6", "", ours["fsm6"]) if ours else None
    found = []
    for measure in characteristics.ABSENCE:
        value = missed[measure]
        if value is None:
            continue
        alike = _ranked(among, measure + characteristics.SIMILAR, str(similar), value) if similar else None
        found.append(Figure(measure, year, value, missed["pupils"],
                            national=national.national_absence.get(measure) if national else None,
                            quintile=_ranked(among, measure, "", value), similar_quintile=alike))  # fmt: skip
    return found
