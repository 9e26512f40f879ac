"""The English Baccalaureate: entry, achievement at grade 4 and at grade 5, and its average point score
(docs/ks4-measures.md, "EBacc").

The five areas are English, maths, science, humanities and a language. English means sitting both English
language and literature; science means combined science, three of the four single sciences (biology,
chemistry, physics, computer science) or, before the reformed GCSEs, core and additional science. Achieving
the EBacc on the grade 5 basis asks for 5+ in English (either of the two) and maths and grade 4 in the rest.
The average point score has six pillars (science counts twice) and is the total over six, with a missing
pillar scoring 0. Only EBacc qualifications (GCSEs) count; the results given should be those that count.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from rollbook.rules.results.exam_result import ExamResult
from rollbook.rules.results.subjects import Pillar, Science

#: Single sciences a pupil must sit for the science pillar without combined science, and how many count.
SINGLE_SCIENCES_SAT, SINGLE_SCIENCES_COUNTED = 3, 2
PILLARS = 6
#: Grade every area other than English and maths needs, whichever basis the EBacc is achieved on.
OTHER_AREAS_GRADE = 4


class Area(StrEnum):
    ENGLISH = "English"
    MATHS = "maths"
    SCIENCE = "science"
    HUMANITIES = "humanities"
    LANGUAGES = "languages"


@dataclass(frozen=True)
class EBacc:
    areas_entered: frozenset[Area]
    achieved_4: bool
    achieved_5: bool
    #: The six pillars' points: English, maths, two sciences, humanities, language.
    pillar_points: tuple[float, float, float, float, float, float]

    @property
    def entered(self) -> bool:
        return self.areas_entered == frozenset(Area)

    @property
    def average_point_score(self) -> float:
        return sum(self.pillar_points) / PILLARS

    @property
    def missing_areas(self) -> frozenset[Area]:
        return frozenset(Area) - self.areas_entered


def ebacc(counted: Iterable[ExamResult]) -> EBacc:
    """The pupil's EBacc entry, achievement and points from the results that count."""
    sat = [r for r in counted if r.attempted and r.qualification.ebacc]
    language, literature, maths, humanities, languages = (
        [r for r in sat if r.subject.pillar is pillar]
        for pillar in (Pillar.ENGLISH_LANGUAGE, Pillar.ENGLISH_LITERATURE, Pillar.MATHS, Pillar.HUMANITIES,
                       Pillar.LANGUAGES)
    )  # fmt: skip
    english = language + literature if language and literature else []
    routes = _science_routes([r for r in sat if r.subject.pillar is Pillar.SCIENCE])
    entered = {
        Area.ENGLISH: bool(english),
        Area.MATHS: bool(maths),
        Area.SCIENCE: bool(routes),
        Area.HUMANITIES: bool(humanities),
        Area.LANGUAGES: bool(languages),
    }

    def achieved(grade: int) -> bool:
        return (
            _any_reaches(english, grade)
            and _any_reaches(maths, grade)
            and any(_science_reaches(route) for route in routes)
            and _any_reaches(humanities, OTHER_AREAS_GRADE)
            and _any_reaches(languages, OTHER_AREAS_GRADE)
        )

    science = max((_science_points(route) for route in routes), default=(0.0, 0.0))
    points = (_best(english), _best(maths), *science, _best(humanities), _best(languages))
    return EBacc(frozenset(a for a, yes in entered.items() if yes), achieved(4), achieved(5), points)


def _science_routes(sciences: list[ExamResult]) -> list[list[ExamResult]]:
    """Each way the pupil's sciences meet the pillar: a combined science, three or more singles, or core
    with additional science."""
    routes: list[list[ExamResult]] = [[r] for r in sciences if r.subject.science is Science.COMBINED]
    singles = [r for r in sciences if r.subject.science is Science.SINGLE]
    if len({r.subject.key for r in singles}) >= SINGLE_SCIENCES_SAT:
        routes.append(singles)
    core = [r for r in sciences if r.subject.science is Science.CORE]
    additional = [r for r in sciences if r.subject.science is Science.ADDITIONAL]
    if core and additional:
        routes.append([max(core, key=_points), max(additional, key=_points)])
    return routes


def _science_reaches(route: list[ExamResult]) -> bool:
    if route[0].subject.science is Science.COMBINED:
        return route[0].grade.reaches(OTHER_AREAS_GRADE)
    needed = SINGLE_SCIENCES_COUNTED if route[0].subject.science is Science.SINGLE else len(route)
    return sum(r.grade.reaches(OTHER_AREAS_GRADE) for r in route) >= needed


def _science_points(route: list[ExamResult]) -> tuple[float, float]:
    if route[0].subject.science is Science.COMBINED:
        return route[0].slot_points, route[0].slot_points
    first, second = sorted((r.slot_points for r in route), reverse=True)[:SINGLE_SCIENCES_COUNTED]
    return first, second


def _points(result: ExamResult) -> float:
    return result.slot_points


def _best(results: Sequence[ExamResult]) -> float:
    return max((r.slot_points for r in results), default=0.0)


def _any_reaches(results: Sequence[ExamResult], grade: int) -> bool:
    return any(r.grade.reaches(grade) for r in results)
