"""A school's figures as the areas-of-interest sentences read them, and the measures they are figures of
(docs/curriculum-and-insight.md, "Figures").

A figure is one measure for one year, for the whole school or for one item of it (a subject, an EBacc
subject area, a Progress 8 element, a year group), with what its sentences test: the national value, its
quintile among all schools and among schools with a similar level of deprivation, its 95% interval, the
number of pupils it is about, and the same figure in earlier years.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rollbook.rules import years
from rollbook.rules.comparison import Significance, display, significance
from rollbook.rules.results.subjects import BY_KEY, Pillar


@dataclass(frozen=True)
class Figure:
    measure: str
    year: int
    value: float
    #: The pupils the figure is about (the roll, the cohort, the subject's entrants): no sentence speaks of
    #: fewer than a rule's smallest group.
    pupils: int
    #: A subject's key, an EBacc subject area, a Progress 8 element or a year group ("9"); None for the
    #: whole school.
    item: str | None = None
    #: Value added is set beside 0, so its national value is 0.
    national: float | None = None
    quintile: int | None = None
    similar_quintile: int | None = None
    #: The 95% confidence interval, low and high.
    interval: tuple[float, float] | None = None
    #: The same measure and item in earlier years.
    earlier: tuple[Figure, ...] = ()

    def in_year(self, year: int) -> Figure | None:
        return next((f for f in (self, *self.earlier) if f.year == year), None)

    @property
    def significance(self) -> Significance | None:
        """Against the national value; None without an interval or a national value."""
        if self.interval is None or self.national is None:
            return None
        return significance(*self.interval, against=self.national)


class Unit(StrEnum):
    PUPILS = "pupils"
    PERCENT = "percent"
    POINTS = "points"
    #: A signed score in grades: value added, Progress 8.
    SCORE = "score"


class Items(StrEnum):
    """What a measure's figures are each about, beside the whole school."""

    NONE = "whole school"
    SUBJECTS = "subjects"
    AREAS = "EBacc subject areas"
    ELEMENTS = "Progress 8 elements"
    YEAR_GROUPS = "year groups"


@dataclass(frozen=True)
class Measure:
    key: str
    #: As a "why am I seeing this" line names it.
    name: str
    unit: Unit
    places: int = 1
    items: Items = Items.NONE

    def shown(self, value: float) -> str:
        """The value as a sentence writes it: 1,425; 24.3%; 46.7; +0.45."""
        if self.unit is Unit.PUPILS:
            return f"{round(value):,}"
        text = display(value, self.places)
        if self.unit is Unit.PERCENT:
            return f"{text}%"
        return f"+{text}" if self.unit is Unit.SCORE and value > 0 else text

    def item_name(self, item: str) -> str:
        """An item as a sentence names it: "mathematics", "English literature", "science", "Year 9"."""
        if self.items is Items.SUBJECTS:
            subject = BY_KEY[item]
            proper = subject.pillar in (Pillar.ENGLISH_LANGUAGE, Pillar.ENGLISH_LITERATURE, Pillar.LANGUAGES)
            return subject.name if proper else subject.name[0].lower() + subject.name[1:]
        if self.items is Items.YEAR_GROUPS:
            return years.label(int(item))
        return item


MEASURES = {
    measure.key: measure
    for measure in (
        Measure("roll", "the number of pupils", Unit.PUPILS),
        Measure("fsm6", "the share of pupils eligible for free school meals in the last six years (FSM6)",
                Unit.PERCENT),
        Measure("eal", "the share of pupils with English as an additional language (EAL)", Unit.PERCENT),
        Measure("sen_support", "the share of pupils with SEN support", Unit.PERCENT),
        Measure("ehc_plan", "the share of pupils with an EHC plan", Unit.PERCENT),
        Measure("year_group_roll", "the number of pupils", Unit.PUPILS, items=Items.YEAR_GROUPS),
        Measure("attainment8", "Attainment 8", Unit.POINTS),
        Measure("progress8", "Progress 8", Unit.SCORE, places=2),
        Measure("element_progress8", "Progress 8", Unit.SCORE, places=2, items=Items.ELEMENTS),
        Measure("area_value_added", "value added", Unit.SCORE, places=2, items=Items.AREAS),
        Measure("basics_5", "the share of pupils with grade 5 or above in English and maths", Unit.PERCENT),
        Measure("ebacc_entry", "the share of pupils entered for the EBacc", Unit.PERCENT),
        Measure("ebacc_aps", "the EBacc average point score", Unit.POINTS, places=2),
        Measure("subject_aps", "the average point score", Unit.POINTS, items=Items.SUBJECTS),
        Measure("subject_entry", "the share of pupils entered", Unit.PERCENT, items=Items.SUBJECTS),
        Measure("ebacc_barrier", "the share of pupils entered", Unit.PERCENT, items=Items.AREAS),
        Measure("overall_absence", "overall absence", Unit.PERCENT),
        Measure("persistent_absence", "the share of pupils persistently absent", Unit.PERCENT),
    )
}  # fmt: skip
