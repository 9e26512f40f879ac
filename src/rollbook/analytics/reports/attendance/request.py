"""The question an attendance report takes, read and checked once for the page, the API and the CLI.

A question names a period (the year to date, a term or half-term so far, dates, or the latest week of
any of them), of the latest academic year held or of an earlier one named (then the whole year held), and
the pupils (year groups, sex, FSM6, SEND, EAL, registration groups, ethnicity).
`prepare` makes it ready for one school: the period against the data held, and, for readers without
pupil-level access, the refusal of filters that leave too few pupils to show.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from rollbook import config
from rollbook.analytics import engine as engines
from rollbook.analytics.attendance.pupil_list import BAND_NAMES
from rollbook.analytics.attendance.sessions import year_to_date_held
from rollbook.analytics.comparators.snapshot import Snapshot
from rollbook.analytics.disclosure import refuse_small_selection
from rollbook.analytics.filters import Filters
from rollbook.analytics.public.family_figures import family_source
from rollbook.analytics.reports.base import AcademicYear, InvalidRequest, ReportContext
from rollbook.lake import Lake
from rollbook.rules.calendar import (
    HALF_TERM_NAMES,
    TERM_NAMES,
    SchoolCalendar,
    academic_year_bounds,
    academic_year_label,
    academic_year_of,
)
from rollbook.rules.dates import parse_date
from rollbook.rules.periods import Period, custom, term_so_far, week
from rollbook.rules.upn import normalise
from rollbook.rules.years import SESSION_MEASURE_YEARS
from rollbook.rules.years import label as year_label


def _date(value: object) -> object:
    return parse_date(value) if isinstance(value, str) else value


def _term(value: object) -> object:
    if not isinstance(value, str):
        return value
    for name in (*TERM_NAMES, *HALF_TERM_NAMES):
        if value.strip().lower() in (name.lower(), f"{name.lower()} term"):
            return name
    raise ValueError(
        f"{value!r} is not a term or half-term; choose one of {', '.join(TERM_NAMES + HALF_TERM_NAMES)}"
    )


def _year_group(value: int) -> int:
    if value not in SESSION_MEASURE_YEARS:
        first, last = (year_label(year) for year in (SESSION_MEASURE_YEARS[0], SESSION_MEASURE_YEARS[-1]))
        raise ValueError(f"{value} is not a year group the reports cover ({first} to {last}, as 0 to 11)")
    return value


def _upn(value: str) -> str:
    upn = normalise(value)
    if not (1 <= len(upn) <= 13 and upn.isalnum()):
        raise ValueError(f"{value!r} is not a UPN (13 letters and digits)")
    return upn


EnglishDate = Annotated[dt.date, BeforeValidator(_date)]
YearGroup = Annotated[int, AfterValidator(_year_group)]


class AttendanceQuery(BaseModel):
    """The period and the pupils, named as the page's address and the API's query name them."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    from_date: EnglishDate | None = Field(
        None, title="From", description="The first day, DD/MM/YYYY or YYYY-MM-DD; with to_date"
    )
    to_date: EnglishDate | None = Field(None, title="To", description="The last day; with from_date")
    term: Annotated[str | None, BeforeValidator(_term)] = Field(
        None,
        title="Period",
        description='A term or half-term so far: "Autumn", "Spring 1" …; not with dates',
        json_schema_extra={"enum": [*TERM_NAMES, *HALF_TERM_NAMES]},
    )
    latest_week: bool = Field(False, title="Latest week only", description="Only the period's last week")
    academic_year: AcademicYear | None = Field(
        None,
        title="Academic year",
        description="An academic year held, 2023/24: the whole year, or its terms or dates (default: latest)",
    )
    year_group: list[YearGroup] = Field(
        [], title="Year groups", description="NC year groups, Reception 0 to Year 11; repeat for more"
    )
    sex: Literal["F", "M"] | None = Field(None, title="Sex", description="Girls (F) or boys (M)")
    fsm6: bool | None = Field(None, title="FSM6", description="FSM6 pupils (true) or the others (false)")
    sen: list[Literal["N", "K", "E"]] = Field(
        [], title="SEND", description="N no SEN, K SEN support, E EHC plan; repeat for more"
    )
    eal: bool | None = Field(None, title="EAL", description="Pupils with English as an additional language")
    reg_group: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20)]] = (
        Field([], title="Registration groups", description="As the school names them, 7A; repeat for more")
    )
    ethnicity: list[Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{4}$", to_upper=True)]] = Field(
        [], title="Ethnicity", description="The DfE's four-letter codes, WBRI; repeat for more"
    )

    @model_validator(mode="after")
    def _one_period(self) -> AttendanceQuery:
        if (self.from_date is None) != (self.to_date is None):
            raise ValueError("Give both a from date and a to date, or neither for the year to date.")
        if self.term and self.from_date:
            raise ValueError("Choose either a term or dates, not both.")
        return self

    def filters(self) -> Filters:
        """The pupils chosen, as the analytics take them; an empty choice leaves a filter off."""
        return Filters(
            year_groups=tuple(self.year_group) or None,
            sex=self.sex,
            fsm6=self.fsm6,
            sen=tuple(self.sen) or None,
            eal=self.eal,
            reg_group=tuple(self.reg_group) or None,
            ethnicity=tuple(self.ethnicity) or None,
        )


class SummaryQuery(AttendanceQuery):
    """The summary: the period and filters, and whether to set the school beside its public family too."""

    family: bool = Field(
        False,
        title="Schools like yours",
        description="Also beside the school's Schools Like Yours family: its published absence, where the "
        "public data is loaded",
    )


def _band(value: str) -> str:
    if value not in BAND_NAMES:
        raise ValueError(
            f"{value!r} is not a band of year-to-date attendance; choose {', '.join(BAND_NAMES)}"
        )
    return value


class SortedQuery(AttendanceQuery):
    """A list of pupils: the period and filters, and the order."""

    sort: str | None = Field(
        None, title="Sort by", description="A column of the list; - before it for the highest first"
    )

    def sorted_by(self, columns: Mapping[str, str]) -> tuple[str, bool] | None:
        """The column asked to sort by among `columns`, and whether highest first; None for the list's
        own order. ValueError for a column the list does not have."""
        if not self.sort:
            return None
        column = self.sort.removeprefix("-")
        if column not in columns:
            raise ValueError(f"{self.sort!r} is not a column of this list; choose {', '.join(columns)}")
        return column, self.sort.startswith("-")


class BandedQuery(SortedQuery):
    """A list of pupils (the pupil list, absence frequency): which year-to-date attendance bands too."""

    band: list[Annotated[str, AfterValidator(_band)]] = Field(
        [], title="Bands", description="Year-to-date attendance bands; repeat for more",
        json_schema_extra={"items": {"enum": list(BAND_NAMES)}},
    )  # fmt: skip


def sorted_prepare(columns: Mapping[str, str]) -> Callable[[SortedQuery, ReportContext], Asked]:
    """`prepare` for a list sortable by `columns`: a column it does not have is refused as any bad choice."""

    def prepare_list(query: SortedQuery, context: ReportContext) -> Asked:
        try:
            query.sorted_by(columns)
        except ValueError as problem:
            raise InvalidRequest([("sort", f"Sort by: {problem}")]) from problem
        return prepare(query, context)

    return prepare_list


class PupilQuery(AttendanceQuery):
    """One pupil's report: the period, and the pupil by UPN."""

    upn: Annotated[str, AfterValidator(_upn)] = Field(title="UPN", description="The pupil's UPN")


@dataclass(frozen=True)
class Asked:
    """An attendance question made ready for one school: `period` as chosen (None for the year to date, or
    the whole of an earlier year held) and `shown`, the period the figures cover."""

    school: int
    query: AttendanceQuery
    period: Period | None
    shown: Period
    filters: Filters
    lake: Lake
    snapshots: Path
    calendar: Callable[[int], SchoolCalendar]
    consecutive_days: int
    min_group_pupils: int

    @property
    def upn(self) -> str | None:
        return getattr(self.query, "upn", None)

    def school_calendar(self) -> SchoolCalendar:
        """The school's calendar for the academic year shown."""
        return self.calendar(academic_year_of(self.shown.end))

    def snapshot(self) -> Snapshot | None:
        """The comparators for the academic year shown: the newest snapshot published for it, never another
        year's."""
        return Snapshot.latest(self.snapshots, academic_year_of(self.shown.end))

    def fingerprint(self) -> list[object]:
        """Everything an answer to this question depends on besides the code: the question, the period,
        the school's term dates and follow-up rule, what the reader may see, the school's lake files, the
        year's latest snapshot and, for the summary, the public data its family comes from."""
        snapshot = self.snapshot()
        calendar = self.school_calendar()
        return [
            self.school,
            self.query.model_dump(mode="json"),
            self.period,
            self.shown,
            [(half.name, half.start, half.end) for half in calendar.half_terms],
            sorted(calendar.closures),
            self.consecutive_days,
            self.min_group_pupils,
            self.lake.version(self.school),
            str(snapshot.path) if snapshot else None,
            family_source() if isinstance(self.query, SummaryQuery) else None,
        ]


def prepare(query: AttendanceQuery, context: ReportContext) -> Asked:
    """The question for the context's school. Without dates or a term, the academic year to date (the whole
    of an earlier year asked for, as held); with a minimum group (readers without pupil-level access),
    filters choosing fewer pupils are refused.

    LookupError when the lake holds nothing for the school; InvalidRequest for a period the rules refuse.
    """
    school = context.school
    lake = context.lake or Lake.configured()
    if not lake.holds(school):
        raise LookupError(f"no attendance data is held for school URN {school}; import its files first")
    filters = query.filters()
    try:
        held = _year_held(lake, school, query.academic_year)
        period = _chosen_period(held, context.calendar, query)
        if query.latest_week:
            period = week((period or held).end)
        shown = period or held
        if context.min_group_pupils:
            refuse_small_selection(lake, school, shown, filters, context.min_group_pupils)
    except ValueError as problem:
        raise InvalidRequest([("", str(problem)[:1].upper() + str(problem)[1:])]) from problem
    return Asked(
        school=school,
        query=query,
        period=period,
        shown=shown,
        filters=filters,
        lake=lake,
        snapshots=context.snapshots or config.snapshots_root(),
        calendar=context.calendar,
        consecutive_days=context.consecutive_days,
        min_group_pupils=context.min_group_pupils,
    )


def _year_held(lake: Lake, school: int, academic_year: int | None) -> Period:
    """The academic year asked for (default: the latest held) to its latest mark; ValueError for a year the
    lake holds nothing of for the school."""
    held = lake.academic_years(school)
    if academic_year is not None and academic_year not in held:
        years = " or ".join(academic_year_label(year) for year in held)
        raise ValueError(f"no attendance is held for {academic_year_label(academic_year)}; choose {years}")
    return year_to_date_held(lake, school, academic_year=academic_year)


def _chosen_period(
    held: Period, calendar: Callable[[int], SchoolCalendar], query: AttendanceQuery
) -> Period | None:
    """The period asked for within the year `held`: custom dates, or a term or half-term so far; None for
    the year to date."""
    year = academic_year_of(held.end)
    if query.term:
        return term_so_far(calendar(year), query.term, held.end)
    if query.from_date is not None and query.to_date is not None:
        chosen = custom(query.from_date, query.to_date)
        if query.academic_year is not None and academic_year_of(chosen.start) != year:
            first, last = academic_year_bounds(year)
            raise ValueError(
                f"the dates must lie within {academic_year_label(year)}, the academic year chosen "
                f"({first:%d/%m/%Y} to {last:%d/%m/%Y})"
            )
        return chosen
    return None


@dataclass(frozen=True)
class Offered:
    """What a school's report pages offer to choose: only its own year groups, registration groups and
    ethnicities, only the terms and half-terms its data has reached (`so_far`: those it has not yet
    reached the end of) and the academic years held, so every choice offered can be answered."""

    year_groups: tuple[int, ...]
    periods: tuple[str, ...]
    reg_groups: tuple[str, ...]
    ethnicities: tuple[str, ...]
    academic_year: int
    academic_years: tuple[int, ...]
    so_far: tuple[str, ...]


def offered(
    lake: Lake, school: int, calendar: Callable[[int], SchoolCalendar], academic_year: int | None = None
) -> Offered:
    """The choices for an academic year held (default: the school's latest); LookupError when nothing is
    held. The lake's part is remembered until the school's files change: every page draws the choices."""
    academic_year, held_to, year_groups, reg_groups, ethnicities = _held(
        lake.root, school, lake.version(school), academic_year
    )
    dates = calendar(academic_year)  # made once: a school's calendar takes a while to build
    begun = [half for half in (*dates.terms, *dates.half_terms) if half.start <= held_to]
    return Offered(
        year_groups,
        tuple(half.name for half in begun),
        reg_groups,
        ethnicities,
        academic_year,
        tuple(lake.academic_years(school)),
        tuple(half.name for half in begun if half.end > held_to),
    )


@functools.lru_cache(maxsize=256)
def _held(
    root: Path, school: int, version: str, academic_year: int | None
) -> tuple[int, dt.date, tuple[int, ...], tuple[str, ...], tuple[str, ...]]:
    lake = Lake(root)
    shown = year_to_date_held(lake, school, academic_year=academic_year)
    academic_year = academic_year_of(shown.end)
    pupils = engines.pupils(lake, [school], [academic_year])
    pupils = pupils.filter(pupils.nc_year.isin(SESSION_MEASURE_YEARS))

    def held(column: str) -> tuple:
        rows = engines.run(pupils.select(column).distinct())
        return tuple(sorted(row[column] for row in rows if row[column] is not None))

    return academic_year, shown.end, held("nc_year"), held("reg_group"), held("ethnicity")
