"""Every pupil's KS4 measures worked out by the engine over all their results at once, for a national cohort:
the rules (rules/results/pupil_measures.py) measure one pupil at a time in Python, which for the 550,000
pupils of a national publish takes minutes; here the same definitions are Ibis expressions that DuckDB or
Spark run over every result in one query (docs/ks4-measures.md).

Nothing is written twice: the point scores and thresholds are the rules' own (`parse_grade` over every grade
each qualification allows, held as a small table), the pillars, science routes and discount groups come
from subjects.py, and the slot counts from attainment8.py, ebacc.py and progress8.py. The rules remain the
definition; a test holds the two equal pupil by pupil
(tests/analytics/results/test_the_vectorised_measures_equal_the_rules_for_every_pupil.py).

Where the rules keep "the first given" of two equally good results in one discount group, the engine keeps
the first in the order the lake sorts a partition by (subject, qualification, exam series, grade), which is
the order a partition gives them.

What the engine gives back is each pupil's sums (the Attainment 8 elements, the EBacc pillars and flags,
the Basics), not the results placed in their slots: the pupil-level reports keep measuring by the rules.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Collection
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from rollbook.analytics import engine as engines
from rollbook.analytics.results.cohort import absence_in_year, display_name, fetch_unremembered, held_prior
from rollbook.lake import Lake
from rollbook.rules.attendance.measures import is_persistent_absentee
from rollbook.rules.results.attainment8 import EBACC_SLOTS, OPEN_SLOTS, Element
from rollbook.rules.results.basics import Basics
from rollbook.rules.results.ebacc import (
    OTHER_AREAS_GRADE,
    SINGLE_SCIENCES_COUNTED,
    SINGLE_SCIENCES_SAT,
    Area,
    EBacc,
)
from rollbook.rules.results.grades import (
    ABSENT,
    LETTER_POINTS_FROM_2017,
    LETTER_POINTS_TO_2016,
    TECHNICAL_POINTS,
    UNGRADED,
    BadGrade,
    parse_grade,
)
from rollbook.rules.results.progress8 import ELEMENT_SLOTS
from rollbook.rules.results.pupil_groups import Ks4Pupil
from rollbook.rules.results.pupil_measures import PupilMeasures
from rollbook.rules.results.qualifications import QUALIFICATIONS
from rollbook.rules.results.subjects import EBACC_SLOT_PILLARS, SUBJECTS, Pillar, Science
from rollbook.rules.years import KS4_YEAR

PUPIL = ("school", "upn")
#: The grades the threshold measures ask for: achieved at 4+ and at 5+.
THRESHOLDS = (4, 5)
#: The EBacc areas in the order the engine's columns name them.
AREAS = {Area.ENGLISH: "english", Area.MATHS: "maths", Area.SCIENCE: "science",
         Area.HUMANITIES: "humanities", Area.LANGUAGES: "languages"}  # fmt: skip
#: The six EBacc pillars' columns, in the order of `EBacc.pillar_points`.
PILLAR_COLUMNS = tuple(f"ebacc_points_{name}" for name in ("english", "maths", "science_1", "science_2",
                                                             "humanities", "languages"))  # fmt: skip
#: Each Attainment 8 element's column, in the order of `Element` and of `Elements`' fields.
ELEMENT_COLUMNS = {element: f"attainment8_{element.name.lower()}" for element in Element}


@dataclass(frozen=True)
class Elements:
    """A pupil's Attainment 8 as the engine sums it: each element's points, without the slots behind them.
    It answers what headline figures, estimates and Progress 8 ask of the rules' `Attainment8`."""

    maths: float
    english: float
    ebacc: float
    open: float

    def element(self, element: Element) -> float:
        return getattr(self, element.name.lower())

    @property
    def total(self) -> float:
        return self.maths + self.english + self.ebacc + self.open


def pupil_measures(pupils: ir.Table, results: ir.Table, academic_year: int) -> ir.Table:
    """One row per pupil of `pupils` (keyed by school and upn) with their measures from `results` in
    `academic_year` (2018 is 2018/19): `results` (every row held, absent and discounted ones too), the four
    Attainment 8 elements, each EBacc area entered, EBacc achieved at 4 and 5, the six EBacc pillars'
    points, English and maths entered and the Basics at 4 and 5. A pupil without results scores 0."""
    pupils = pupils.select(*PUPIL).distinct()
    held = results.group_by(PUPIL).aggregate(results=results.upn.count())
    counting = counted(results, academic_year)
    areas = _areas(counting)
    elements = _elements(counting)
    found = (
        pupils.left_join(held, list(PUPIL))
        .select(*PUPIL, "results")
        .left_join(areas, list(PUPIL))
        .select(~ibis.selectors.endswith("_right"))
        .left_join(elements, list(PUPIL))
        .select(~ibis.selectors.endswith("_right"))
        .pipe(_science)
    )
    both = found.english_language & found.english_literature
    english_weight = ibis.ifelse(both, ELEMENT_SLOTS[Element.ENGLISH], 1)
    sums = {
        "results": found.results.fill_null(0),
        ELEMENT_COLUMNS[Element.MATHS]: found.maths_top * ELEMENT_SLOTS[Element.MATHS],
        ELEMENT_COLUMNS[Element.ENGLISH]: found.english_top * english_weight,
        ELEMENT_COLUMNS[Element.EBACC]: found.ebacc_sum,
        ELEMENT_COLUMNS[Element.OPEN]: found.open_sum,
        "ebacc_english": both,
        "ebacc_maths": found.maths_sat,
        "ebacc_science": found.science_entered,
        "ebacc_humanities": found.humanities_sat,
        "ebacc_languages": found.languages_sat,
        **{
            f"ebacc_{grade}": both
            & found[f"english_{grade}"]
            & found[f"maths_{grade}"]
            & found.science_achieved
            & found.humanities_reached
            & found.languages_reached
            for grade in THRESHOLDS
        },
        PILLAR_COLUMNS[0]: ibis.ifelse(both, found.english_best, 0.0),
        PILLAR_COLUMNS[1]: found.maths_best,
        PILLAR_COLUMNS[2]: found.science_first,
        PILLAR_COLUMNS[3]: found.science_second,
        PILLAR_COLUMNS[4]: found.humanities_best,
        PILLAR_COLUMNS[5]: found.languages_best,
        "basics_english": found.english_language | found.english_literature,
        "basics_maths": found.maths_sat,
        **{f"basics_{grade}": found[f"english_{grade}"] & found[f"maths_{grade}"] for grade in THRESHOLDS},
    }
    return found.select(*PUPIL, **{name: _filled(value) for name, value in sums.items()})


def counted(results: ir.Table, academic_year: int) -> ir.Table:
    """The results that count, each with its points and its subject's place (discounting.py): absent (X)
    results never count; in a discount group, the first entry in an EBacc subject when every series is
    known, then a reformed GCSE before anything else, then the most points (points per slot times slots).
    A grade the rules' table lacks (none the importer lets in) counts nowhere, where the rules would raise."""
    found = results.join(grade_points(academic_year), ["qualification", "grade"]).join(
        subject_places(), "subject"
    )
    found = found.filter(found.attempted)
    group = [*PUPIL, "discount_group"]
    found = found.mutate(
        first_series=found.exam_series.min().over(group_by=group),
        dated=found.exam_series.count().over(group_by=group) == found.upn.count().over(group_by=group),
        in_ebacc_subject=(found.pillar != Pillar.NONE.value).any().over(group_by=group),
    )
    found = found.filter(~(found.in_ebacc_subject & found.dated) | (found.exam_series == found.first_series))
    found = found.mutate(reformed_held=found.reformed.any().over(group_by=group))
    found = found.filter(~found.reformed_held | found.reformed)
    found = found.mutate(
        place=ibis.row_number().over(
            group_by=group, order_by=[ibis.desc(found.points * found.slots), *_lake_order(found)]
        )
    )
    return found.filter(found.place == 0).select(
        *PUPIL, "subject", "qualification", "grade", "exam_series", "pillar", "science", "points",
        "threshold", "slots", "ebacc",
    )  # fmt: skip


def _lake_order(table: ir.Table) -> list:
    """A partition's own order of one pupil's results: "the first given" among equals."""
    return [table.subject, table.qualification, ibis.asc(table.exam_series, nulls_first=False), table.grade]


def _elements(counting: ir.Table) -> ir.Table:
    """Each pupil's best maths and English and the sums of their EBacc and open slots (attainment8.py):
    a double award fills up to two slots; the spare English and unused EBacc results may go in the open
    slots; a maths result that is not a GCSE counts nowhere."""
    english_pillars = [Pillar.ENGLISH_LANGUAGE.value, Pillar.ENGLISH_LITERATURE.value]
    kind = ibis.cases(
        ((counting.pillar == Pillar.MATHS.value) & counting.ebacc, Element.MATHS.value),
        (counting.pillar.isin(english_pillars) & counting.ebacc, Element.ENGLISH.value),
        (counting.pillar.isin([p.value for p in EBACC_SLOT_PILLARS]) & counting.ebacc, Element.EBACC.value),
        (counting.pillar != Pillar.MATHS.value, Element.OPEN.value),
    )
    kinds = counting.mutate(kind=kind)
    kinds = kinds.filter(kinds.kind.notnull())
    units = kinds.cross_join(_slot_units())
    units = units.filter(
        units.unit <= ibis.ifelse(units.kind.isin([Element.EBACC.value, Element.OPEN.value]), units.slots, 1)
    )
    units = units.mutate(rank=ibis.row_number().over(group_by=[*PUPIL, "kind"], order_by=ibis.desc("points")))
    basket = ibis.cases(
        ((units.kind == Element.MATHS.value) & (units.rank == 0), Element.MATHS.value),
        ((units.kind == Element.ENGLISH.value) & (units.rank == 0), Element.ENGLISH.value),
        ((units.kind == Element.EBACC.value) & (units.rank < EBACC_SLOTS), Element.EBACC.value),
        (units.kind != Element.MATHS.value, Element.OPEN.value),
    )
    placed = units.mutate(basket=basket)
    placed = placed.filter(placed.basket.notnull())
    placed = placed.mutate(
        place=ibis.row_number().over(group_by=[*PUPIL, "basket"], order_by=ibis.desc("points"))
    )
    placed = placed.filter((placed.basket != Element.OPEN.value) | (placed.place < OPEN_SLOTS))
    points = placed.points

    def total(element: Element) -> ir.FloatingScalar:
        return points.sum(where=placed.basket == element.value)

    return placed.group_by(PUPIL).aggregate(
        maths_top=total(Element.MATHS),
        english_top=total(Element.ENGLISH),
        ebacc_sum=total(Element.EBACC),
        open_sum=total(Element.OPEN),
    )


def _areas(counting: ir.Table) -> ir.Table:
    """What the EBacc and the Basics ask of each pupil's GCSEs (ebacc.py, basics.py): which pillars were
    sat, the best points and whether any result reaches the thresholds in each, and each science route's
    parts."""
    sat = counting.filter(counting.ebacc)
    sat = sat.mutate(
        rank=ibis.row_number().over(
            group_by=[*PUPIL, "science"], order_by=[ibis.desc("points"), *_lake_order(sat)]
        )
    )
    pillar, science, points, threshold = sat.pillar, sat.science, sat.points, sat.threshold
    english = pillar.isin([Pillar.ENGLISH_LANGUAGE.value, Pillar.ENGLISH_LITERATURE.value])

    def has(condition: ir.BooleanValue) -> ir.BooleanScalar:
        return sat.upn.count(where=condition) > 0

    def reaches(grade: int) -> ir.BooleanValue:
        return threshold.notnull() & (threshold >= grade)

    def route(kind: Science, rank: int | None = None) -> ir.BooleanValue:
        found = science == kind.value
        return found if rank is None else found & (sat.rank == rank)

    def best(condition: ir.BooleanValue) -> ir.FloatingScalar:
        return points.max(where=condition)

    wanted = {
        "english_language": has(pillar == Pillar.ENGLISH_LANGUAGE.value),
        "english_literature": has(pillar == Pillar.ENGLISH_LITERATURE.value),
        "english_best": best(english),
        **{f"english_{grade}": has(english & reaches(grade)) for grade in THRESHOLDS},
        "maths_sat": has(pillar == Pillar.MATHS.value),
        "maths_best": best(pillar == Pillar.MATHS.value),
        **{f"maths_{grade}": has((pillar == Pillar.MATHS.value) & reaches(grade)) for grade in THRESHOLDS},
        **{
            f"{name}_{what}": value
            for name, chosen in (("humanities", Pillar.HUMANITIES), ("languages", Pillar.LANGUAGES))
            for what, value in (
                ("sat", has(pillar == chosen.value)),
                ("best", best(pillar == chosen.value)),
                ("reached", has((pillar == chosen.value) & reaches(OTHER_AREAS_GRADE))),
            )
        },
        "combined_best": best(route(Science.COMBINED)),
        "combined_reached": has(route(Science.COMBINED) & reaches(OTHER_AREAS_GRADE)),
        "singles_sat": sat.subject.nunique(where=route(Science.SINGLE)),
        "single_first": best(route(Science.SINGLE, 0)),
        "single_second": best(route(Science.SINGLE, 1)),
        "singles_reached": sat.upn.count(where=route(Science.SINGLE) & reaches(OTHER_AREAS_GRADE)),
        **{
            f"{kind.value}_{what}": value
            for kind in (Science.CORE, Science.ADDITIONAL)
            for what, value in (
                ("best", best(route(kind, 0))),
                ("reached", has(route(kind, 0) & reaches(OTHER_AREAS_GRADE))),
            )
        },
    }
    return sat.group_by(PUPIL).aggregate(**wanted)


def _science(found: ir.Table) -> ir.Table:
    """The science pillar from each route a pupil's sciences meet (ebacc.py): a combined science, three or
    more single sciences (their best two), or core with additional science; entered by any, achieved by
    any reaching grade 4, and scoring the route whose (first, second) points are the greatest. Each route
    is weighed in a step of its own, so the expression grows with the routes, not their product."""
    core, additional = found.core_best, found.additional_best
    routes = [
        (found.combined_best.notnull(), found.combined_best, found.combined_best, found.combined_reached),
        (
            found.singles_sat >= SINGLE_SCIENCES_SAT,
            found.single_first,
            found.single_second,
            found.singles_reached >= SINGLE_SCIENCES_COUNTED,
        ),
        (
            core.notnull() & additional.notnull(),
            ibis.greatest(core, additional),
            ibis.least(core, additional),
            found.core_reached & found.additional_reached,
        ),
    ]
    found = found.mutate(
        science_first=ibis.literal(None, type="float64"),
        science_second=ibis.literal(None, type="float64"),
        science_entered=False,
        science_achieved=False,
    )
    for valid, route_first, route_second, reached in routes:
        found = found.mutate(
            valid=valid.fill_null(False), route_first=route_first, route_second=route_second, reached=reached
        )
        first, second = found.science_first, found.science_second
        better = found.valid & (
            first.isnull()
            | (found.route_first > first)
            | ((found.route_first == first) & (found.route_second > second))
        )
        found = found.mutate(
            science_first=ibis.ifelse(better, found.route_first, first),
            science_second=ibis.ifelse(better, found.route_second, second),
            science_entered=found.science_entered | found.valid,
            science_achieved=found.science_achieved | (found.valid & found.reached.fill_null(False)),
        ).drop("valid", "route_first", "route_second", "reached")
    return found


def _filled(value: ir.Value) -> ir.Value:
    """A pupil with no result (or none that counts) has 0 points and no flag."""
    return value.fill_null(False if value.type().is_boolean() else 0)


@functools.cache
def grade_points(academic_year: int) -> ir.Table:
    """Every grade each qualification allows, as Rollbook writes it, with its points per slot, its
    threshold grade and whether it was sat, worked out by the rules' `parse_grade` for `academic_year`."""
    digits = [str(number) for number in range(1, 10)]
    texts = {UNGRADED, ABSENT, *digits, *(f"{a}-{b}" for a, b in itertools.product(digits, repeat=2)),
             *LETTER_POINTS_TO_2016, *LETTER_POINTS_FROM_2017, *TECHNICAL_POINTS}  # fmt: skip
    rows = []
    for kind, text in itertools.product(QUALIFICATIONS, sorted(texts)):
        try:
            grade = parse_grade(kind.scale, text, academic_year)
        except BadGrade:
            continue
        if grade.text == text:
            rows.append({"qualification": kind.key, "grade": text, "points": grade.points,
                         "threshold": grade.threshold, "attempted": grade.attempted, "slots": kind.slots,
                         "ebacc": kind.ebacc, "reformed": kind.reformed})  # fmt: skip
    schema = pa.schema([("qualification", pa.string()), ("grade", pa.string()), ("points", pa.float64()),
                        ("threshold", pa.int64()), ("attempted", pa.bool_()), ("slots", pa.int64()),
                        ("ebacc", pa.bool_()), ("reformed", pa.bool_())])  # fmt: skip
    return ibis.memtable(pa.Table.from_pylist(rows, schema))


@functools.cache
def subject_places() -> ir.Table:
    """Each subject's discount group, EBacc pillar and science route (subjects.py)."""
    return ibis.memtable(
        pa.Table.from_pylist(
            [{"subject": s.key, "discount_group": s.group, "pillar": s.pillar.value,
              "science": s.science.value if s.science else None} for s in SUBJECTS],
            pa.schema([("subject", pa.string()), ("discount_group", pa.string()), ("pillar", pa.string()),
                       ("science", pa.string())]),
        )
    )  # fmt: skip


@functools.cache
def _slot_units() -> ir.Table:
    """One row per Attainment 8 slot a qualification can fill (two for a double award)."""
    return ibis.memtable({"unit": list(range(1, max(kind.slots for kind in QUALIFICATIONS) + 1))})


#: The pupil's own columns a KS4 pupil carries (pupil_groups.Ks4Pupil).
PUPIL_COLUMNS = ("sex", "fsm6", "sen", "eal", "reg_group")


def measured_pupils(
    lake: Lake, schools: Collection[int], academic_year: int, engine: str | None = None
) -> dict[int, list[Ks4Pupil]]:
    """Each school's Year 11 pupils of the year measured by the engine (no Progress 8 yet), for the schools
    whose Year 11 pupils hold any result, in URN order and each school's pupils in UPN order; as
    cohort.cohorts gives them, but their measures list no results, only the sums."""
    schools, years = sorted(set(schools)), [academic_year]
    pupils = engines.pupils(lake, schools, years, engine)
    pupils = pupils.filter(pupils.nc_year == KS4_YEAR)
    results = engines.lake_table(lake, "results", schools, years, engine).semi_join(pupils, list(PUPIL))
    prior = engines.lake_table(lake, "prior_attainment", schools, years, engine)
    rows = (
        pupils.select(*PUPIL, "forename", "surname", *PUPIL_COLUMNS)
        .join(pupil_measures(pupils, results, academic_year), list(PUPIL))
        .left_join(prior.select(*PUPIL, "baseline", "ks2_reading", "ks2_maths"), list(PUPIL))
        .select(~ibis.selectors.endswith("_right"))
        .order_by(list(PUPIL))
    )
    absence = absence_in_year(lake, schools, academic_year, fetch_unremembered, engine)
    columns = engines.arrow(rows, engine).to_pydict()
    by_school: dict[int, list[Ks4Pupil]] = {}
    held: set[int] = set()
    for row in (dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)):
        key = (row["school"], row["upn"])
        missed = absence.get(key)
        by_school.setdefault(row["school"], []).append(
            Ks4Pupil(
                upn=row["upn"],
                name=display_name(row),
                **{column: row[column] for column in PUPIL_COLUMNS},
                absence=missed[0] / missed[1] if missed and missed[1] else None,
                persistently_absent=is_persistent_absentee(*missed) if missed and missed[1] else None,
                measures=_measures(row),
            )
        )
        if row["results"]:
            held.add(row["school"])
    return {school: by_school[school] for school in sorted(held)}


def _measures(row: dict) -> PupilMeasures:
    reading = row["ks2_reading"]
    prior = held_prior(reading, row["ks2_maths"], row["baseline"]) if reading is not None else None
    return PupilMeasures(
        upn=row["upn"],
        counted=(),
        discounted=(),
        attainment8=Elements(*(row[column] for column in ELEMENT_COLUMNS.values())),
        ebacc=EBacc(
            _areas_entered(*(row[f"ebacc_{name}"] for name in AREAS.values())),
            row["ebacc_4"],
            row["ebacc_5"],
            tuple(row[column] for column in PILLAR_COLUMNS),
        ),
        basics=Basics(row["basics_english"], row["basics_maths"], row["basics_4"], row["basics_5"]),
        prior=prior,
        progress8=None,
    )


@functools.cache
def _areas_entered(*entered: bool) -> frozenset[Area]:
    return frozenset(area for area, yes in zip(AREAS, entered, strict=True) if yes)
