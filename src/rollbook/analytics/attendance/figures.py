"""The shapes of the attendance figures analytics hands out, as typed dictionaries.

Their keys are a contract between the analytics, the page templates, the charts, the CSV and Excel rows and
the JSON API, whose OpenAPI schema is made from these types; so a key is named here once. They are plain
dictionaries at run time (a report is JSON as it stands), typed for readers and for pydantic.
"""

from __future__ import annotations

import datetime as dt
from typing import NotRequired

from typing_extensions import TypedDict

#: A pupil attribute's value as a group is named by it: a year group, "F", True (FSM6), "K", an ethnicity.
GroupValue = int | str | bool | None


class Summary(TypedDict):
    """The attendance summary of a school or group (`rules.attendance.measures.SUMMARY_KEYS`)."""

    pupils: int
    possible_sessions: int
    present_sessions: int
    aea_sessions: int
    authorised_absence_sessions: int
    unauthorised_absence_sessions: int
    attendance_rate: float | None
    overall_absence_rate: float | None
    authorised_absence_rate: float | None
    unauthorised_absence_rate: float | None
    persistent_absentees: int
    persistent_absence_rate: float | None
    severe_absentees: int
    severe_absence_rate: float | None


class ComparatorSummary(TypedDict):
    """A comparator's summary: every figure None when the comparator is too small to show."""

    pupils: int | None
    possible_sessions: int | None
    present_sessions: int | None
    aea_sessions: int | None
    authorised_absence_sessions: int | None
    unauthorised_absence_sessions: int | None
    attendance_rate: float | None
    overall_absence_rate: float | None
    authorised_absence_rate: float | None
    unauthorised_absence_rate: float | None
    persistent_absentees: int | None
    persistent_absence_rate: float | None
    severe_absentees: int | None
    severe_absence_rate: float | None


Period = TypedDict("Period", {"from": str, "to": str, "label": str})
Period.__doc__ = "A report's period: ISO dates and the label schools read (`period_info`)."


class Gap(TypedDict):
    """The school's figure minus a comparator's, in points, and its shading; for compared measures, also
    whether the difference is significant and its z score."""

    points: float
    shade: str
    significant: NotRequired[bool]
    z: NotRequired[float]


class Comparator(TypedDict):
    """One comparator beside the school on the summary: its figures and each measure's gap."""

    kind: str
    name: str
    label: str
    schools: int
    suppressed: str | None
    measures: ComparatorSummary
    differences: dict[str, Gap | None]


class Comparison(TypedDict):
    """What a report says of its comparators: when they were published, or why there are none."""

    unavailable: str | None
    published: NotRequired[str]
    as_of: NotRequired[str]
    comparators: NotRequired[list[Comparator]]


class WeekSummary(Summary):
    week_commencing: str
    national: NotRequired[ComparatorSummary | None]


class SchoolSummary(TypedDict):
    """A school's summary for a period, overall and week by week (`sessions.summary`)."""

    school: int
    period: Period
    data_to: str | None
    measures: Summary
    weeks: list[WeekSummary]


class GroupFigures(TypedDict):
    """A group's own figures; `suppressed` says why they are hidden from readers without pupil-level
    access (the figures are then None)."""

    pupils: int
    attendance_rate: float | None
    overall_absence_rate: float | None
    persistent_absence_rate: float | None
    severe_absence_rate: float | None
    suppressed: NotRequired[str]


class Beside(TypedDict):
    """A comparator's figures for the same group, and each measure's gap to the school's."""

    schools: int
    suppressed: str | None
    pupils: int | None
    attendance_rate: NotRequired[float | None]
    overall_absence_rate: NotRequired[float | None]
    authorised_absence_rate: NotRequired[float | None]
    unauthorised_absence_rate: NotRequired[float | None]
    persistent_absence_rate: NotRequired[float | None]
    severe_absence_rate: NotRequired[float | None]
    differences: dict[str, Gap | None]


class Group(TypedDict):
    """One group of pupils (a year group, girls, FSM6 …) beside the same group nationally."""

    group: GroupValue
    label: str
    school: GroupFigures
    national: Beside | None


class WeekdayFigures(TypedDict):
    possible_sessions: int
    attendance_rate: float | None
    authorised_absence_rate: float | None
    unauthorised_absence_rate: float | None


class Weekday(TypedDict):
    """One session of the week (Monday morning …) beside national."""

    weekday: int
    session: str
    label: str
    school: WeekdayFigures
    national: Beside | None


class Reason(TypedDict):
    """One absence code's sessions and rate, beside national."""

    code: str
    meaning: str
    category: str
    sessions: int
    rate: float | None
    national_rate: float | None
    shade: str


class ThreeSixtyFigures(TypedDict):
    pupils: int
    attendance_rate: float | None
    authorised_absence_rate: float | None
    unauthorised_absence_rate: float | None
    persistent_absence_rate: float | None
    severe_absence_rate: float | None
    suppressed: NotRequired[str]


class NamedBeside(Beside):
    label: str


class ThreeSixtyRow(TypedDict):
    """The whole school or one group, beside every comparator (None where a comparator has no figure)."""

    grouping: str
    group: GroupValue
    label: str
    school: ThreeSixtyFigures
    beside: list[NamedBeside | None]


class ThreeSixty(TypedDict):
    comparators: list[str]
    rows: list[ThreeSixtyRow]


class DataCheckWeek(TypedDict):
    """One week of the data check: who was on roll, what was expected and marked, and the gaps."""

    week_commencing: str
    pupils_on_roll: int
    expected_sessions: int
    marked_sessions: int
    present: int
    aea: int
    absent: int
    authorised: int
    unauthorised: int
    not_counted: int
    no_mark_yet: int
    missing_marks: int
    unresolved_n: int
    marks_on_closed_days: int
    codes: dict[str, int]


class ListedPupil(TypedDict):
    """One pupil of the pupil list: the period's and year's attendance, each week, band and outlook."""

    upn: str
    name: str
    year_group: str
    reg_group: str | None
    attendance_rate: float | None
    year_to_date_attendance_rate: float | None
    band: str | None
    weeks_below_100: int
    weeks: dict[str, float | None]
    persistently_absent: bool
    at_risk: bool
    outlook: str


class AbsentDayAfterDay(TypedDict):
    upn: str
    name: str
    reg_group: str | None
    days: int
    since: dt.date
    codes: list[str]


class OpenSession(TypedDict):
    """A session to follow up: an N mark overdue, or no mark at all."""

    upn: str
    name: str
    reg_group: str | None
    date: dt.date
    session: str


class LatestDays(TypedDict):
    absent_day_after_day: list[AbsentDayAfterDay]
    overdue_n: list[OpenSession]
    no_mark: list[OpenSession]


class FrequentPupil(TypedDict):
    """A pupil with a week under 100%: their spells of absence, year-to-date attendance and band, and every
    week's attendance."""

    upn: str
    name: str
    year_to_date_attendance_rate: float | None
    band: str | None
    weeks_below_100: int
    spells: int
    longest_spell_sessions: int
    absent_sessions: int
    weeks: dict[str, float | None]


class AbsenceFrequency(TypedDict):
    weeks: list[str]
    pupils: list[FrequentPupil]


class PupilWeek(Summary):
    week_commencing: dt.date


class PupilCode(TypedDict):
    code: str
    category: str
    sessions: int
    rate: float | None


class PupilWeekday(Summary):
    weekday: int
    session: str
    label: str


class EarlierYear(Summary):
    academic_year: str


class RegisterWeek(TypedDict):
    """A week of the register grid: Monday AM to Friday PM, one code per cell ("" where unmarked)."""

    week_commencing: dt.date
    cells: list[str]


class PupilRecord(TypedDict):
    """Everything the pupil report shows about one pupil."""

    upn: str
    name: str
    year_group: str
    reg_group: str | None
    fsm6: bool | None
    sen: str | None
    admission_date: dt.date | None
    leaving_date: dt.date | None
    measures: Summary
    weeks: list[PupilWeek]
    codes: list[PupilCode]
    by_weekday: list[PupilWeekday]
    grid: list[RegisterWeek]
    earlier_years: list[EarlierYear]


class SchoolBeside(TypedDict):
    """The whole school's figures beside one of its own groups, and each measure's gap to the group's."""

    pupils: int
    attendance_rate: float | None
    overall_absence_rate: float | None
    persistent_absence_rate: float | None
    severe_absence_rate: float | None
    differences: dict[str, Gap | None]


class FormGroup(TypedDict):
    """One registration (form) group beside the whole school."""

    group: GroupValue
    label: str
    school: GroupFigures
    whole_school: SchoolBeside
