"""Attainment 8: a pupil's counted results placed in eight slots worth ten (docs/ks4-measures.md,
"Attainment 8").

The slots are filled in the DfE's order, each from what the slots before it left:
1. maths, double weighted: the best EBacc maths result; other maths results count nowhere;
2. English: the better of English language and literature, double weighted only when the pupil sat both;
   the other may count in the open slots, never the EBacc ones;
3. three EBacc slots: the best results in sciences (computer science too), humanities and languages;
4. three open slots: the best of everything left, the spare English and unused EBacc results included.
A double award (combined science) can fill two slots, each worth the mean of its two grades, in either
element or across both. Empty slots score 0. The results given should be those that count (discounting.py).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from rollbook.rules.results.exam_result import ExamResult
from rollbook.rules.results.subjects import EBACC_SLOT_PILLARS, Pillar

EBACC_SLOTS = OPEN_SLOTS = 3
#: The divisor of an "average grade" (A8 / 10), whether or not English was double weighted.
WEIGHTED_SLOTS = 10


class Element(StrEnum):
    MATHS = "maths"
    ENGLISH = "English"
    EBACC = "EBacc"
    OPEN = "open"


@dataclass(frozen=True)
class Slot:
    """One of the eight slots: the result filling it (None when empty), its weight and the points it adds."""

    element: Element
    result: ExamResult | None
    weight: int = 1

    @property
    def points(self) -> float:
        return 0.0 if self.result is None else self.result.slot_points * self.weight


@dataclass(frozen=True)
class Attainment8:
    """A pupil's eight slots; each element's points and the total are summed once, as reports read them for
    every measure and every group."""

    slots: tuple[Slot, ...]

    def element(self, element: Element) -> float:
        return sum(slot.points for slot in self.slots if slot.element is element)

    @functools.cached_property
    def maths(self) -> float:
        return self.element(Element.MATHS)

    @functools.cached_property
    def english(self) -> float:
        return self.element(Element.ENGLISH)

    @functools.cached_property
    def ebacc(self) -> float:
        return self.element(Element.EBACC)

    @functools.cached_property
    def open(self) -> float:
        return self.element(Element.OPEN)

    @functools.cached_property
    def total(self) -> float:
        return sum(slot.points for slot in self.slots)

    @property
    def average_grade(self) -> float:
        return self.total / WEIGHTED_SLOTS

    @property
    def english_double_weighted(self) -> bool:
        return any(slot.element is Element.ENGLISH and slot.weight == 2 for slot in self.slots)

    def filled(self, element: Element) -> int:
        return sum(slot.result is not None for slot in self.slots if slot.element is element)


def attainment8(counted: Iterable[ExamResult]) -> Attainment8:
    """The pupil's eight slots from the results that count, in the order maths, English, EBacc, open."""
    results = [result for result in counted if result.attempted]
    maths = _best(r for r in results if r.subject.pillar is Pillar.MATHS and r.qualification.ebacc)
    english = [r for r in results if _is_english(r)]
    languages = [r for r in english if r.subject.pillar is Pillar.ENGLISH_LANGUAGE]
    literatures = [r for r in english if r.subject.pillar is Pillar.ENGLISH_LITERATURE]
    top_english = _best(english)
    both = bool(languages and literatures)

    ebacc_units = [r for r in results if r.subject.pillar in EBACC_SLOT_PILLARS and r.qualification.ebacc
                   for _ in range(r.qualification.slots)]  # fmt: skip
    ebacc = _top(ebacc_units, EBACC_SLOTS)
    left_over = list(ebacc_units)
    for result in ebacc:
        left_over.remove(result)
    others = [r for r in results if r.subject.pillar is not Pillar.MATHS and r not in english
              and r not in ebacc_units for _ in range(r.qualification.slots)]  # fmt: skip
    spare_english = [r for r in english if r is not top_english]
    opened = _top(spare_english + left_over + others, OPEN_SLOTS)

    return Attainment8(
        (
            Slot(Element.MATHS, maths, 2),
            Slot(Element.ENGLISH, top_english, 2 if both else 1),
            *_slots(Element.EBACC, ebacc, EBACC_SLOTS),
            *_slots(Element.OPEN, opened, OPEN_SLOTS),
        )
    )


def _is_english(result: ExamResult) -> bool:
    pillar = result.subject.pillar
    return pillar in (Pillar.ENGLISH_LANGUAGE, Pillar.ENGLISH_LITERATURE) and result.qualification.ebacc


def _best(results: Iterable[ExamResult]) -> ExamResult | None:
    best = _top(list(results), 1)
    return best[0] if best else None


def _top(units: list[ExamResult], count: int) -> list[ExamResult]:
    """The `count` highest-scoring units; among equal points, the first given."""
    order = sorted(range(len(units)), key=lambda i: (-units[i].slot_points, i))
    return [units[i] for i in order[:count]]


def _slots(element: Element, results: list[ExamResult], count: int) -> list[Slot]:
    return [Slot(element, result) for result in results] + [Slot(element, None)] * (count - len(results))
