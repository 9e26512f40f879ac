"""English and maths ("the Basics"): grade 4+ and grade 5+ in both (docs/ks4-measures.md, "Basics").

Unlike the EBacc, English here is either English language or English literature: sitting one is enough.
Only GCSEs count; the results given should be those that count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rollbook.rules.results.exam_result import ExamResult
from rollbook.rules.results.subjects import Pillar

ENGLISH = frozenset({Pillar.ENGLISH_LANGUAGE, Pillar.ENGLISH_LITERATURE})


@dataclass(frozen=True)
class Basics:
    entered_english: bool
    entered_maths: bool
    achieved_4: bool
    achieved_5: bool

    @property
    def entered(self) -> bool:
        return self.entered_english and self.entered_maths


def basics(counted: Iterable[ExamResult]) -> Basics:
    sat = [r for r in counted if r.attempted and r.qualification.ebacc]
    english = [r for r in sat if r.subject.pillar in ENGLISH]
    maths = [r for r in sat if r.subject.pillar is Pillar.MATHS]

    def achieved(grade: int) -> bool:
        return any(r.grade.reaches(grade) for r in english) and any(r.grade.reaches(grade) for r in maths)

    return Basics(bool(english), bool(maths), achieved(4), achieved(5))
