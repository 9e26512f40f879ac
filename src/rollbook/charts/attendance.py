"""Attendance charts: the weekly line against national, groups beside national, the absence heat map."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt

from rollbook.charts.library import with_rows
from rollbook.rules.attendance.measures import DESCRIPTIONS


def weekly_attendance(weeks: list[dict]) -> dict:
    """The school's weekly attendance as a line, against national where published; exact figures on hover."""
    rows = [
        {"week": w["week_commencing"], "series": series, "attendance": figures["attendance_rate"]}
        for w in weeks
        for series, figures in (("This school", w), ("National", w.get("national")))
        if figures is not None and figures["attendance_rate"] is not None
    ]
    chart = (
        alt.Chart(alt.Data(values=[]), title="Attendance week by week")
        .mark_line(point=True)
        .encode(
            # Ordinal, so each week plotted gets its own tick (a time axis puts ticks on Sundays).
            x=alt.X(
                "week:O", title="Week commencing", timeUnit="yearmonthdate", axis=alt.Axis(format="%d/%m")
            ),
            y=alt.Y("attendance:Q", title="Attendance (%)", scale=alt.Scale(zero=False)),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(domain=["This school", "National"], range=["#1d4f91", "#6f777b"]),
                legend=alt.Legend(orient="top"),
            ),
            # The same legend as the colour, so the two merge: the key shows each series' colour and dash.
            strokeDash=alt.StrokeDash(
                "series:N",
                title=None,
                scale=alt.Scale(domain=["This school", "National"], range=[[1, 0], [6, 3]]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("series:N", title="Series"),
                alt.Tooltip("week:T", title="Week commencing", format="%d/%m/%Y"),
                alt.Tooltip("attendance:Q", title="Attendance (%)", format=".2f"),
            ],
        )
        .properties(width="container", height=260)
    )
    return with_rows(chart, rows)


def beside_national(
    groups: list[dict],
    title: str,
    key: str = "attendance_rate",
    against: tuple[str, str] = ("national", "National"),
    ours: str = "This school",
) -> dict:
    """Each group's figure as a dot beside the same group nationally (year groups, pupil groups, weekdays),
    or beside another comparison the groups carry: `against` is its key and its name in the legend. Dots,
    on an axis fitted to the figures: differences of a point or two are what a school looks for, and bars
    would have to start at 0, where they all look the same."""
    series = (ours, against[1])
    rows = [
        {"group": group["label"], "series": name, "value": figures[key], "order": position}
        for position, group in enumerate(groups)
        for name, figures in zip(series, (group["school"], group.get(against[0])), strict=True)
        if figures and not figures.get("suppressed") and figures.get(key) is not None
    ]
    chart = (
        alt.Chart(alt.Data(values=[]), title=title)
        .mark_point(filled=True, size=90, opacity=1)
        .encode(
            x=alt.X("group:N", title=None, sort=alt.EncodingSortField("order"), axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("series:N", sort=list(series)),
            y=alt.Y("value:Q", title=f"{DESCRIPTIONS[key][0]} (%)", scale=alt.Scale(zero=False, nice=True)),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(domain=list(series), range=["#1d4f91", "#b1b4b6"]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("group:N", title="Group"),
                alt.Tooltip("series:N", title="Series"),
                alt.Tooltip("value:Q", title=DESCRIPTIONS[key][0], format=".2f"),
            ],
        )
        .properties(width="container", height=220)
    )
    return with_rows(chart, rows)


#: How a gap reads, by its shading: the school better, within a point, or worse.
READINGS = {"better": "Better", "": "Within a point", "worse": "Worse"}


def gaps(groups: list[dict], title: str, against: str) -> dict:
    """Each group's difference from a comparator in points, as bars either side of zero, green where the
    school is better and red where worse. Gaps of a point or two are what a school looks for; bars of the
    rates themselves, drawn from 0, would hide them. Groups carry `label` and `difference` (a gap)."""
    rows = [
        {
            "group": group["label"],
            "points": group["difference"]["points"],
            "reading": READINGS[
                group["difference"]["shade"].split("-")[1] if group["difference"]["shade"] else ""
            ],
            "order": position,
        }
        for position, group in enumerate(groups)
        if group.get("difference")
    ]
    chart = (
        alt.Chart(alt.Data(values=[]), title=title)
        .mark_bar()
        .encode(
            y=alt.Y("group:N", title=None, sort=alt.EncodingSortField("order")),
            x=alt.X("points:Q", title=f"Points above or below {against}"),
            color=alt.Color(
                "reading:N",
                title=None,
                scale=alt.Scale(domain=list(READINGS.values()), range=["#00703c", "#b1b4b6", "#d4351c"]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("group:N", title="Group"),
                alt.Tooltip("points:Q", title=f"Points from {against}", format="+.2f"),
            ],
        )
        .properties(width="container", height=max(120, 18 * len(rows)))
    )
    return with_rows(chart, rows)


#: The heat map's bands of a week's attendance, each with its own colour, so that 95% and 60% look
#: nothing alike (on a smooth scale from 0 most weeks are near-white): under 50, 50-79.9, 80-89.9, 90-94.9,
#: 95-99.9 and 100.
HEAT_BANDS = (50, 80, 90, 95, 100)
HEAT_COLOURS = ("#67000d", "#cb181d", "#fb6a4a", "#fcae91", "#fee5d9", "#ffffff")


def absence_heatmap(pupils: Sequence[dict]) -> dict:
    """Pupils down, weeks across, each cell shaded by the week's attendance: absence shows as dark cells."""
    rows = [
        {"pupil": pupil["name"], "week": week, "attendance": rate}
        for pupil in pupils
        for week, rate in pupil["weeks"].items()
        if rate is not None
    ]
    chart = (
        # Anchored at the left: centred over a phone's narrow plot, the title ran off the screen.
        alt.Chart(
            alt.Data(values=[]),
            title=alt.TitleParams("Attendance each week, pupils with a week under 100%", anchor="start"),
        )
        .mark_rect()
        .encode(
            x=alt.X(
                "week:O", title="Week commencing", timeUnit="yearmonthdate", axis=alt.Axis(format="%d/%m")
            ),
            y=alt.Y("pupil:N", title=None, sort=None, axis=alt.Axis(labels=False, ticks=False)),
            color=alt.Color(
                "attendance:Q",
                title="Attendance (%)",
                scale=alt.Scale(type="threshold", domain=list(HEAT_BANDS), range=list(HEAT_COLOURS)),
            ),
            tooltip=[
                alt.Tooltip("pupil:N", title="Pupil"),
                alt.Tooltip("week:T", title="Week commencing", format="%d/%m/%Y"),
                alt.Tooltip("attendance:Q", title="Attendance (%)", format=".1f"),
            ],
        )
        .properties(width="container", height=max(120, 4 * len(pupils)))
    )
    return with_rows(chart, rows)
