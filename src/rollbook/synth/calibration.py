"""How a synthetic national set compares with DfE's national secondary figures.

`compare` measures a list of generated school years with rules.measures (Years 7-11, each enrolment over its
own possible sessions) and sets each figure beside its DfE target and the tolerance we hold it to. The targets
are 2023/24 state-funded secondary (census and real-time, attendance.md §4.2, §4.5, §4.6) with the pupil-group
figures and absence bands of 2022/23 (§4.4) and the between-school spread of 2017/18 (performance tables).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from rollbook.rules.attendance.codes import ABSENT, ATTENDING, CATEGORY_OF
from rollbook.rules.attendance.measures import Tally, summarise
from rollbook.rules.calendar import week_commencing
from rollbook.synth.marks import CODES
from rollbook.synth.school_year import SchoolYear

MEASURED_YEARS = (7, 8, 9, 10, 11)
#: For each code index: 0 not a possible session, 1 attending, 2 absent.
_CATEGORY = np.array([
    2 if CATEGORY_OF.get(code) in ABSENT else int(CATEGORY_OF.get(code) in ATTENDING) for code in CODES
])  # fmt: skip


@dataclass(frozen=True)
class Target:
    name: str
    dfe: float
    low: float
    high: float
    source: str


TARGETS = (
    Target("overall absence %", 9.0, 8.2, 9.8, "census 8.9, real-time 9.06 (2023/24)"),
    Target("authorised %", 5.45, 4.8, 6.1, "census 5.4, real-time 5.49"),
    Target("unauthorised %", 3.55, 3.0, 4.1, "census 3.5, real-time 3.57"),
    Target("illness (I) %", 3.9, 3.3, 4.5, "real-time 3.88"),
    Target("persistent absence %", 26.0, 22.0, 30.0, "real-time 26.7; census 2022/23 26.5"),
    Target("severe absence %", 3.3, 2.3, 4.3, "census 2022/23 3.4"),
    Target("FSM6 / non-FSM absence ratio", 2.0, 1.7, 2.4, "2018/19 9.2 vs 4.8"),
    Target("FSM6 PA %", 45.0, 38.0, 52.0, "2022/23 45.0"),
    Target("non-FSM6 PA %", 20.2, 16.0, 24.0, "2022/23 20.2"),
    Target("SEN / no-SEN PA ratio", 1.64, 1.35, 2.0, "2022/23 39.1 vs 23.8"),
    Target("Y11 / Y7 PA ratio", 1.53, 1.25, 1.85, "2022/23 30.4 vs 19.9"),
    Target("share under 5% absence", 46.3, 40.0, 53.0, "2022/23 bands"),
    Target("share 5-10% absence", 27.2, 22.0, 32.0, "2022/23 bands"),
    Target("late before close (L) %", 2.8, 2.3, 3.3, "real-time 2.8-3.05"),
    Target("between-school relative SD", 0.27, 0.18, 0.36, "2017/18 schools: SD 1.53 / mean 5.59"),
)


def compare(school_years: Sequence[SchoolYear]) -> list[tuple[Target, float]]:
    """Each target with the synthetic set's figure."""
    tallies: list[Tally] = []
    groups: dict[str, list[Tally]] = {}
    school_rates: list[float] = []
    illness = late = 0
    for year in school_years:
        measured = np.isin(year.pupils.nc_year, MEASURED_YEARS)
        school_tallies = year.tallies(MEASURED_YEARS)
        tallies += school_tallies
        school_rates.append(summarise(school_tallies)["overall_absence_rate"])
        marks = year.marks[measured]
        illness += int((marks == CODES.index("I")).sum())
        late += int((marks == CODES.index("L")).sum())
        pupils = year.pupils
        labels = {
            "fsm": pupils.fsm6[measured],
            "sen": pupils.sen[measured] != "N",
            "y7": pupils.nc_year[measured] == 7,
            "y11": pupils.nc_year[measured] == 11,
        }
        for label, flags in labels.items():
            for tally, flag in zip(school_tallies, flags, strict=True):
                groups.setdefault(f"{label}:{bool(flag)}", []).append(tally)

    overall = summarise(tallies)
    possible = overall["possible_sessions"]

    def pa(key: str) -> float:
        return summarise(groups[key])["persistent_absence_rate"]

    def band(low: float, high: float) -> float:
        counted = [t for t in tallies if t.possible]
        inside = sum(low <= t.absence / t.possible < high for t in counted)
        return 100 * inside / len(counted)

    figures: dict[str, Callable[[], float]] = {
        "overall absence %": lambda: overall["overall_absence_rate"],
        "authorised %": lambda: overall["authorised_absence_rate"],
        "unauthorised %": lambda: overall["unauthorised_absence_rate"],
        "illness (I) %": lambda: 100 * illness / possible,
        "persistent absence %": lambda: overall["persistent_absence_rate"],
        "severe absence %": lambda: overall["severe_absence_rate"],
        "FSM6 / non-FSM absence ratio": lambda: (
            summarise(groups["fsm:True"])["overall_absence_rate"]
            / summarise(groups["fsm:False"])["overall_absence_rate"]
        ),
        "FSM6 PA %": lambda: pa("fsm:True"),
        "non-FSM6 PA %": lambda: pa("fsm:False"),
        "SEN / no-SEN PA ratio": lambda: pa("sen:True") / pa("sen:False"),
        "Y11 / Y7 PA ratio": lambda: pa("y11:True") / pa("y7:True"),
        "share under 5% absence": lambda: band(0, 0.05),
        "share 5-10% absence": lambda: band(0.05, 0.10),
        "late before close (L) %": lambda: 100 * late / possible,
        "between-school relative SD": lambda: float(np.std(school_rates) / np.mean(school_rates)),
    }
    return [(target, float(figures[target.name]())) for target in TARGETS]


def weekly_absence(school_years: Sequence[SchoolYear]) -> dict[dt.date, float]:
    """Overall absence % by week commencing (Years 7-11, ratio of sums), to set beside DfE's weekly curve.

    The school years must share one calendar, as a national run from `generate_schools` does.
    """
    days = school_years[0].days
    weeks = sorted({week_commencing(day) for day in days})
    week_of_session = np.repeat([weeks.index(week_commencing(day)) for day in days], 2)
    possible = np.zeros(len(weeks))
    absent = np.zeros(len(weeks))
    for year in school_years:
        categories = _CATEGORY[year.marks[np.isin(year.pupils.nc_year, MEASURED_YEARS)]]
        possible += np.bincount(week_of_session, (categories > 0).sum(axis=0), len(weeks))
        absent += np.bincount(week_of_session, (categories > 1).sum(axis=0), len(weeks))
    return {week: 100 * a / p for week, a, p in zip(weeks, absent, possible, strict=True)}


def table(comparison: list[tuple[Target, float]]) -> str:
    """The comparison as a plain-text table (ours vs DfE, with the tolerance held to)."""
    lines = [f"{'measure':32} {'ours':>7} {'DfE':>7}  {'tolerance':>13}  ok  source"]
    for target, ours in comparison:
        ok = "yes" if target.low <= ours <= target.high else "NO"
        lines.append(
            f"{target.name:32} {ours:7.2f} {target.dfe:7.2f}  {target.low:5.2f}-{target.high:<6.2f}  {ok:3} "
            f"{target.source}"
        )
    return "\n".join(lines)
