"""Every areas-of-interest sentence, one row each: its section, the tests it makes of which measures, over
how many years, and its words (docs/curriculum-and-insight.md, "The sentences"). Adding a sentence is adding
a row, or a pair of rows (highest and lowest, above and below) written once with "[highest/lowest]" in its
words; areas_of_interest.py reads them.

The words are a template: {years} is the years the tests held in ("in 2018/19", "in 2018/19 as well as
2017/18", "in each of 2016/17, 2017/18 and 2018/19"); {MEASURE} is that measure's figure ("1,425", or
"languages (22.0%)" for a figure about one item); {items} lists the items every test held for, each with
its figure in the first test's measure ("science (-0.52) and languages (-0.31)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from string import Formatter

#: Ofsted's IDSR speaks only of figures about at least 11 pupils.
SMALLEST_GROUP = 11
#: Placeholders in a sentence's words that are not measures.
YEARS, ITEMS = "years", "items"


class Section(StrEnum):
    CONTEXT = "School characteristics"
    KS4 = "Key stage 4"
    SUBJECTS = "Subjects"
    ABSENCE = "Absence"


class Check(StrEnum):
    """A test of one figure in one year."""

    HIGHEST_20 = "in the highest 20% of all schools (quintile 1)"
    LOWEST_20 = "in the lowest 20% of all schools (quintile 5)"
    SIMILAR_HIGHEST_20 = "in the highest 20% of schools with a similar level of deprivation"
    SIMILAR_LOWEST_20 = "in the lowest 20% of schools with a similar level of deprivation"
    SIGNIFICANTLY_ABOVE = "significantly above national (the whole 95% interval above it)"
    SIGNIFICANTLY_BELOW = "significantly below national (the whole 95% interval below it)"
    AT_OR_ABOVE_NATIONAL = "at or above national"
    BELOW_NATIONAL = "below national"


class Among(StrEnum):
    """Which items a listing sentence may name."""

    ALL = "all"
    EBACC_SUBJECTS = "EBacc subjects"
    OTHER_SUBJECTS = "subjects outside the EBacc"


@dataclass(frozen=True)
class Condition:
    measure: str
    check: Check


@dataclass(frozen=True)
class SentenceRule:
    key: str
    section: Section
    conditions: tuple[Condition, ...]
    words: str
    #: Every test must hold in the latest year and in each of the years before it, this many in all.
    years: int = 1
    among: Among = Among.ALL
    #: Rules whose sentence this one replaces, for the items it names (a three-year run replaces the
    #: one-year sentence about the same figure).
    supersedes: tuple[str, ...] = ()
    smallest_group: int = SMALLEST_GROUP

    @property
    def lists_items(self) -> bool:
        return ITEMS in self.placeholders

    @property
    def placeholders(self) -> tuple[str, ...]:
        return tuple(name for _, name, _, _ in Formatter().parse(self.words) if name)

    @property
    def measures(self) -> tuple[str, ...]:
        """The measures it reads: those it tests, then those its words show."""
        named = [c.measure for c in self.conditions]
        named += [p for p in self.placeholders if p not in (YEARS, ITEMS)]
        return tuple(dict.fromkeys(named))


def _rule(key: str, section: Section, words: str, *conditions: tuple[str, Check], **more) -> SentenceRule:
    return SentenceRule(key, section, tuple(Condition(m, c) for m, c in conditions), words, **more)


#: "[highest/lowest]" in a pair's words: the first word for its first row, the second for its second.
_CHOICE = re.compile(r"\[([^/\]]+)/([^\]]+)\]")
QUINTILE = (Check.HIGHEST_20, Check.LOWEST_20)
SIMILAR = (Check.SIMILAR_HIGHEST_20, Check.SIMILAR_LOWEST_20)
SIGNIFICANT = (Check.SIGNIFICANTLY_ABOVE, Check.SIGNIFICANTLY_BELOW)
ENTRY = (Check.AT_OR_ABOVE_NATIONAL, Check.AT_OR_ABOVE_NATIONAL)


def _pair(
    key: str,
    section: Section,
    words: str,
    *conditions: tuple[str, tuple[Check, Check]],
    sides: tuple[str, str] = ("highest", "lowest"),
    runs: bool = False,
    among: Among = Among.ALL,
) -> tuple[SentenceRule, ...]:
    """Two sentences from one set of words: KEY_highest and KEY_lowest (or the `sides` given), each with its
    side's checks. With `runs`, each side is written for one year, two and three in a row (KEY_SIDE,
    KEY_SIDE_2y, KEY_SIDE_3y), the longer run replacing the shorter for the same figures."""
    rows: list[SentenceRule] = []
    for side, name in enumerate(sides):
        text = _CHOICE.sub(lambda found, side=side: found[side + 1], words)
        checks = [(measure, pair[side]) for measure, pair in conditions]
        keys = [f"{key}_{name}", f"{key}_{name}_2y", f"{key}_{name}_3y"][: 3 if runs else 1]
        rows += [
            _rule(k, section, text, *checks, years=run, supersedes=tuple(keys[: run - 1]), among=among)
            for run, k in enumerate(keys, 1)
        ]
    return tuple(rows)


C, K, S, A = Section.CONTEXT, Section.KS4, Section.SUBJECTS, Section.ABSENCE
_SIMILAR_SCHOOLS = "schools with a similar level of deprivation"
_SIGNIFICANT = "in the [highest/lowest] 20% and significantly [above/below] the national average {years}"

SENTENCES = (
    *_pair("roll", C, "The school was in the [highest/lowest] 20% of all schools for the number of pupils "
           "({roll}).", ("roll", QUINTILE)),
    *_pair("fsm6", C, "The share of pupils eligible for free school meals at any time in the last six years "
           "(FSM6) was {fsm6}, in the [highest/lowest] 20% of all schools.", ("fsm6", QUINTILE)),
    *_pair("eal", C, "The share of pupils with English as an additional language (EAL) was {eal}, in the "
           "[highest/lowest] 20% of all schools.", ("eal", QUINTILE)),
    *_pair("sen_support", C, "The share of pupils with SEN support was {sen_support}, in the "
           "[highest/lowest] 20% of all schools.", ("sen_support", QUINTILE)),
    *_pair("ehc_plan", C, "The share of pupils with an education, health and care (EHC) plan was {ehc_plan}, "
           "in the [highest/lowest] 20% of all schools.", ("ehc_plan", QUINTILE)),
    *_pair("year_group", C, "The number of pupils in {items} was in the [highest/lowest] 20% of all schools.",
           ("year_group_roll", QUINTILE)),

    *_pair("attainment8", K, "Attainment 8 ({attainment8}) was in the [highest/lowest] 20% of all schools "
           "{years}.", ("attainment8", QUINTILE)),
    *_pair("progress8", K, f"Progress 8 ({{progress8}}) was {_SIGNIFICANT}.",
           ("progress8", QUINTILE), ("progress8", SIGNIFICANT), sides=("above", "below"), runs=True),
    *_pair("elements", K, f"Progress 8 in the following element(s) was {_SIGNIFICANT}: {{items}}.",
           ("element_progress8", QUINTILE), ("element_progress8", SIGNIFICANT), sides=("above", "below"),
           runs=True),
    *_pair("areas", K, f"Value added in {{items}} was {_SIGNIFICANT}.",
           ("area_value_added", QUINTILE), ("area_value_added", SIGNIFICANT), sides=("above", "below"),
           runs=True),
    *_pair("basics_5", K, "The share of pupils with grade 5 or above in English and maths ({basics_5}) was "
           "in the [highest/lowest] 20% of all schools {years}.", ("basics_5", QUINTILE)),
    *_pair("ebacc_entry", K, "The share of pupils entered for the EBacc ({ebacc_entry}) was in the "
           "[highest/lowest] 20% of all schools {years}.", ("ebacc_entry", QUINTILE)),
    *_pair("ebacc_aps", K, "The EBacc average point score ({ebacc_aps}) was in the [highest/lowest] 20% of "
           "all schools {years}.", ("ebacc_aps", QUINTILE)),

    *_pair("ebacc_subjects", S, "For the following EBacc subject(s), the average point score was in the "
           "[highest/lowest] 20% of schools nationally and the proportion of entries was at or above the "
           "national average: {items}.", ("subject_aps", QUINTILE), ("subject_entry", ENTRY),
           among=Among.EBACC_SUBJECTS),
    *_pair("other_subjects", S, "For the following subject(s) outside of the EBacc, the average point score "
           "was in the [highest/lowest] 20% of schools nationally and pupil entry was at or above the "
           "national average: {items}.", ("subject_aps", QUINTILE), ("subject_entry", ENTRY),
           among=Among.OTHER_SUBJECTS),
    _rule("ebacc_barrier", S, "The EBacc entry rate {years} was {ebacc_entry}, below the national average. "
          "The subject area that appears to be the greatest barrier to more pupils studying the EBacc is "
          "{ebacc_barrier}.", ("ebacc_entry", Check.BELOW_NATIONAL)),

    *_pair("overall_absence", A, "Overall absence ({overall_absence}) was in the [highest/lowest] 20% of all "
           "schools {years}.", ("overall_absence", QUINTILE)),
    *_pair("overall_absence_similar", A, "Overall absence ({overall_absence}) was in the [highest/lowest] "
           f"20% of {_SIMILAR_SCHOOLS} {{years}}.", ("overall_absence", SIMILAR)),
    *_pair("persistent_absence", A, "Persistent absence ({persistent_absence} of pupils) was in the "
           "[highest/lowest] 20% of all schools {years}.", ("persistent_absence", QUINTILE)),
    *_pair("persistent_absence_similar", A, "Persistent absence ({persistent_absence} of pupils) was in the "
           f"[highest/lowest] 20% of {_SIMILAR_SCHOOLS} {{years}}.", ("persistent_absence", SIMILAR)),
)  # fmt: skip

BY_KEY = {rule.key: rule for rule in SENTENCES}
