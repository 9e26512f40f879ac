"""Each school's characteristics (its roll, its FSM6, EAL, SEN support and EHC plan shares, its year
groups' rolls) and its absence over an academic year, as the areas of interest rank them: for every school
when the national figures are published (subjects.py keeps them to rank by), and for one school when its
report is read (insight.py).

The roll is the pupils in the school's pupils table for the year; absence is over the whole academic year
of its registers (analytics/attendance). **Decision:** schools "with a similar level of deprivation" are
the schools in the same FSM6 quintile, the only deprivation measure every school holds.
"""

from __future__ import annotations

from collections.abc import Collection

import ibis

from rollbook.analytics import engine as engines
from rollbook.analytics.attendance.sessions import measures as attendance_measures
from rollbook.lake import Lake
from rollbook.rules.insight.quintiles import quintile
from rollbook.rules.periods import whole_year

CONTEXT = ("roll", "fsm6", "eal", "sen_support", "ehc_plan")
#: The absence measures the sentences read, and the attendance summary's keys for them.
ABSENCE = {"overall_absence": "overall_absence_rate", "persistent_absence": "persistent_absence_rate"}
SIMILAR = "_similar"


def held(lake: Lake, table: str, year: int) -> list[int]:
    """The schools holding `table` (pupils, marks) for the year."""
    return sorted({key.school for key in lake.partitions(table) if key.academic_year == year})


def rolls(lake: Lake, schools: Collection[int], year: int) -> dict[int, dict[str, float]]:
    """Each school's roll in the year and its shares of pupils (percentages), from its pupils table."""
    if not schools:
        return {}
    pupils = engines.pupils(lake, schools, [year])

    def share(condition) -> ibis.Value:
        return 100 * condition.cast("int64").mean()

    rows = engines.run(
        pupils.group_by("school").aggregate(
            roll=pupils.upn.nunique(),
            fsm6=share(pupils.fsm6.fill_null(False)),
            eal=share(pupils.eal.fill_null(False)),
            sen_support=share(pupils.sen == "K"),
            ehc_plan=share(pupils.sen == "E"),
        )
    )
    return {row.pop("school"): row for row in rows}


def year_group_rolls(lake: Lake, schools: Collection[int], year: int) -> dict[int, dict[int, int]]:
    """Each school's pupils in each NC year."""
    if not schools:
        return {}
    pupils = engines.pupils(lake, schools, [year])
    found: dict[int, dict[int, int]] = {}
    for row in engines.run(pupils.group_by(["school", "nc_year"]).aggregate(pupils=pupils.upn.nunique())):
        if row["nc_year"] is not None:
            found.setdefault(row["school"], {})[row["nc_year"]] = row["pupils"]
    return found


def absence(lake: Lake, schools: Collection[int], year: int, by_school: bool = True) -> dict[int, dict]:
    """Each school's overall and persistent absence over the year (percentages; None without possible
    sessions) and its pupils; with `by_school` False, one figure over all the schools, keyed 0."""
    if not schools:
        return {}
    found = attendance_measures(lake, schools, whole_year(year), by=("school",) if by_school else ())
    return {
        row.get("school", 0): {
            "pupils": int(row["pupils"] or 0),
            **{measure: None if row[key] is None else float(row[key]) for measure, key in ABSENCE.items()},
        }
        for row in found
    }


def ranking(lake: Lake, year: int) -> tuple[dict[str, dict[str, list[float]]], dict[str, float | None]]:
    """Every school's figures to rank a school among (measure -> item -> values: "" for the whole school,
    the NC year for a year group, the FSM6 quintile for absence among similar schools), and absence over
    every school with registers."""
    figures: dict[str, dict[str, list[float]]] = {}

    def add(measure: str, item: str, value: float) -> None:
        figures.setdefault(measure, {}).setdefault(item, []).append(value)

    found = rolls(lake, held(lake, "pupils", year), year)
    for school in found.values():
        for measure in CONTEXT:
            add(measure, "", school[measure])
    for groups in year_group_rolls(lake, list(found), year).values():
        for nc_year, pupils in groups.items():
            add("year_group_roll", str(nc_year), pupils)
    registers = held(lake, "marks", year)
    fsm6 = figures.get("fsm6", {}).get("", [])
    for school, missed in absence(lake, registers, year).items():
        for measure in ABSENCE:
            if missed[measure] is not None:
                add(measure, "", missed[measure])
                if school in found:
                    add(measure + SIMILAR, str(quintile(found[school]["fsm6"], fsm6)), missed[measure])
    everyone = absence(lake, registers, year, by_school=False).get(0, {})
    return figures, {measure: everyone.get(measure) for measure in ABSENCE}
