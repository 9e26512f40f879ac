"""Attendance measures over the lake (docs/attendance-measures.md), as Ibis expressions.

The measures are defined in `rollbook.rules.attendance.measures`; this module computes the same numbers
over many marks at once. Sessions are tallied per enrolment (academic year, school, UPN) so persistent and
severe absence test each enrolment against its own possible sessions, then the tallies are summed per group.
The engine returns whole-number counts only; rates come from the rules' own `rate`, so the two computations
cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection, Sequence
from dataclasses import fields

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from rollbook import config
from rollbook.analytics import engine as engines
from rollbook.analytics.attendance.figures import SchoolSummary, Summary
from rollbook.analytics.filters import Filters
from rollbook.lake import Lake
from rollbook.rules.attendance.codes import AEA, AUTHORISED, CATEGORY_OF, NOT_POSSIBLE, PRESENT, UNAUTHORISED
from rollbook.rules.attendance.measures import (
    PERSISTENT_ABSENCE_SHARE,
    SEVERE_ABSENCE_SHARE,
    Tally,
    from_totals,
    rate,
)
from rollbook.rules.calendar import academic_year_bounds, academic_year_of
from rollbook.rules.periods import Period, year_to_date
from rollbook.rules.years import SESSION_MEASURE_YEARS

#: The columns that identify one enrolment: a pupil's registration at one school in one academic year.
ENROLMENT = ("academic_year", "school", "upn")

#: What the pupils table says about a pupil that measures can be grouped by.
PUPIL_ATTRIBUTES = ("nc_year", "sex", "fsm6", "sen", "eal", "ethnicity", "reg_group")
#: Everything a measure can be grouped by.
GROUPINGS = ("school", *PUPIL_ATTRIBUTES, "upn", "week_commencing", "weekday", "session")

#: The categories tallied per enrolment, named as `Tally`'s fields (present includes L, late).
TALLIED = (PRESENT, AEA, AUTHORISED, UNAUTHORISED)
assert tuple(field.name for field in fields(Tally)) == tuple(map(str, TALLIED))


def academic_years_in(period: Period) -> list[int]:
    return list(range(academic_year_of(period.start), academic_year_of(period.end) + 1))


def enrolment_sessions(
    lake: Lake,
    schools: Collection[int],
    period: Period,
    filters: Filters = Filters(),
    engine: str | None = None,
) -> ir.Table:
    """Every mark in `period` that counts for an enrolment, with the pupil's attributes, the mark's
    statistical category, the Monday of its week and its weekday (Monday 0).

    A mark counts when its pupil is on roll that day (admission date to leaving date, both inclusive; an
    open end counts as on roll) and is in a year group with session measures (`SESSION_MEASURE_YEARS`; a
    pupil not following the National Curriculum has no year group and is left out). A code the rules do
    not know is left out, as not a possible session; the importer refuses such codes anyway.
    """
    years = academic_years_in(period)
    tables = engines.pupils(lake, schools, years, engine), engines.marks(lake, schools, years, engine)
    try:
        hash(filters)
    except TypeError:  # filters given as lists cannot key the memory
        return _sessions(*tables, period, filters)
    return _sessions_remembered(*tables, period, filters)


@functools.lru_cache(maxsize=256)
def _sessions_remembered(pupils: ir.Table, marks: ir.Table, period: Period, filters: Filters) -> ir.Table:
    """Built once per set of lake files, period and filters: a page asks for the same sessions several times,
    and building the expression costs more than answering it from the engine's remembered results."""
    return _sessions(pupils, marks, period, filters)


def _sessions(pupils: ir.Table, marks: ir.Table, period: Period, filters: Filters) -> ir.Table:
    pupils = filters.apply(pupils).select(*ENROLMENT, *PUPIL_ATTRIBUTES, "admission_date", "leaving_date")
    on_roll_marks = on_roll(pupils, marks, period)
    return on_roll_marks.mutate(
        week_commencing=on_roll_marks.date.truncate("W").cast("date"),
        weekday=on_roll_marks.date.day_of_week.index().cast("int8"),  # Monday 0 to Friday 4
    )


def on_roll(pupils: ir.Table, marks: ir.Table, period: Period) -> ir.Table:
    """Marks in `period` of `pupils` (keyed by `ENROLMENT`, with admission and leaving dates) while on roll
    and in a year group with session measures, joined to their pupil's columns and their code's category
    with a 0/1 column per tallied category (`enrolment_sessions` says when a mark counts)."""
    pupils = pupils.filter(pupils.nc_year.isin(SESSION_MEASURE_YEARS))
    marks = marks.filter(marks.date.between(period.start, period.end))
    joined = marks.join(pupils, list(ENROLMENT))
    counted = (joined.admission_date.isnull() | (joined.admission_date <= joined.date)) & (
        joined.leaving_date.isnull() | (joined.date <= joined.leaving_date)
    )
    return joined.filter(counted).join(_code_categories(), "code")


@functools.cache
def _code_categories() -> ir.Table:
    """Each register code with its category and a 0/1 column per tallied category, from the rules."""
    codes = sorted(CATEGORY_OF)
    return ibis.memtable(
        pa.table(
            {
                "code": codes,
                "category": [str(CATEGORY_OF[code]) for code in codes],
                **{
                    str(tallied): pa.array([int(CATEGORY_OF[code] is tallied) for code in codes], pa.int8())
                    for tallied in TALLIED
                },
            }
        )
    )


def measures(
    lake: Lake,
    schools: Collection[int],
    period: Period,
    filters: Filters = Filters(),
    by: Sequence[str] = (),
    engine: str | None = None,
) -> list[dict[str, object]]:
    """The attendance summary (`SUMMARY_KEYS`) per group of `by`, one dict per group, ordered by group.

    `pupils` counts enrolments with at least one possible session in the group. Persistent and severe
    absence test each enrolment over its own possible sessions in the period (and, when grouped by week,
    in that week). A group appears when it has any counted mark; with no grouping there is always one row.
    """
    return _measures(enrolment_sessions(lake, schools, period, filters, engine), by, engine)


def _measures(sessions: ir.Table, by: Sequence[str], engine: str | None) -> list[dict[str, object]]:
    by = _checked(by)
    rows = engines.run(group_totals(enrolment_tallies(sessions, by), by), engine)
    if not by and not rows:
        rows = [{}]
    return [{**{column: row[column] for column in by}, **_summary(row)} for row in rows]


def _checked(by: Sequence[str]) -> tuple[str, ...]:
    unknown = [column for column in by if column not in GROUPINGS]
    if unknown:
        raise ValueError(f"cannot group by {', '.join(unknown)}; choose from {', '.join(GROUPINGS)}")
    return tuple(dict.fromkeys(by))


def enrolment_tallies(sessions: ir.Table, by: tuple[str, ...]) -> ir.Table:
    """One row per enrolment (per group of `by`): its sessions in each tallied category."""
    keys = [*ENROLMENT, *(column for column in by if column not in ENROLMENT)]
    counts = {str(category): sessions[str(category)].sum() for category in TALLIED}
    return sessions.group_by(keys).aggregate(**counts)


def attended_and_absent(tallied: ir.Table) -> tuple[ir.IntegerValue, ir.IntegerValue]:
    """Sessions attended (present, late and AEA) and absent (authorised and unauthorised) from a table of
    tallied categories, in the engine; together they are the possible sessions."""
    attended = tallied[str(PRESENT)] + tallied[str(AEA)]
    return attended, tallied[str(AUTHORISED)] + tallied[str(UNAUTHORISED)]


def group_totals(enrolments: ir.Table, by: tuple[str, ...]) -> ir.Table:
    """Summed tallies per group, with counted enrolments and persistent and severe absentees."""
    attended, absence = attended_and_absent(enrolments)
    possible = attended + absence
    counted = possible > 0

    def missed_at_least(share) -> ir.BooleanColumn:
        # The rules' test in whole numbers: absence / possible >= share.
        return counted & (absence * share.denominator >= possible * share.numerator)

    totals = {str(category): enrolments[str(category)].sum() for category in TALLIED}
    per_group = enrolments.aggregate(
        by=list(by),
        pupils=counted.sum(),
        persistent_absentees=missed_at_least(PERSISTENT_ABSENCE_SHARE).sum(),
        severe_absentees=missed_at_least(SEVERE_ABSENCE_SHARE).sum(),
        **totals,
    )
    return per_group.order_by(list(by)) if by else per_group


def _summary(row: dict[str, object]) -> Summary:
    """The summary for one group from its counts, keyed and ordered by `SUMMARY_KEYS`."""
    total = Tally(*(int(row.get(str(category)) or 0) for category in TALLIED))
    pupils = int(row.get("pupils") or 0)
    persistent = int(row.get("persistent_absentees") or 0)
    severe = int(row.get("severe_absentees") or 0)
    return from_totals(total, pupils, persistent, severe)


def reasons(
    lake: Lake,
    schools: Collection[int],
    period: Period,
    filters: Filters = Filters(),
    by: Sequence[str] = (),
    engine: str | None = None,
) -> list[dict[str, object]]:
    """Sessions per register code per group of `by`, with the DfE "absence rate by reason": the code's
    sessions as a percentage of the group's possible sessions. Codes that are not possible sessions (D, X,
    Y1-Y7, Z, #, "-") are listed with their sessions, for checking data, and a rate of None."""
    by = _checked(by)
    per_code = _per_code(enrolment_sessions(lake, schools, period, filters, engine), by)
    possible = per_code.category != str(NOT_POSSIBLE)
    group_possible = ibis.ifelse(possible, per_code.sessions, 0).sum().over(group_by=list(by))
    ordered = per_code.mutate(possible_sessions=group_possible).order_by([*by, "code"])
    return [
        {
            **{column: row[column] for column in (*by, "code", "category", "sessions")},
            "rate": rate(row["sessions"], row["possible_sessions"])
            if row["category"] != NOT_POSSIBLE
            else None,
        }
        for row in engines.run(ordered, engine)
    ]


def _per_code(sessions: ir.Table, by: tuple[str, ...]) -> ir.Table:
    return sessions.group_by([*by, "code", "category"]).aggregate(sessions=sessions.count())


def group_counts(
    lake: Lake,
    schools: Collection[int],
    period: Period,
    by: Sequence[str] = (),
    engine: str | None = None,
) -> tuple[pa.Table, pa.Table]:
    """The whole-number counts behind `measures` and `reasons`, per group of `by`, as Arrow tables.

    For bulk output such as publishing, where rates are made later from sums: the first table has the
    group's pupils, tallied sessions (present, aea, authorised, unauthorised) and persistent and severe
    absentees; the second its sessions per code.
    """
    by = _checked(by)
    sessions = enrolment_sessions(lake, schools, period, Filters(), engine)
    return (
        engines.arrow(group_totals(enrolment_tallies(sessions, by), by), engine),
        engines.arrow(_per_code(sessions, by).drop("category"), engine),
    )


def latest_academic_year(lake: Lake, school: int) -> int | None:
    """The latest academic year for which the lake holds the school's pupils, or None."""
    return max(lake.academic_years(school), default=None)


def data_to(lake: Lake, school: int, academic_year: int, engine: str | None = None) -> dt.date | None:
    """The date of the school's latest mark held for `academic_year`, or None when it has none."""
    return latest_marks(lake, [school], academic_year, engine).get(school)


def latest_marks(
    lake: Lake, schools: Collection[int], academic_year: int, engine: str | None = None
) -> dict[int, dt.date]:
    """The date of each school's latest mark held for `academic_year`; schools with none are left out.
    Remembered until one of the schools' files changes: every page asks it, for its period and freshness."""
    chosen = tuple(sorted(set(schools)))
    versions = tuple(lake.version(school) for school in chosen)
    return dict(_latest_marks(lake.root, chosen, academic_year, versions, engine or config.engine()))


@functools.lru_cache(maxsize=256)
def _latest_marks(
    root, schools: tuple[int, ...], academic_year: int, versions: tuple[str, ...], engine: str
) -> tuple[tuple[int, dt.date], ...]:
    marks = engines.marks(Lake(root), schools, [academic_year], engine)
    rows = engines.run(marks.group_by("school").aggregate(latest=marks.date.max()), engine)
    return tuple((row["school"], row["latest"]) for row in rows if row["latest"] is not None)


def year_to_date_held(
    lake: Lake, school: int, engine: str | None = None, academic_year: int | None = None
) -> Period:
    """An academic year held for the school (default: the latest), from 1 August to its latest mark;
    LookupError if none."""
    year = latest_academic_year(lake, school) if academic_year is None else academic_year
    if year is None:
        raise LookupError(f"no attendance data is held for school {school}")
    return year_to_date(year, data_to(lake, school, year, engine) or academic_year_bounds(year)[0])


def period_info(period: Period) -> dict[str, str]:
    """A period as reports carry it: ISO dates and the label schools read."""
    return {"from": period.start.isoformat(), "to": period.end.isoformat(), "label": period.label}


def summary(
    lake: Lake,
    school: int,
    period: Period | None = None,
    filters: Filters = Filters(),
    engine: str | None = None,
) -> SchoolSummary:
    """A school's attendance summary for `period`, overall and week by week (weeks labelled by Monday,
    only weeks with marks).

    Without a period: the latest academic year held for the school, to the date of its latest mark.
    `data_to` is that latest mark's date in the period's academic year, for the page's freshness line.
    """
    period = period or year_to_date_held(lake, school, engine)
    held_to = data_to(lake, school, academic_year_of(period.end), engine)
    sessions = enrolment_sessions(lake, [school], period, filters, engine)
    (overall,) = _measures(sessions, (), engine)
    weeks = _measures(sessions, ("week_commencing",), engine)
    return {
        "school": school,
        "period": period_info(period),
        "data_to": held_to.isoformat() if held_to else None,
        "measures": overall,
        "weeks": [{**week, "week_commencing": week["week_commencing"].isoformat()} for week in weeks],
    }
