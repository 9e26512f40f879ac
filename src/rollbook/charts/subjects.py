"""Charts of a school's subjects: national relative difficulty from the hardest to the easiest with the
school's subjects marked, and each subject's value added with its 95% interval (a dot and a whisker)."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt

from rollbook.charts.library import with_rows
from rollbook.charts.results import NATIONAL, SCHOOL

TAKEN, NOT_TAKEN = "Taken at this school", "Not taken here"


def difficulty(rows: Sequence[dict], title: str) -> dict:
    """Each subject's difficulty in grades as a bar, hardest at the top; the school's subjects in its colour.
    `rows` carry `name`, `difficulty` and `entrants`, already hardest first."""
    values = [
        {"subject": row["name"], "difficulty": row["difficulty"], "order": position,
         "taken": TAKEN if row["entrants"] else NOT_TAKEN, "entrants": row["entrants"]}
        for position, row in enumerate(rows)
    ]  # fmt: skip
    chart = (
        alt.Chart(alt.Data(values=[]), title=title)
        .mark_bar()
        .encode(
            y=alt.Y("subject:N", title=None, sort=alt.EncodingSortField("order")),
            x=alt.X("difficulty:Q", title="Grades harder (+) or easier (−) than pupils' other subjects"),
            color=alt.Color(
                "taken:N", title=None, scale=alt.Scale(domain=[TAKEN, NOT_TAKEN], range=[SCHOOL, NATIONAL]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("subject:N", title="Subject"),
                alt.Tooltip("difficulty:Q", title="Difficulty (grades)", format="+.2f"),
                alt.Tooltip("entrants:Q", title="Entrants here"),
            ],
        )
        .properties(width="container", height=max(120, 18 * len(values)))
    )  # fmt: skip
    return with_rows(chart, values)


def value_added(rows: Sequence[dict], title: str) -> dict:
    """Each subject's value added as a dot with its 95% interval as a whisker either side, beside 0
    (national). `rows` carry `name` and `value_added` (figures or None)."""
    values = [
        {"subject": row["name"], "value": found["value_added"], "low": found["ci_low"],
         "high": found["ci_high"], "significance": found["significance"], "order": position}
        for position, row in enumerate(rows)
        if (found := row["value_added"])
    ]  # fmt: skip
    empty = alt.Chart(alt.Data(values=[]), title=title)
    base = empty.encode(y=alt.Y("subject:N", title=None, sort=alt.EncodingSortField("order")))
    whiskers = base.mark_rule(color=SCHOOL, strokeWidth=2).encode(
        x=alt.X("low:Q", title="Value added (grades)"), x2="high:Q"
    )
    dots = base.mark_circle(size=60, color=SCHOOL, opacity=1).encode(
        x="value:Q",
        tooltip=[
            alt.Tooltip("subject:N", title="Subject"),
            alt.Tooltip("value:Q", title="Value added", format="+.2f"),
            alt.Tooltip("low:Q", title="95% interval from", format="+.2f"),
            alt.Tooltip("high:Q", title="to", format="+.2f"),
            alt.Tooltip("significance:N", title="Against national"),
        ],
    )
    national = empty.mark_rule(color="#d4351c").encode(x=alt.datum(0))
    chart = alt.layer(national, whiskers, dots).properties(
        width="container", height=max(120, 22 * len(values))
    )
    return with_rows(chart, values)
