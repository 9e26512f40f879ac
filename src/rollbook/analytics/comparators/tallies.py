"""Each enrolment's tallies in the periods still open, kept in the lake from one publish to the next.

Persistent and severe absence are decided on each enrolment's own sessions in a period, so a new day cannot
be added to a published cell: it is added to each enrolment's tallies, and the cells summed again. So a
publish keeps, for every school, each enrolment's sessions per tallied category in every period a later day
could still fall in: the year to date, the half-term and term not yet over, the week not yet over, and the
year to date by weekday and session. They are kept in the lake beside the schools' data, as parts of a few
hundred schools (`lake.parts`) under `_tallies/<academic year>/<line>/<snapshot>/`, where `line` tells
apart the snapshot folders one lake is published to. No UPN is kept: an enrolment is numbered from its
school's URN and its place in the school's pupils, a number that holds while the pupils are unchanged (as
new days require, `inputs`). An erasure deletes every part holding the school (`Lake.erase_pupil`), so the
next publish measures it whole.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import operator
import shutil
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from rollbook.analytics.attendance.sessions import TALLIED
from rollbook.lake import Lake
from rollbook.lake.parts import schools_of
from rollbook.rules.calendar import (
    HALF_TERM_NAMES,
    SESSIONS,
    TERM_NAMES,
    SchoolCalendar,
    Session,
    academic_year_bounds,
)

#: An enrolment's number is its school's URN times this, plus its place in the school's pupils.
ENROLMENTS_PER_SCHOOL = 2**20
#: A tally's period is one small number, its `period_id`: the year to date `YEAR_ID`; half-term and term
#: n (by their place in `HALF_TERM_NAMES` and `TERM_NAMES`) `HALF_TERM_IDS + n` and `TERM_IDS + n`; the year
#: to date on weekday d (Monday 0) in the morning or afternoon `WEEKDAY_IDS + 2d` or one more; a week
#: `WEEK_IDS` plus the weeks from Monday 5 January 1970 to its Monday. Tallies are grouped by enrolment and
#: this number alone: two integers, where a period's kind, number, Monday, weekday and session were five.
YEAR_ID, HALF_TERM_IDS, TERM_IDS, WEEKDAY_IDS, WEEK_IDS = 0, 1, 8, 16, 32
SCHEMA = pa.schema(
    [
        ("school", pa.int64()),
        ("enrolment", pa.int64()),
        ("period_id", pa.int16()),
        *((str(category), pa.int64()) for category in TALLIED),
    ]
)
#: What places a tally: its enrolment and period.
KEY = ("enrolment", "period_id")
_EPOCH_MONDAY = dt.date(1970, 1, 5)
_WEEK = dt.timedelta(days=7)


@dataclass(frozen=True)
class Periods:
    """Some of a calendar's periods: the year to date or not, half-terms and terms by their numbers in
    `HALF_TERM_NAMES` and `TERM_NAMES`, the weeks whose Mondays fall between two dates, and weekdays
    (Monday 0) of the year to date by weekday and session."""

    year: bool = False
    half_terms: frozenset[int] = frozenset()
    terms: frozenset[int] = frozenset()
    weeks: tuple[dt.date, dt.date] | None = None
    weekdays: frozenset[int] = frozenset()

    @classmethod
    def open_after(cls, calendar: SchoolCalendar, as_of: dt.date) -> Periods:
        """The periods a day after `as_of` could still fall in (none once the year is over)."""
        if as_of >= academic_year_bounds(calendar.academic_year)[1]:
            return cls()
        return cls(
            year=True,
            half_terms=_numbers(calendar.half_terms, lambda half: half.end > as_of),
            terms=_numbers(calendar.terms, lambda term: term.end > as_of),
            weeks=(as_of - dt.timedelta(days=5), dt.date.max),  # a week whose Sunday is after `as_of`
            weekdays=frozenset(range(7)),
        )

    @classmethod
    def holding(cls, calendar: SchoolCalendar, since: dt.date, as_of: dt.date) -> Periods:
        """The periods holding a day after `since`, up to `as_of`: those a publish's new days fall in."""
        first = since + dt.timedelta(days=1)
        days = [first + dt.timedelta(days=n) for n in range(min((as_of - since).days, 7))]
        return cls(
            year=True,
            half_terms=_numbers(calendar.half_terms, lambda half: half.start <= as_of and half.end >= first),
            terms=_numbers(calendar.terms, lambda term: term.start <= as_of and term.end >= first),
            weeks=(_monday(first), _monday(as_of)),
            weekdays=frozenset(day.weekday() for day in days),
        )

    def numbered(self, rows: ir.Table) -> ir.BooleanValue:
        """Whether a tally (by its `period_id`) is in one of these periods."""
        ids = rows.period_id
        return _any(
            self.year and ids == YEAR_ID,
            self.half_terms and ids.isin([HALF_TERM_IDS + number for number in sorted(self.half_terms)]),
            self.terms and ids.isin([TERM_IDS + number for number in sorted(self.terms)]),
            self.weeks and ids.between(week_id(self.weeks[0] + dt.timedelta(days=6)), week_id(self.weeks[1])),
            self.weekdays and ids.isin(weekday_ids(self.weekdays)),
        )

    def mondays(self) -> list[str]:
        """The Mondays of these weeks, as ISO dates (as a snapshot names its weeks)."""
        if self.weeks is None:
            return []
        first, last = self.weeks
        return [(first + n * _WEEK).isoformat() for n in range((last - first).days // 7 + 1)]

    def named(self, rows: ir.Table) -> ir.BooleanValue:
        """Whether a snapshot's row (kind, period, weekday) is of one of these periods."""
        mondays = self.mondays()
        half_terms = [HALF_TERM_NAMES[number] for number in sorted(self.half_terms)]
        terms = [TERM_NAMES[number] for number in sorted(self.terms)]
        return _any(
            self.year and rows.kind == "year",
            half_terms and (rows.kind == "half_term") & rows.period.isin(half_terms),
            terms and (rows.kind == "term") & rows.period.isin(terms),
            mondays and (rows.kind == "week") & rows.period.isin(mondays),
            self.weekdays
            and "weekday" in rows.columns
            and (rows.kind == "weekday") & rows.weekday.isin(sorted(self.weekdays)),
        )


def week_id(day: dt.date) -> int:
    """The `period_id` of the week holding `day`."""
    return WEEK_IDS + (day - _EPOCH_MONDAY).days // 7


def week_ids(days: ir.DateValue) -> ir.IntegerValue:
    """`week_id`, on the engine."""
    return (WEEK_IDS + (days.epoch_days() - (_EPOCH_MONDAY - dt.date(1970, 1, 1)).days) // 7).cast("int16")


def weekday_id(weekday: int, afternoon: bool) -> int:
    """The `period_id` of the year to date on `weekday` (Monday 0), in the morning or the afternoon."""
    return WEEKDAY_IDS + 2 * weekday + int(afternoon)


def weekday_ids(weekdays: Collection[int]) -> list[int]:
    """The `period_id`s of the year to date on `weekdays` (Monday 0), morning and afternoon."""
    return [weekday_id(day, afternoon) for day in sorted(weekdays) for afternoon in (False, True)]


def session_ids(days: ir.DateValue, sessions: ir.StringValue) -> ir.IntegerValue:
    """`weekday_id` of each mark's weekday and session, on the engine."""
    afternoon = (sessions == str(Session.PM)).cast("int16")
    return (WEEKDAY_IDS + 2 * days.day_of_week.index().cast("int16") + afternoon).cast("int16")


def begun(calendar: SchoolCalendar, as_of: dt.date) -> list[tuple[str, int, str]]:
    """Each half-term and term begun by `as_of`: its kind, its `period_id` and its name. Publishing measures
    these and names them from this one list, so that no period it measures goes unnamed."""
    return [
        (kind, ids + number, name)
        for kind, ids, names in (
            ("half_term", HALF_TERM_IDS, HALF_TERM_NAMES), ("term", TERM_IDS, TERM_NAMES)
        )
        for number, name in enumerate(names)
        if calendar.named(name).start <= as_of
    ]  # fmt: skip


def period_names(calendar: SchoolCalendar, as_of: dt.date) -> pa.Table:
    """Each `period_id` a mark up to `as_of` can be tallied in, with the kind, name, weekday and session a
    snapshot gives its period: the year to date, the half-terms and terms begun, the weekdays' sessions and
    the weeks of the year to date."""
    start, end = academic_year_bounds(calendar.academic_year)
    last = _monday(min(as_of, end))
    mondays = [_monday(start) + n * _WEEK for n in range((last - _monday(start)).days // 7 + 1)]
    rows = [
        (YEAR_ID, "year", "year_to_date", None, None),
        *((period_id, kind, name, None, None) for kind, period_id, name in begun(calendar, as_of)),
        *((weekday_id(day, session == Session.PM), "weekday", "year_to_date", day, str(session))
          for day in range(7) for session in SESSIONS),
        *((week_id(monday), "week", monday.isoformat(), None, None) for monday in mondays),
    ]  # fmt: skip
    columns = ("period_id", "kind", "period", "weekday", "session")
    types = (pa.int16(), pa.string(), pa.string(), pa.int8(), pa.string())
    return pa.table(list(zip(*rows, strict=True)), schema=pa.schema(list(zip(columns, types, strict=True))))


def folder(lake: Lake, out: Path, academic_year: int) -> Path:
    """Where the tallies of snapshots published to `out` for `academic_year` are kept, one folder each (the
    year's folder is not named "academic_year=": engines would read that as a column of the parts)."""
    line = hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:16]
    return lake.tallies_root() / str(academic_year) / line


def kept(place: Path, snapshot: str) -> tuple[list[Path], set[int]]:
    """The parts of the tallies kept for `snapshot`, and the schools they hold (none if not kept)."""
    parts = sorted((place / snapshot).glob("*.parquet"))
    return parts, set().union(*(schools_of(part) or set() for part in parts))


def forget_all_but(place: Path, snapshot: str) -> None:
    """Only the latest snapshot's tallies are ever added to: the others go."""
    for held in place.iterdir() if place.is_dir() else ():
        if held.name != snapshot:
            shutil.rmtree(held, ignore_errors=True)


def _numbers(periods, chosen) -> frozenset[int]:
    return frozenset(number for number, period in enumerate(periods) if chosen(period))


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _any(*conditions) -> ir.BooleanValue:
    chosen = [condition for condition in conditions if isinstance(condition, ir.BooleanValue)]
    return functools.reduce(operator.or_, chosen, ibis.literal(False))
