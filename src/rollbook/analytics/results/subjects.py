"""National subject figures for a year, published beside the national KS4 figures, for the curriculum
reports and the areas of interest to set schools beside (docs/curriculum-and-insight.md).

Publishing reads every Year 11 pupil of every school holding results that year: their counted results
(discounting in the engine, pupil_measures.counted) and their EBacc pillars give each pupil's points in each
subject and EBacc subject area (rules/results/subject_points.py). From those it keeps each subject's and
area's national entry share and average points, the subject value-added estimates per prior-attainment
group with the national spread of residuals (one set per KS2 baseline held), the relative difficulty of
each GCSE subject by both methods, and each school's figures in each subject and area so that a school's
quintile among all schools can be read.

Each publish writes a dated file under the year's folder in `subjects/`, named as the national file written
with it; a report reads the subjects file that goes with the national figures it is set beside.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from typing_extensions import TypedDict

from rollbook.analytics import engine as engines
from rollbook.analytics.results import characteristics
from rollbook.analytics.results import national as nationals
from rollbook.analytics.results.cohort import schools_with_results
from rollbook.analytics.results.pupil_measures import PUPIL, counted, measured_pupils
from rollbook.analytics.results.value_added import MIN_PUPILS, baseline_scores
from rollbook.lake import Lake
from rollbook.rules.results.headline import headline
from rollbook.rules.results.prior_attainment import Baseline
from rollbook.rules.results.progress8 import national_sigma
from rollbook.rules.results.pupil_groups import Ks4Pupil
from rollbook.rules.results.pupil_measures import with_progress8
from rollbook.rules.results.qualifications import QUALIFICATIONS
from rollbook.rules.results.relative_difficulty import (
    Difficulty,
    difficulty_from_other_subjects,
    difficulty_from_subject_pairs,
)
from rollbook.rules.results.subject_points import SubjectPoints, ebacc_area_points
from rollbook.rules.results.subject_value_added import (
    GroupEstimate,
    Residual,
    SubjectEstimate,
    SubjectEstimates,
    build_estimates,
    residuals,
    school_value_added,
)
from rollbook.rules.results.value_added import band_of
from rollbook.rules.years import KS4_YEAR

FOLDER = "subjects"
GCSES = tuple(q.key for q in QUALIFICATIONS if q.gcse)
#: The KS4 headline figures each school's quintile is read for, as the areas of interest name them.
SCHOOL_HEADLINE = {"attainment8": "attainment8", "basics_5": "basics_5_rate",
                   "ebacc_entry": "ebacc_entry_rate", "ebacc_aps": "ebacc_aps"}  # fmt: skip


class SchoolEntries(TypedDict):
    pupils: int
    subjects: dict[str, int]
    areas: dict[str, int]


@dataclass(frozen=True)
class GroupEntries:
    """Entries of a group of schools (or of years' national cohorts) as one cohort: its pupils and the
    entrants in each subject and area."""

    schools: int
    pupils: int
    subject_entrants: dict[str, int]
    area_entrants: dict[str, int]

    @classmethod
    def pooled(cls, held: Sequence[GroupEntries]) -> GroupEntries | None:
        """Several years' entries of the same cohort's kind as one cohort: pupils and entrants summed; its
        schools, the most in any one year. None for no years."""
        if not held:
            return None
        return cls(
            schools=max(each.schools for each in held),
            pupils=sum(each.pupils for each in held),
            subject_entrants=_summed(each.subject_entrants for each in held),
            area_entrants=_summed(each.area_entrants for each in held),
        )

    def subject_share(self, subject: str) -> float | None:
        return 100 * self.subject_entrants.get(subject, 0) / self.pupils if self.pupils else None

    def area_share(self, area: str) -> float | None:
        return 100 * self.area_entrants.get(area, 0) / self.pupils if self.pupils else None


def _summed(counts: Iterable[Mapping[str, int]]) -> dict[str, int]:
    found: dict[str, int] = {}
    for each in counts:
        for item, count in each.items():
            found[item] = found.get(item, 0) + count
    return found


#: Progress 8's elements: the pupil and school scores' names, and how figures and sentences name them.
ELEMENTS = {"english": "English", "maths": "maths", "ebacc": "EBacc", "open": "open"}


@dataclass(frozen=True)
class SubjectsNational:
    """A year's national subject figures. Subjects are keyed as subjects.py keys them, EBacc subject areas
    by their names; estimates are keyed by the KS2 baseline they are on."""

    academic_year: int
    published: dt.datetime
    schools: int
    pupils: int
    subject_entrants: dict[str, int]
    area_entrants: dict[str, int]
    subject_points: dict[str, float]
    area_points: dict[str, float]
    subject_estimates: dict[str, SubjectEstimates]
    area_estimates: dict[str, SubjectEstimates]
    #: GCSE subjects only: own other subjects (the lead method) and subject pairs (the check).
    difficulty: dict[str, Difficulty]
    pair_difficulty: dict[str, Difficulty]
    #: Each school's figure, for quintiles: measure -> item ("" for the whole school) -> every school's;
    #: characteristics and absence too (characteristics.ranking).
    school_figures: dict[str, dict[str, list[float]]]
    #: Overall and persistent absence over every school with registers.
    national_absence: dict[str, float | None] = dataclasses.field(default_factory=dict)
    #: Each school's Year 11 pupils and entrants per subject and area, by URN (as text: JSON's keys), so a
    #: school's entries can be set beside any group of schools: its region, its similar schools.
    school_entries: dict[str, SchoolEntries] = dataclasses.field(default_factory=dict)
    #: The spread of pupils' scores in each Progress 8 element nationally, for a school's element interval
    #: as overall Progress 8's (none where the year has no estimates).
    element_sigma: dict[str, float] = dataclasses.field(default_factory=dict)

    @property
    def entries(self) -> GroupEntries:
        """The national cohort's entries."""
        return GroupEntries(self.schools, self.pupils, self.subject_entrants, self.area_entrants)

    def group(self, schools: Iterable[int]) -> GroupEntries:
        """The entries of those of `schools` that hold results this year, taken as one cohort."""
        held = [self.school_entries[str(urn)] for urn in schools if str(urn) in self.school_entries]
        return GroupEntries(
            schools=len(held),
            pupils=sum(found["pupils"] for found in held),
            subject_entrants=_summed(found["subjects"] for found in held),
            area_entrants=_summed(found["areas"] for found in held),
        )

    def to_json(self) -> dict:
        found = dataclasses.asdict(self)
        found["published"] = self.published.isoformat()
        for key in ("subject_estimates", "area_estimates"):
            found[key] = {baseline: _estimates_json(e) for baseline, e in getattr(self, key).items()}
        return found

    @classmethod
    def from_json(cls, found: dict) -> SubjectsNational:
        return cls(
            **{key: found[key] for key in ("academic_year", "schools", "pupils", "subject_entrants",
                                           "area_entrants", "subject_points", "area_points",
                                           "school_figures")},
            published=dt.datetime.fromisoformat(found["published"]),
            subject_estimates={b: _estimates_from_json(e) for b, e in found["subject_estimates"].items()},
            area_estimates={b: _estimates_from_json(e) for b, e in found["area_estimates"].items()},
            national_absence=found.get("national_absence", {}),
            school_entries=found.get("school_entries", {}),
            element_sigma=found.get("element_sigma", {}),
            difficulty={s: Difficulty(**d) for s, d in found["difficulty"].items()},
            pair_difficulty={s: Difficulty(**d) for s, d in found["pair_difficulty"].items()},
        )  # fmt: skip


@dataclass(frozen=True)
class PointsHeld:
    """Pupils' points in each subject (all, and GCSEs only) and in each EBacc subject area."""

    subjects: list[SubjectPoints]
    gcses: list[SubjectPoints]
    areas: list[SubjectPoints]


def prior_groups(
    pupils: Iterable[tuple[str, Ks4Pupil]], scores: Mapping[str, Mapping[str, float]] | None = None
) -> dict[str, dict[str, Decimal]]:
    """Each pupil's prior-attainment group, by the baseline it is on (pupils given with their keys): their
    KS2 group, or for a pupil with no KS2, the band of each score `scores` holds for them on a baseline the
    school supplies (value_added.band_of)."""
    groups: dict[str, dict[str, Decimal]] = {}
    for key, pupil in pupils:
        if (prior := pupil.measures.prior) is not None:
            groups.setdefault(str(prior.baseline), {})[key] = prior.group
            continue
        for baseline, score in (scores or {}).get(key, {}).items():
            groups.setdefault(baseline, {})[key] = Decimal(str(band_of(score)))
    return groups


def residuals_on(
    points: Sequence[SubjectPoints],
    groups: Mapping[str, Mapping[str, Decimal]],
    estimates: Mapping[str, SubjectEstimates],
) -> list[Residual]:
    """Every entry's residual against the estimates of its pupil's baseline."""
    return [
        r for baseline, found in estimates.items() for r in residuals(points, groups.get(baseline, {}), found)
    ]


def work_out(
    lake: Lake, academic_year: int, found: nationals.National | None = None, engine: str | None = None
) -> SubjectsNational | None:
    """The year's national subject figures (None when no school holds results); each school's KS4
    headline figures beside them, its Progress 8 against the national estimates of `found`."""
    schools = schools_with_results(lake, academic_year)
    measured = measured_pupils(lake, schools, academic_year, engine) if schools else {}
    if not measured:
        return None
    keyed = {f"{school}:{p.upn}": (school, p) for school, pupils in measured.items() for p in pupils}
    held = _points(lake, list(measured), academic_year, keyed, engine)
    scores = {f"{school}:{upn}": found for (school, upn), found in baseline_scores(lake, list(measured),
              academic_year, engine).items()}  # fmt: skip
    groups = {
        baseline: found
        for baseline, found in prior_groups(
            ((key, pupil) for key, (_, pupil) in keyed.items()), scores
        ).items()
        if baseline in set(Baseline) or len(found) >= MIN_PUPILS  # a baseline few pupils have gives none
    }
    subject_estimates = {b: build_estimates(held.subjects, g, academic_year, b) for b, g in groups.items()}
    area_estimates = {b: build_estimates(held.areas, g, academic_year, b) for b, g in groups.items()}
    school_of = {key: school for key, (school, _) in keyed.items()}
    figures: dict[str, dict[str, list[float]]] = {}

    def add(measure: str, item: str, value: float) -> None:
        figures.setdefault(measure, {}).setdefault(item, []).append(value)

    for school, points in _by_school(held.subjects, school_of).items():
        for subject, found_points in _by_item(points).items():
            add("subject_aps", subject, statistics.fmean(found_points))
            add("subject_entry", subject, 100 * len(found_points) / len(measured[school]))
    area_residuals = residuals_on(held.areas, groups, area_estimates)
    for school_residuals in _by_school(area_residuals, school_of).values():
        for area, value in school_value_added(school_residuals).items():
            add("area_value_added", area, value.value_added)
    area_of_school = _by_school(held.areas, school_of)
    school_entries = {
        str(school): SchoolEntries(pupils=len(measured[school]), subjects=_entrant_counts(points),
                                   areas=_entrant_counts(area_of_school.get(school, [])))
        for school, points in _by_school(held.subjects, school_of).items()
    }  # fmt: skip
    headlines, element_scores = _school_headlines(measured, academic_year, found)
    for measure, item, value in headlines:
        add(measure, item, value)
    context, national_absence = characteristics.ranking(lake, academic_year)
    pupils = sum(len(p) for p in measured.values())
    return SubjectsNational(
        academic_year=academic_year,
        published=found.published if found else dt.datetime.now(dt.UTC),
        schools=len(measured),
        pupils=pupils,
        subject_entrants=_entrant_counts(held.subjects),
        area_entrants=_entrant_counts(held.areas),
        subject_points={s: statistics.fmean(p) for s, p in _by_item(held.subjects).items()},
        area_points={s: statistics.fmean(p) for s, p in _by_item(held.areas).items()},
        subject_estimates=subject_estimates,
        area_estimates=area_estimates,
        difficulty=difficulty_from_other_subjects(held.gcses),
        pair_difficulty=difficulty_from_subject_pairs(held.gcses),
        # In ascending order, so a publish is the same whatever order the engine handed the schools back in.
        school_figures={
            measure: {item: sorted(values) for item, values in by_item.items()}
            for measure, by_item in (figures | context).items()
        },
        national_absence=national_absence,
        school_entries=school_entries,
        element_sigma={
            name: national_sigma(scores) for name, scores in element_scores.items() if len(scores) > 1
        },
    )


def _school_headlines(
    measured: dict[int, list[Ks4Pupil]], academic_year: int, found
) -> tuple[list[tuple[str, str, float]], dict[str, list[float]]]:
    """Each school's KS4 headline figures (and Progress 8 with its elements, where there are estimates) to
    rank schools by, as (measure, item, value); and every pupil's score in each element, for its spread."""
    estimates, sigma = (found.estimates, found.sigma) if found else (None, None)
    figures: list[tuple[str, str, float]] = []
    elements: dict[str, list[float]] = {name: [] for name in ELEMENTS.values()}
    for pupils in measured.values():
        progress = [with_progress8(p.measures, estimates) for p in pupils]
        for pupil in progress:
            if pupil.progress8 is not None:
                for key, name in ELEMENTS.items():
                    elements[name].append(getattr(pupil.progress8, key))
        school = headline(progress, academic_year, sigma)
        if school is None:
            continue
        figures += [(measure, "", getattr(school, key)) for measure, key in SCHOOL_HEADLINE.items()]
        if school.progress8 is not None:
            figures.append(("progress8", "", school.progress8.progress8))
            figures += [
                ("element_progress8", name, getattr(school.progress8, key)) for key, name in ELEMENTS.items()
            ]
    return figures, elements


def _points(lake: Lake, schools: list[int], academic_year: int, keyed, engine) -> PointsHeld:
    """Every pupil's points per subject from their counted results, and per area from their EBacc."""
    years = [academic_year]
    pupils = engines.pupils(lake, schools, years, engine)
    pupils = pupils.filter(pupils.nc_year == KS4_YEAR)
    results = engines.lake_table(lake, "results", schools, years, engine).semi_join(pupils, list(PUPIL))
    rows = engines.arrow(
        counted(results, academic_year).select(*PUPIL, "subject", "qualification", "points"), engine
    ).to_pydict()
    subjects, gcses = [], []
    for school, upn, subject, qualification, points in zip(*rows.values(), strict=True):
        found = SubjectPoints(f"{school}:{upn}", subject, points)
        subjects.append(found)
        if qualification in GCSES:
            gcses.append(found)
    areas = [row for key, (_, pupil) in keyed.items() for row in ebacc_area_points(key, pupil.measures.ebacc)]
    return PointsHeld(subjects, gcses, areas)


def _by_item(points: Iterable[SubjectPoints]) -> dict[str, list[float]]:
    found: dict[str, list[float]] = {}
    for row in points:
        found.setdefault(str(row.subject), []).append(row.points)
    return dict(sorted(found.items()))


def _entrant_counts(points: Iterable[SubjectPoints]) -> dict[str, int]:
    return {item: len(found) for item, found in _by_item(points).items()}


def _by_school(rows: Iterable, school_of: Mapping[str, int]) -> dict[int, list]:
    found: dict[int, list] = {}
    for row in rows:
        found.setdefault(school_of[row.pupil], []).append(row)
    return found


def publish_year(lake: Lake, root: Path, found: nationals.National) -> Path | None:
    """Write the year's subject figures beside its national file `found` (same name); the file written."""
    subjects = work_out(lake, found.academic_year, found)
    if subjects is None:
        return None
    path = root / str(found.academic_year) / FOLDER / f"{found.published:%Y%m%dT%H%M%S%f}.json"
    return nationals.write_whole(path, subjects.to_json())


def latest(root: Path, academic_year: int) -> tuple[SubjectsNational, bool] | None:
    """The subject figures published with the national figures the year is set beside (and whether they
    are provisional: an earlier year's); None where none were."""
    published = nationals.latest(root, academic_year)
    if published is None:
        return None
    found = published.national
    path = root / str(found.academic_year) / FOLDER / f"{found.published:%Y%m%dT%H%M%S%f}.json"
    if not path.exists():
        return None
    return SubjectsNational.from_json(json.loads(path.read_text())), published.provisional


def _estimates_json(estimates: SubjectEstimates) -> dict:
    found = dataclasses.asdict(estimates)
    for subject in found["subjects"].values():
        subject["groups"] = [dict(row, group=str(row["group"])) for row in subject["groups"]]
    return found


def _estimates_from_json(found: dict) -> SubjectEstimates:
    subjects = {
        key: SubjectEstimate(
            key,
            tuple(GroupEstimate(**dict(row, group=Decimal(row["group"]))) for row in row_set["groups"]),
            row_set["sigma"],
        )
        for key, row_set in found["subjects"].items()
    }
    return SubjectEstimates(found["year"], found["baseline"], subjects)
