"""A school's curriculum figures beside national: entries in each subject and EBacc subject area, attainment
and value added in each, and relative performance against each subject's national difficulty
(docs/curriculum-and-insight.md). The school's pupils are measured by the rules (cohort.py), the national
figures are those published with the year's KS4 figures (subjects.py)."""

from __future__ import annotations

import dataclasses
import statistics
from collections.abc import Collection, Mapping, Sequence

from typing_extensions import TypedDict

from rollbook.analytics.results.subjects import GroupEntries, SubjectsNational, prior_groups, residuals_on
from rollbook.rules.results import subjects as catalogue
from rollbook.rules.results.ebacc import Area
from rollbook.rules.results.entries import (
    area_entries,
    ebacc_barrier,
    qualifications_per_pupil,
    subject_entries,
    subjects_per_pupil,
)
from rollbook.rules.results.pupil_groups import GROUPINGS, Ks4Pupil, group_of, measures_of
from rollbook.rules.results.relative_difficulty import hardest_first, relative_performance
from rollbook.rules.results.subject_attainment import subject_attainment
from rollbook.rules.results.subject_points import SubjectPoints, area_points, subject_points
from rollbook.rules.results.subject_value_added import (
    Residual,
    SubjectValueAdded,
    group_value_added,
    school_value_added,
    three_year_value_added,
)

AREAS = frozenset(str(area) for area in Area)


class SubjectEntry(TypedDict):
    #: A subject's key, or an EBacc subject area's name.
    subject: str
    name: str
    #: The EBacc subject area it counts in ("" outside the EBacc).
    area: str
    entrants: int
    #: The percentage of the whole cohort entered, and of the cohorts beside it (None where not shown).
    share: float
    national_share: float | None
    region_share: float | None
    similar_share: float | None


class BesideGroup(TypedDict):
    """A group of schools the entries are set beside: the school's region, or its similar schools."""

    kind: str
    name: str
    #: Its schools holding results in the years shown (most in any one year), and its pupils.
    schools: int
    pupils: int
    #: Whether it is shown: from at least `min_schools` schools (ROLLBOOK_MIN_COMPARATOR_SCHOOLS).
    shown: bool


class EBaccBarrierFigures(TypedDict):
    area: str
    #: Pupils not entered for the EBacc, of them those with no entry in the area, and those for whom it is
    #: the only area missing.
    not_entered: int
    missing: int
    only_missing: int
    share: float
    national_share: float | None


class EntryFigures(TypedDict):
    pupils: int
    beside: list[BesideGroup]
    subjects: list[SubjectEntry]
    areas: list[SubjectEntry]
    subjects_per_pupil: float
    qualifications_per_pupil: float
    barrier: EBaccBarrierFigures | None


class ValueAddedFigures(TypedDict):
    entrants: int
    value_added: float
    ci_low: float
    ci_high: float
    #: "significantly above", "significantly below" or "in line": apart from the size.
    significance: str
    years: list[int]
    label: str


class SubjectResults(TypedDict):
    subject: str
    name: str
    area: str
    entrants: int
    average_points: float | None
    national_points: float | None
    #: Percentages of entrants at 4+, 5+ and 7+ (None without 9-to-1 grades, or when hidden).
    grade_4: float | None
    grade_5: float | None
    grade_7: float | None
    value_added: ValueAddedFigures | None
    three_year: ValueAddedFigures | None
    #: Why the figures are not shown to this reader (too few entrants), or None.
    suppressed: str | None


class DifficultyRow(TypedDict):
    subject: str
    name: str
    #: In grades, above 0 harder: by own other subjects, and (the check) by subject pairs.
    difficulty: float
    pair_difficulty: float | None
    national_pupils: int
    #: The school's entrants (0: not taken here).
    entrants: int
    relative_performance: ValueAddedFigures | None


def name_of(subject: str) -> str:
    """A subject's name ("Mathematics"), or an EBacc subject area's ("English", "Science")."""
    found = catalogue.BY_KEY.get(subject)
    return found.name if found else subject[:1].upper() + subject[1:]


def area_of(subject: str) -> str:
    """The EBacc subject area a subject counts in (an area is its own), or "" outside the EBacc."""
    if subject in AREAS:
        return subject
    pillar = catalogue.BY_KEY[subject].pillar
    if pillar is catalogue.Pillar.NONE:
        return ""
    english = (catalogue.Pillar.ENGLISH_LANGUAGE, catalogue.Pillar.ENGLISH_LITERATURE)
    return str(Area.ENGLISH if pillar in english else Area(pillar.value))


#: The groups of schools entries may be set beside, and how a page names each.
GROUP_NAMES = {"region": "{name}", "similar": "Similar schools"}


def entries(
    pupils: Sequence[Ks4Pupil],
    nationals: Sequence[SubjectsNational],
    groups: Mapping[str, tuple[str, Collection[int]]] | None = None,
    min_schools: int = 1,
) -> EntryFigures:
    """The share of the pupils entered in each subject and area beside national and beside each of
    `groups` (kind -> its name and member schools: "region", "similar"), the years' cohorts pooled as the
    school's are; per-pupil counts; and the EBacc area that holds most pupils back. A group with fewer than
    `min_schools` schools holding results is named but given no shares."""
    national = GroupEntries.pooled([found.entries for found in nationals])
    beside: list[BesideGroup] = []
    shares: dict[str, GroupEntries | None] = {"region": None, "similar": None}
    for kind, (name, schools) in (groups or {}).items():
        pooled = GroupEntries.pooled([found.group(schools) for found in nationals])
        shown = pooled is not None and pooled.schools >= min_schools and pooled.pupils > 0
        beside.append(BesideGroup(kind=kind, name=GROUP_NAMES[kind].format(name=name),
                                  schools=pooled.schools if pooled else 0,
                                  pupils=pooled.pupils if pooled else 0, shown=shown))  # fmt: skip
        shares[kind] = pooled if shown else None
    measured = measures_of(pupils)
    found = ebacc_barrier(measured)
    barrier = None
    if found is not None:
        barrier = EBaccBarrierFigures(
            area=str(found.area),
            not_entered=sum(not p.ebacc.entered for p in measured),
            missing=found.missing,
            only_missing=found.only_missing,
            share=found.entries.share,
            national_share=national.area_share(str(found.area)) if national else None,
        )

    def entry(item: str, found, share_of) -> SubjectEntry:
        return SubjectEntry(
            subject=item, name=name_of(item), area=area_of(item), entrants=found.entrants, share=found.share,
            **{f"{kind}_share": share_of(group, item) if group else None
               for kind, group in {"national": national, **shares}.items()},
        )  # fmt: skip

    return EntryFigures(
        pupils=len(pupils),
        beside=beside,
        subjects=[
            entry(s, e, GroupEntries.subject_share)
            for s, e in sorted(subject_entries(measured).items(), key=_most_entered)
        ],
        areas=[entry(str(a), e, GroupEntries.area_share) for a, e in area_entries(measured).items()],
        subjects_per_pupil=subjects_per_pupil(measured),
        qualifications_per_pupil=qualifications_per_pupil(measured),
        barrier=barrier,
    )


def _most_entered(item) -> tuple[int, str]:
    subject, found = item
    return -found.entrants, name_of(subject)


def points_of(pupils: Sequence[Ks4Pupil], gcse_only: bool = False) -> list[SubjectPoints]:
    return [row for p in pupils for row in subject_points(p.upn, p.measures.counted, gcse_only)]


def area_points_of(pupils: Sequence[Ks4Pupil]) -> list[SubjectPoints]:
    return [row for p in pupils for row in area_points(p.upn, p.measures.counted)]


def year_residuals(
    pupils: Sequence[Ks4Pupil],
    national: SubjectsNational | None,
    academic_year: int,
    scores: Mapping[str, Mapping[str, float]] | None = None,
) -> tuple[list[Residual], list[Residual]]:
    """One year's residuals of the pupils' entries, in subjects and in areas, against the national
    estimates it is set beside (an earlier year's while its own are not published: each residual still
    counts as `academic_year`'s in a three-year figure); none without estimates. Pupils with no KS2 are
    measured on the baselines their school supplies (`scores`, by UPN), where there are national estimates
    on them."""
    if national is None:
        return [], []
    groups = prior_groups(((p.upn, p) for p in pupils), scores)
    return tuple(  # type: ignore[return-value]
        [dataclasses.replace(r, year=academic_year) for r in residuals_on(points, groups, estimates)]
        for points, estimates in (
            (points_of(pupils), national.subject_estimates),
            (area_points_of(pupils), national.area_estimates),
        )
    )


def value_added_figures(found: SubjectValueAdded | None) -> ValueAddedFigures | None:
    if found is None:
        return None
    return ValueAddedFigures(
        entrants=found.entrants, value_added=found.value_added, ci_low=found.ci_low, ci_high=found.ci_high,
        significance=str(found.significance), years=list(found.years), label=found.label,
    )  # fmt: skip


def subject_results(
    pupils: Sequence[Ks4Pupil],
    national: SubjectsNational | None,
    residuals: Sequence[Residual],
    earlier_residuals: Sequence[Residual],
    min_entrants: int = 0,
) -> list[SubjectResults]:
    """Each subject's entrants, attainment and value added (the year's, and the three years' weighted 3:2:1
    with `earlier_residuals` from the years before); figures of fewer than `min_entrants` are hidden."""
    value_added = _value_added(residuals, earlier_residuals)
    found = [
        _results(subject, attained.entrants, attained.average_points,
                 national.subject_points.get(subject) if national else None,
                 (attained.grade_4, attained.grade_5, attained.grade_7), value_added, min_entrants)
        for subject, attained in subject_attainment(measures_of(pupils)).items()
    ]  # fmt: skip
    return sorted(found, key=lambda row: (-row["entrants"], row["name"]))


def area_results(
    pupils: Sequence[Ks4Pupil],
    national: SubjectsNational | None,
    residuals: Sequence[Residual],
    earlier_residuals: Sequence[Residual],
    min_entrants: int = 0,
) -> list[SubjectResults]:
    """Each EBacc subject area's entrants, average (pillar) points and value added."""
    points = area_points_of(pupils)
    value_added = _value_added(residuals, earlier_residuals)
    found = []
    for area in Area:
        entered = [row.points for row in points if row.subject == area]
        if entered:
            found.append(
                _results(str(area), len(entered), statistics.fmean(entered),
                         national.area_points.get(area) if national else None, (None, None, None),
                         value_added, min_entrants)
            )  # fmt: skip
    return found


def _value_added(
    residuals: Sequence[Residual], earlier_residuals: Sequence[Residual]
) -> tuple[dict[str, SubjectValueAdded], dict[str, SubjectValueAdded]]:
    return school_value_added(residuals), three_year_value_added([*residuals, *earlier_residuals])


def _results(
    subject: str,
    entrants: int,
    average_points: float,
    national_points: float | None,
    grades: tuple[float | None, float | None, float | None],
    value_added: tuple[dict[str, SubjectValueAdded], dict[str, SubjectValueAdded]],
    min_entrants: int,
) -> SubjectResults:
    """One subject's (or area's) figures, none of them shown when it has fewer than `min_entrants`."""
    hidden = entrants < min_entrants
    grade_4, grade_5, grade_7 = (None, None, None) if hidden else grades
    one_year, three_years = ({}, {}) if hidden else value_added
    return SubjectResults(
        subject=subject, name=name_of(subject), area=area_of(subject), entrants=entrants,
        average_points=None if hidden else average_points, national_points=national_points,
        grade_4=grade_4, grade_5=grade_5, grade_7=grade_7,
        value_added=value_added_figures(one_year.get(subject)),
        three_year=value_added_figures(three_years.get(subject)),
        suppressed=f"fewer than {min_entrants} entrants" if hidden else None,
    )  # fmt: skip


def difficulty(
    pupils: Sequence[Ks4Pupil], national: SubjectsNational, academic_year: int, min_entrants: int = 0
) -> list[DifficultyRow]:
    """Every GCSE subject from the hardest to the easiest nationally, with the school's entrants in it and
    its relative performance there (hidden below `min_entrants`)."""
    points = points_of(pupils, gcse_only=True)
    performance = relative_performance(points, national.difficulty, academic_year)
    entrants: dict[str, int] = {}
    for row in points:
        entrants[row.subject] = entrants.get(row.subject, 0) + 1
    pairs = national.pair_difficulty
    return [
        DifficultyRow(
            subject=row.subject, name=name_of(row.subject), difficulty=row.difficulty,
            pair_difficulty=pairs[row.subject].difficulty if row.subject in pairs else None,
            national_pupils=row.pupils, entrants=entrants.get(row.subject, 0),
            relative_performance=value_added_figures(performance.get(row.subject))
            if entrants.get(row.subject, 0) >= max(min_entrants, 1) else None,
        )
        for row in hardest_first(national.difficulty)
    ]  # fmt: skip


class GroupValueAdded(TypedDict):
    grouping: str
    group: str
    value_added: ValueAddedFigures


class SubjectPupil(TypedDict):
    upn: str
    name: str
    prior_attainment: float | None
    grade: str
    points: float
    #: The national average points in the subject of pupils with the same prior attainment, and the
    #: pupil's points minus it (None without prior attainment).
    expected: float | None
    residual: float | None


class EstimatePoints(TypedDict):
    group: float
    points: float


class SubjectDashboard(TypedDict):
    subject: str
    name: str
    results: SubjectResults
    groups: list[GroupValueAdded]
    pupils: list[SubjectPupil]
    #: The national estimate of each prior-attainment group, for the scatter's line.
    estimates: list[EstimatePoints]


def dashboard(
    subject: str,
    pupils: Sequence[Ks4Pupil],
    national: SubjectsNational | None,
    residuals: Sequence[Residual],
    earlier_residuals: Sequence[Residual],
) -> SubjectDashboard:
    """One subject's figures, its value added for each pupil group, and each entrant (pupil-level)."""
    found_results = subject_results(pupils, national, residuals, earlier_residuals)
    (results,) = [row for row in found_results if row["subject"] == subject]
    mine = [r for r in residuals if r.subject == subject]
    groups = [
        GroupValueAdded(grouping=GROUPINGS[grouping], group=group, value_added=figures)  # type: ignore[typeddict-item]
        for grouping in GROUPINGS
        for group, found in group_value_added(mine, {p.upn: group_of(grouping, p) for p in pupils}).items()
        if (figures := value_added_figures(found.get(subject)))
    ]
    by_pupil = {r.pupil: r for r in mine}
    entrants = [
        SubjectPupil(
            upn=p.upn, name=p.name,
            prior_attainment=float(p.measures.prior.average) if p.measures.prior else None,
            grade=result.grade.text, points=result.slot_points,
            expected=by_pupil[p.upn].expected if p.upn in by_pupil else None,
            residual=by_pupil[p.upn].value if p.upn in by_pupil else None,
        )
        for p in pupils
        for result in p.measures.counted
        if result.subject.key == subject and result.attempted
    ]  # fmt: skip
    estimates = []
    for found in national.subject_estimates.values() if national else ():
        if (estimate := found.subjects.get(subject)) is not None:
            estimates += [EstimatePoints(group=float(g.group), points=g.points) for g in estimate.groups]
    return SubjectDashboard(
        subject=subject, name=name_of(subject), results=results, groups=groups,
        pupils=sorted(entrants, key=lambda p: p["name"]), estimates=estimates,
    )  # fmt: skip
