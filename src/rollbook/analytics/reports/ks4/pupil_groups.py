"""KS4 measures for each pupil group (sex, disadvantaged, SEN, EAL, prior attainment, persistent absence)
beside the same group nationally, for the year alone or three years together."""

from __future__ import annotations

from typing_extensions import TypedDict

from rollbook.analytics.reports.base import Table
from rollbook.analytics.reports.ks4 import common
from rollbook.analytics.reports.ks4.request import Asked
from rollbook.analytics.results.figures import MEASURE_NAMES, Ks4Measures
from rollbook.analytics.results.school import Ks4Beside, beside
from rollbook.rules.calendar import academic_year_label
from rollbook.rules.results.pupil_groups import GROUPINGS, split

#: The measures the page's table shows for each group (all are in the downloads and the API).
SHOWN = ("attainment8", "progress8", "basics_4_rate", "basics_5_rate", "ebacc_entry_rate", "ebacc_aps")


class Ks4GroupFigures(TypedDict):
    grouping: str
    group: str
    pupils: int
    #: None when the group is too small for the reader to see.
    figures: Ks4Beside | None
    suppressed: str | None


class Ks4PupilGroupsReport(TypedDict):
    school: int
    academic_year: int
    label: str
    #: The years taken together, oldest first.
    years: list[int]
    years_label: str
    national: common.Ks4NationalInfo | None
    groupings: dict[str, str]
    groups: list[Ks4GroupFigures]


def build(asked: Asked) -> Ks4PupilGroupsReport:
    years = list(asked.trend_years if asked.query.years == 3 else (asked.academic_year,))
    pupils = [pupil for year in years for pupil in asked.cohort(year).pupils]
    published = asked.published(asked.academic_year)
    nationals = [found for year in years if (found := asked.published(year))]
    found: list[Ks4GroupFigures] = []
    for grouping in GROUPINGS:
        for group, members in split(grouping, pupils).items():
            national = pooled([n.national.groups.get(grouping, {}).get(group) for n in nationals])
            small = len(members) < asked.min_group_pupils
            found.append(
                Ks4GroupFigures(
                    grouping=grouping,
                    group=group,
                    pupils=len(members),
                    figures=None if small else beside(members, asked.academic_year, published, national),
                    suppressed=f"fewer than {asked.min_group_pupils} pupils" if small else None,
                )
            )
    return Ks4PupilGroupsReport(
        school=asked.school,
        academic_year=asked.academic_year,
        label=asked.label,
        years=years,
        years_label=" to ".join(
            dict.fromkeys((academic_year_label(years[0]), academic_year_label(years[-1])))
        ),
        national=common.national_info(asked, asked.academic_year),
        groupings=GROUPINGS,
        groups=found,
    )


def pooled(nationals: list[Ks4Measures | None]) -> Ks4Measures | None:
    """Several years' national figures for a group as one: each measure weighted by the year's pupils (a
    mean of pupils' figures over all the years' pupils), Progress 8 intervals left out."""
    found = [n for n in nationals if n]
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    pupils = sum(n["pupils"] for n in found)
    result: dict[str, object] = {"pupils": pupils}
    for key in MEASURE_NAMES:
        if key == "pupils":
            continue
        weighted = [(n[key], n["pupils"]) for n in found if n[key] is not None]  # type: ignore[literal-required]
        counted = sum(weight for _, weight in weighted)
        result[key] = (
            sum(value * weight for value, weight in weighted) / counted
            if weighted and not key.startswith("progress8_ci") else None
        )  # fmt: skip
    return result  # type: ignore[return-value]


def rows(data: Ks4PupilGroupsReport) -> list[dict[str, object]]:
    return [
        {
            "Grouping": data["groupings"][group["grouping"]],
            "Group": group["group"],
            "Years": data["years_label"],
            **(
                common.measure_rows(group["figures"]["measures"], group["figures"]["national"])
                if group["figures"] else {"Pupils": group["pupils"], "Not shown": group["suppressed"]}
            ),
        }
        for group in data["groups"]
    ]  # fmt: skip


def tables(data: Ks4PupilGroupsReport) -> list[Table]:
    shown = [
        {
            "group": f"{data['groupings'][group['grouping']]}: {group['group']}",
            "pupils": group["pupils"],
            **{
                MEASURE_NAMES[key]: group["figures"]["measures"][key] if group["figures"] else None  # type: ignore[literal-required]
                for key in SHOWN
            },
        }
        for group in data["groups"]
    ]
    return [(f"KS4 pupil groups, {data['years_label']}", shown)]


def grouped(data: Ks4PupilGroupsReport) -> dict[str, object]:
    """The groups under their grouping's heading, for the page."""
    by_grouping: dict[str, list[Ks4GroupFigures]] = {}
    for group in data["groups"]:
        by_grouping.setdefault(data["groupings"][group["grouping"]], []).append(group)
    return {"by_grouping": by_grouping, "shown_measures": SHOWN}


REPORT = common.report(
    "pupil-groups",
    "KS4 pupil groups",
    tab="Pupil groups",
    order=20,
    build=build,
    rows=rows,
    tables=tables,
    data_type=Ks4PupilGroupsReport,
    context=grouped,
)
