"""On a small synthetic nation with two effects planted, the rules find exactly those: one school's science
graded a grade higher than its pupils' prior attainment predicts is significantly above in science for that
school only, and earns it a sentence; French graded a grade harder for everyone is the hardest subject by
both difficulty methods.

The nation: 20 schools of 60 pupils each, whose intakes differ. Each pupil's grades are 3 plus their KS2
level (0 to 3, KS2 95 to 110), plus or minus their luck in each family of subjects (-1, 0 or 1), and the
planted effects. Pupils come in pairs alike in all but the sign of their luck, so without the planted
effects every school's value added would be exactly 0: whatever the rules find beyond the plants, they
invented.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from decimal import Decimal

import pytest

from rollbook.rules.comparison import Significance
from rollbook.rules.insight.areas_of_interest import areas_of_interest
from rollbook.rules.insight.figures import MEASURES, Figure
from rollbook.rules.insight.quintiles import quintile
from rollbook.rules.results.exam_result import exam_result
from rollbook.rules.results.prior_attainment import Baseline, prior_attainment
from rollbook.rules.results.pupil_measures import PupilMeasures, measure_pupil
from rollbook.rules.results.relative_difficulty import (
    difficulty_from_other_subjects,
    difficulty_from_subject_pairs,
    hardest_first,
)
from rollbook.rules.results.subject_points import SubjectPoints, area_points, subject_points
from rollbook.rules.results.subject_value_added import (
    SubjectValueAdded,
    build_estimates,
    residuals,
    school_value_added,
)

YEAR, SCHOOLS, PAIRS = 2018, 20, 30
PLANTED_SCHOOL, HARDER = 0, "french"
SCIENCES = {"combined_science", "biology", "chemistry", "physics"}
#: Each subject's family: a pupil's luck is shared within it (both Englishes, the three single sciences).
FAMILY = {"english_language": "english", "english_literature": "english", "maths": "maths",
          "combined_science": "science", "biology": "science", "chemistry": "science", "physics": "science",
          "history": "history", "geography": "geography", "french": "french", "art_and_design": "art",
          "music": "music"}  # fmt: skip


def nation() -> Iterator[tuple[int, PupilMeasures]]:
    rng = random.Random(YEAR)
    for school in range(SCHOOLS):
        intake = 1.5 + 0.3 * ((school + 2) % 5 - 2)
        for pair in range(PAIRS):
            level = min(3, max(0, round(rng.gauss(intake, 1.0))))
            sciences = ("biology", "chemistry", "physics") if level >= 2 else ("combined_science",)
            options = ("history", "art_and_design") if pair % 2 else ("geography", "music")
            taken = ["english_language", "english_literature", "maths", *sciences, *options]
            if pair % 3:
                taken.append("french")
            luck = {family: rng.choice((-1, 0, 1)) for family in FAMILY.values()}
            for sign in (1, -1):
                yield school, _pupil(f"S{school:02d}P{pair:02d}{sign:+d}", school, level, taken, luck, sign)


def _pupil(upn: str, school: int, level: int, taken: list[str], luck: dict[str, int], sign: int):
    rows = []
    for subject in taken:
        grade = 3 + level + sign * luck[FAMILY[subject]]
        grade += (subject in SCIENCES and school == PLANTED_SCHOOL) - (subject == HARDER)
        text = f"{grade}-{grade}" if subject == "combined_science" else str(grade)
        rows.append(exam_result(subject.replace("_", " "), "GCSE", text, YEAR))
    ks2 = str(95 + 5 * level)
    return measure_pupil(upn, rows, prior_attainment(ks2, ks2, Baseline.SCALED_SCORES))


@pytest.fixture(scope="module")
def pupils() -> list[tuple[int, PupilMeasures]]:
    return list(nation())


def value_added(pupils, points) -> dict[int, dict[str, SubjectValueAdded]]:
    """Each school's value added in each subject (or area) against the nation's estimates."""
    groups: dict[str, Decimal] = {p.upn: p.prior.group for _, p in pupils if p.prior}
    entries = {p.upn: points(p.upn, p.counted) for _, p in pupils}
    estimates = build_estimates(
        [e for rows in entries.values() for e in rows], groups, YEAR, Baseline.SCALED_SCORES
    )
    return {
        school: school_value_added(
            residuals([e for s, p in pupils if s == school for e in entries[p.upn]], groups, estimates)
        )
        for school in range(SCHOOLS)
    }


def significant(by_school: dict[int, dict[str, SubjectValueAdded]]) -> set[tuple[int, str, Significance]]:
    return {(school, subject, figure.significance)
            for school, figures in by_school.items() for subject, figure in figures.items()
            if figure.significance is not Significance.IN_LINE}  # fmt: skip


def test_only_the_planted_schools_sciences_are_significant(pupils):
    assert significant(value_added(pupils, subject_points)) == {
        (PLANTED_SCHOOL, subject, Significance.ABOVE) for subject in SCIENCES
    }


def test_only_the_planted_schools_science_area_is_significant(pupils):
    by_school = value_added(pupils, area_points)
    assert significant(by_school) == {(PLANTED_SCHOOL, "science", Significance.ABOVE)}
    # a grade, less the planted school's own share of the estimates it is measured against
    assert 0.9 < by_school[PLANTED_SCHOOL]["science"].value_added < 1.0


def test_the_harder_subject_is_hardest_by_both_methods(pupils):
    entries: list[SubjectPoints] = [
        e for _, p in pupils for e in subject_points(p.upn, p.counted, gcse_only=True)
    ]
    for method in (difficulty_from_other_subjects, difficulty_from_subject_pairs):
        chart = hardest_first(method(entries))
        assert chart[0].subject == HARDER, method.__name__
        assert chart[0].difficulty > chart[1].difficulty + 0.5, method.__name__


def test_the_planted_school_alone_gets_a_sentence_about_its_science(pupils):
    by_school = value_added(pupils, area_points)
    figures: dict[int, list[Figure]] = {school: [] for school in range(SCHOOLS)}
    for area in ("English", "maths", "science", "humanities", "languages"):
        among = [by_school[s][area].value_added for s in range(SCHOOLS)]
        for school in range(SCHOOLS):
            va = by_school[school][area]
            figures[school].append(Figure("area_value_added", YEAR, va.value_added, va.entrants, item=area,
                                          national=0.0, quintile=quintile(va.value_added, among),
                                          interval=(va.ci_low, va.ci_high)))  # fmt: skip
    sentences = {
        school: [f.text for section in areas_of_interest(found, YEAR) for f in section.findings]
        for school, found in figures.items()
    }
    science = MEASURES["area_value_added"].shown(by_school[PLANTED_SCHOOL]["science"].value_added)
    assert sentences.pop(PLANTED_SCHOOL) == [
        f"Value added in science ({science}) was in the highest 20% and significantly above the national "
        "average in 2018/19."
    ]
    assert all(found == [] for found in sentences.values())
