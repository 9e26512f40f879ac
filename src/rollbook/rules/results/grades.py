"""Grades as exports write them, checked against their qualification's scale, and their point scores
(docs/ks4-measures.md, "Point scores").

Four scales: reformed GCSEs (9 to 1), the combined-science double award (9-9 to 1-1, each of its two slots
worth the mean of its grades), unreformed GCSEs (A* to G, whose points changed after 2015/16) and the
Level 1/Level 2 technical awards. U scores 0 on every scale. X means the pupil was absent: the grade is
valid but the result was not attempted, so it counts nowhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Scale(StrEnum):
    NINE_TO_ONE = "9 to 1"
    DOUBLE_AWARD = "9-9 to 1-1"
    LETTERS = "A* to G"
    TECHNICAL_AWARD = "Level 1/Level 2"


UNGRADED, ABSENT = "U", "X"
#: Unreformed GCSE points for results up to 2015/16, and from 2016/17 (when A* became 8.5).
LETTER_POINTS_TO_2016 = {"A*": 8.0, "A": 7.0, "B": 6.0, "C": 5.0, "D": 4.0, "E": 3.0, "F": 2.0, "G": 1.0}
LETTER_POINTS_FROM_2017 = {"A*": 8.5, "A": 7.0, "B": 5.5, "C": 4.0, "D": 3.0, "E": 2.0, "F": 1.5, "G": 1.0}
#: The first academic year (2016 is 2016/17) of the newer unreformed and technical-award points.
POINTS_CHANGED = 2016
#: The 9-to-1 grade a letter stands for in threshold measures: C is a 4 ("standard pass") and B a 5, the
#: anchors Ofqual set when the reformed grades came in (A = 7, C = 4, G = 1).
LETTER_THRESHOLD = {"A*": 8, "A": 7, "B": 5, "C": 4, "D": 3, "E": 2, "F": 1, "G": 1}
#: Technical awards from 2016/17: Level 2 Distinction* down to Level 1 Pass.
TECHNICAL_POINTS = {"L2D*": 8.5, "L2D": 7.0, "L2M": 5.5, "L2P": 4.0, "L1D": 3.0, "L1M": 2.0, "L1P": 1.25}

_DOUBLE = re.compile(r"^([1-9])\s*[-/ ]?\s*([1-9])$")
#: Technical-award grades as the two awarding styles write them: "L2D*" (BTEC) or "D*2" (Cambridge
#: Nationals), after the words are shortened.
_TECHNICAL = re.compile(r"^(?:L([12])(D\*|D|M|P)|(D\*|D|M|P)([12]))$")
_TECHNICAL_WORDS = (("LEVEL", "L"), ("DISTINCTION", "D"), ("DIST", "D"), ("MERIT", "M"), ("PASS", "P"),
                    ("STAR", "*"), ("FAIL", UNGRADED))  # fmt: skip


class BadGrade(ValueError):
    pass


@dataclass(frozen=True)
class Grade:
    """One result's grade: as Rollbook writes it, the points for each slot it fills, and the 9-to-1 grade
    it reaches for threshold measures (4+, 5+)."""

    text: str
    points: float
    #: The 9-to-1 grade for thresholds; a double award reaches its lower grade (5-4 reaches 4, 4-3 does
    #: not). None on scales that no threshold measure uses.
    threshold: int | None

    @property
    def attempted(self) -> bool:
        """Sat: any grade or U, but not X (absent)."""
        return self.text != ABSENT

    def reaches(self, grade: int) -> bool:
        return self.threshold is not None and self.threshold >= grade


def parse_grade(scale: Scale, text: str, academic_year: int) -> Grade:
    """The grade `text` on `scale` for a result in `academic_year` (2018 is 2018/19).

    Raises BadGrade saying which grades the scale allows."""
    cleaned = "".join(text.upper().split()) if scale is not Scale.DOUBLE_AWARD else text.strip().upper()
    if cleaned == ABSENT:
        return Grade(ABSENT, 0.0, None)
    if cleaned == UNGRADED:
        return Grade(UNGRADED, 0.0, 0 if scale is not Scale.TECHNICAL_AWARD else None)
    match scale:
        case Scale.NINE_TO_ONE:
            if len(cleaned) == 1 and cleaned in "123456789":
                return Grade(cleaned, float(cleaned), int(cleaned))
        case Scale.DOUBLE_AWARD:
            if (found := _DOUBLE.match(cleaned)) and abs(int(found[1]) - int(found[2])) <= 1:
                high, low = sorted((int(found[1]), int(found[2])), reverse=True)
                return Grade(f"{high}-{low}", (high + low) / 2, low)
        case Scale.LETTERS:
            points = LETTER_POINTS_FROM_2017 if academic_year >= POINTS_CHANGED else LETTER_POINTS_TO_2016
            if cleaned in points:
                return Grade(cleaned, points[cleaned], LETTER_THRESHOLD[cleaned])
        case Scale.TECHNICAL_AWARD:
            return _technical(text, cleaned, academic_year)
    raise BadGrade(f"grade {text!r} is not on the {scale} scale ({allowed(scale)})")


def _technical(text: str, cleaned: str, academic_year: int) -> Grade:
    for word, short in _TECHNICAL_WORDS:
        cleaned = cleaned.replace(word, short)
    cleaned = cleaned.replace("/", "").replace("(", "").replace(")", "")
    if cleaned == UNGRADED:
        return Grade(UNGRADED, 0.0, None)
    if not (found := _TECHNICAL.match(cleaned)):
        raise BadGrade(
            f"grade {text!r} is not on the {Scale.TECHNICAL_AWARD} scale ({allowed(Scale.TECHNICAL_AWARD)})"
        )
    if academic_year < POINTS_CHANGED:
        raise BadGrade(
            f"technical-award points before {POINTS_CHANGED}/{(POINTS_CHANGED + 1) % 100} are not held"
        )
    level, award = (found[1], found[2]) if found[1] else (found[4], found[3])
    grade = f"L{level}{award}"
    if grade == "L1D*":
        raise BadGrade(f"grade {text!r}: Distinction* is a Level 2 grade only")
    return Grade(grade, TECHNICAL_POINTS[grade], None)


def allowed(scale: Scale) -> str:
    """The grades a scale allows, as an error message lists them."""
    return {
        Scale.NINE_TO_ONE: "9 to 1, U, or X for absent",
        Scale.DOUBLE_AWARD: "two grades a step apart such as 9-9, 5-4 or 1-1, U, or X for absent",
        Scale.LETTERS: "A*, A to G, U, or X for absent",
        Scale.TECHNICAL_AWARD: "L2D*, L2D, L2M, L2P, L1D, L1M, L1P (or D*2 ... P1), U, or X for absent",
    }[scale]
