"""Charts of KS4 results: a school's measure over the years beside national (Progress 8 with its confidence
interval drawn), and its pupils' Attainment 8 against their prior attainment with the national estimates."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt

from rollbook.charts.library import with_rows

SCHOOL, NATIONAL = "#1d4f91", "#b1b4b6"


def trend(years: Sequence[dict], key: str, title: str) -> dict:
    """A measure year by year for the school and nationally; for Progress 8, the school's 95% interval as
    a bar through each point. `years` carry `label`, `measures` and `national` (measures or None)."""
    rows = []
    for position, year in enumerate(years):
        for series, figures in (("This school", year["measures"]), ("National", year["national"])):
            if figures and figures.get(key) is not None:
                rows.append({
                    "year": year["label"], "series": series, "value": figures[key], "order": position,
                    "low": figures.get(f"{key}_ci_low"), "high": figures.get(f"{key}_ci_high"),
                })  # fmt: skip
    base = alt.Chart(alt.Data(values=[]), title=title).encode(
        x=alt.X("year:N", title=None, sort=alt.EncodingSortField("order"), axis=alt.Axis(labelAngle=0)),
    )
    colour = alt.Color(
        "series:N", title=None, scale=alt.Scale(domain=["This school", "National"], range=[SCHOOL, NATIONAL]),
        legend=alt.Legend(orient="top"),
    )  # fmt: skip
    points = base.mark_line(point=True).encode(
        y=alt.Y("value:Q", title=title, scale=alt.Scale(zero=False)),
        color=colour,
        tooltip=[
            alt.Tooltip("year:N", title="Year"),
            alt.Tooltip("series:N", title="Series"),
            alt.Tooltip("value:Q", title=title, format=".2f"),
        ],  # fmt: skip
    )
    layers = [points]
    if any(row["low"] is not None for row in rows):
        layers.insert(0, base.mark_rule(color=SCHOOL, strokeWidth=2).encode(y="low:Q", y2="high:Q"))
    chart = alt.layer(*layers).properties(width="container", height=200)
    return with_rows(chart, rows)


def progress_scatter(
    pupils: Sequence[dict],
    estimates: Sequence[dict],
    title: str,
    measure: str = "attainment8",
    words: str = "Attainment 8",
    top: float = 90,
) -> dict:
    """Each pupil's Attainment 8 (or points in a subject: `measure`, named `words`, at most `top`) against
    their KS2 prior attainment, with the national estimate for each prior-attainment group as a line:
    pupils above it made more progress than pupils like them nationally."""
    rows = [
        {"prior": p["prior_attainment"], "value": p[measure], "name": p["name"], "series": "Pupils"}
        for p in pupils
        if p["prior_attainment"] is not None
    ] + [{"prior": e["group"], "value": e[measure], "name": "", "series": "National estimate"}
         for e in estimates]  # fmt: skip
    base = alt.Chart(alt.Data(values=[]), title=title).encode(
        x=alt.X("prior:Q", title="KS2 prior attainment", scale=alt.Scale(zero=False)),
        y=alt.Y("value:Q", title=words, scale=alt.Scale(domain=[0, top])),
    )
    dots = base.mark_circle(size=40, opacity=0.6, color=SCHOOL).transform_filter(
        alt.datum.series == "Pupils"
    ).encode(tooltip=[alt.Tooltip("name:N", title="Pupil"), alt.Tooltip("prior:Q", title="Prior attainment"),
                      alt.Tooltip("value:Q", title=words, format=".1f")])  # fmt: skip
    line = base.mark_line(color="#d4351c", strokeWidth=2).transform_filter(
        alt.datum.series == "National estimate"
    )
    chart = alt.layer(dots, line).properties(width="container", height=300)
    return with_rows(chart, rows)
