"""Charts of public school data: the scatterplot, the map, bars by region and by year, the spread of a figure
within each Ofsted rating, and a family's bars and funnels.

Each chart is built once per set of titles and kept (Altair takes some 15 ms to write a specification, and
a family page has a dozen charts); a page's rows are put into a copy of it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import altair as alt

from rollbook.rules.public.fields import Kind

BRAND, CHOSEN, MUTED = "#1d4f91", "#d4351c", "#b1b4b6"
#: How each kind of figure is written in tooltips and on axes (d3-format: thousands separated by commas).
ORDER = alt.EncodingSortField("order")
FORMATS = {Kind.RATE: ",.1f", Kind.SCORE: ",.2f", Kind.COUNT: ",d"}


def number_format(kind: Kind) -> str:
    return FORMATS.get(kind, "")


def _axis(kind: Kind) -> alt.Axis:
    """Whole numbers of pupils with separators; other figures as the axis chooses (fewest places)."""
    return alt.Axis(format=",d") if kind is Kind.COUNT else alt.Axis()


def _with(template: dict, rows: list[dict], **datasets: list[dict]) -> dict:
    """A copy of a kept specification with the page's rows (and any named data sets) in it."""
    spec = {**template, "data": {"values": rows}}
    if datasets:
        spec["datasets"] = datasets
    return spec


# -- the scatterplot ----------------------------------------------------------------------------------


def scatter(rows: list[dict], x: tuple[str, Kind], y: tuple[str, Kind], size_title: str) -> dict:
    """Each school a point at two figures, sized by its pupils; a school with `picked` true is ringed and
    named. Rows: school, area, urn, x, y, pupils, picked."""
    return _with(_scatter(x, y, size_title), rows)


@functools.lru_cache(maxsize=256)
def _scatter(x: tuple[str, Kind], y: tuple[str, Kind], size_title: str) -> dict:
    (x_title, x_kind), (y_title, y_kind) = x, y
    tooltip = [
        alt.Tooltip("school:N", title="School"),
        alt.Tooltip("area:N", title="Local authority"),
        alt.Tooltip("x:Q", title=x_title, format=number_format(x_kind)),
        alt.Tooltip("y:Q", title=y_title, format=number_format(y_kind)),
        alt.Tooltip("pupils:Q", title=size_title, format=",d"),
    ]
    axes = {
        "x": alt.X("x:Q", title=x_title, scale=alt.Scale(zero=False), axis=_axis(x_kind)),
        "y": alt.Y("y:Q", title=y_title, scale=alt.Scale(zero=False), axis=_axis(y_kind)),
    }
    points = (
        alt.Chart()
        .mark_circle(opacity=0.45, color=BRAND)
        .encode(
            **axes,
            size=alt.Size("pupils:Q", title=size_title, scale=alt.Scale(range=[8, 260]), legend=None),
            tooltip=tooltip,
        )
    )
    picked = alt.Chart().transform_filter("datum.picked")
    ring = picked.mark_circle(size=420, fill=None, stroke=CHOSEN, strokeWidth=3).encode(
        **axes, tooltip=tooltip
    )
    name = picked.mark_text(align="left", dx=14, fontWeight="bold", color=CHOSEN).encode(
        **axes, text="school:N"
    )
    chart = alt.layer(points, ring, name, data=alt.Data(values=[])).properties(width="container", height=460)
    return chart.to_dict()


# -- the map ------------------------------------------------------------------------------------------


def school_map(
    rows: list[dict],
    measure: tuple[str, Kind],
    outline: str,
    bounds: tuple[float, float, float, float],
    diverging: bool = False,
) -> dict:
    """Each school a point at its own grid reference (eastings and northings, metres), coloured by a
    figure, over England's regional and local authority borders from `outline` (a GeoJSON file on the
    same grid). Equal scale both ways: the grid is drawn as it is (an identity projection, north up), fitted
    to `bounds` (west, south, east, north). Rows: school, area, east, north, value."""
    spec = _with(_map(measure, outline, diverging), rows)
    west, south, east, north = bounds
    box = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    fit = {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [box]}}
    spec["projection"] = {**spec["projection"], "fit": fit}
    return spec


@functools.lru_cache(maxsize=256)
def _map(measure: tuple[str, Kind], outline: str, diverging: bool) -> dict:
    title, kind = measure
    borders = alt.Chart(alt.UrlData(url=outline, format=alt.DataFormat(type="json", property="features")))
    regions = borders.transform_filter("datum.properties.layer == 'regions'").mark_geoshape(
        filled=False, stroke="#505a5f", strokeWidth=1.2, clip=True
    )
    authorities = borders.transform_filter("datum.properties.layer == 'local authorities'").mark_geoshape(
        filled=False, stroke=MUTED, strokeWidth=0.6, clip=True
    )
    scale = (
        alt.Scale(scheme="blueorange", domainMid=0)
        if diverging
        else alt.Scale(scheme="viridis", reverse=True)
    )
    points = (
        alt.Chart()
        .mark_circle(size=28, opacity=0.85, stroke="#0b0c0c", strokeWidth=0.3, clip=True)
        .encode(
            longitude="east:Q",
            latitude="north:Q",
            color=alt.Color("value:Q", title=title, scale=scale, legend=alt.Legend(orient="top")),
            tooltip=[
                alt.Tooltip("school:N", title="School"),
                alt.Tooltip("area:N", title="Local authority"),
                alt.Tooltip("value:Q", title=title, format=number_format(kind)),
            ],
        )
    )  # fmt: skip
    chart = alt.layer(authorities, regions, points, data=alt.Data(values=[])).properties(
        width="container", height=560, projection=alt.Projection(type="identity", reflectY=True)
    )
    return chart.to_dict()


# -- bars: by region, by year, within a family ---------------------------------------------------------


def grouped_bars(rows: list[dict], title: str, value: tuple[str, Kind], series_title: str) -> dict:
    """A bar for each group (a region, a year) and series within it (a year, a measure), across the page so
    long names read on a phone. Rows: group, series, value, order (the groups' order)."""
    return _with(_grouped_bars(title, value, series_title), rows)


@functools.lru_cache(maxsize=256)
def _grouped_bars(title: str, value: tuple[str, Kind], series_title: str) -> dict:
    value_title, kind = value
    chart = (
        alt.Chart(alt.Data(values=[]), title=title)
        .mark_bar()
        .encode(
            y=alt.Y("group:N", title=None, sort=ORDER),
            yOffset=alt.YOffset("series:N"),
            x=alt.X("value:Q", title=value_title, axis=_axis(kind)),
            color=alt.Color("series:N", title=series_title, legend=alt.Legend(orient="top")),
            tooltip=[
                alt.Tooltip("group:N", title="Area"),
                alt.Tooltip("series:N", title=series_title),
                alt.Tooltip("value:Q", title=value_title, format=number_format(kind)),
            ],
        )
        .properties(width="container")
    )
    return chart.to_dict()


def family_bars(rows: list[dict], value: tuple[str, Kind]) -> dict:
    """One figure for each school of a family, nearest first, the chosen school's bar in red.
    Rows: school, value, chosen, order."""
    return _with(_family_bars(value), rows)


@functools.lru_cache(maxsize=256)
def _family_bars(value: tuple[str, Kind]) -> dict:
    title, kind = value
    chart = (
        alt.Chart(alt.Data(values=[]), title=title)
        .mark_bar()
        .encode(
            y=alt.Y("school:N", title=None, sort=ORDER, axis=alt.Axis(labelLimit=200)),
            x=alt.X("value:Q", title=title, axis=_axis(kind)),
            color=alt.condition("datum.chosen", alt.value(CHOSEN), alt.value(BRAND)),
            tooltip=[alt.Tooltip("school:N", title="School"),
                     alt.Tooltip("value:Q", title=title, format=number_format(kind))],
        )
        .properties(width="container")
    )  # fmt: skip
    return chart.to_dict()


# -- a family's funnel --------------------------------------------------------------------------------


def funnel(rows: list[dict], limits: Sequence[dict], value: str, pupils: str) -> dict:
    """Each school of a family at its pupils and score, between the limits within which a school's score
    falls by chance (rules.public.funnels), the chosen school in red. Rows: school, pupils, value, chosen;
    limits: pupils, level, low, high."""
    return _with(_funnel(value, pupils), rows, limits=list(limits))


@functools.lru_cache(maxsize=64)
def _funnel(value: str, pupils: str) -> dict:
    axes = {"x": alt.X("pupils:Q", title=pupils), "y": alt.Y("value:Q", title=value)}
    bands = alt.Chart(alt.NamedData(name="limits")).encode(
        x="pupils:Q", strokeDash=alt.StrokeDash("level:N", title="Limits", legend=alt.Legend(orient="top"))
    )
    low = bands.mark_line(color="#505a5f").encode(y="low:Q")
    high = bands.mark_line(color="#505a5f").encode(y="high:Q")
    centre = alt.Chart().mark_rule(color="#505a5f").encode(y=alt.datum(0))
    schools = alt.Chart().mark_circle(size=90, opacity=0.9).encode(
        **axes,
        color=alt.condition("datum.chosen", alt.value(CHOSEN), alt.value(BRAND)),
        tooltip=[alt.Tooltip("school:N", title="School"), alt.Tooltip("pupils:Q", title=pupils, format=",d"),
                 alt.Tooltip("value:Q", title=value, format="+.2f")],
    )  # fmt: skip
    chart = alt.layer(low, high, centre, schools, data=alt.Data(values=[])).properties(
        width="container", height=320, title=f"{value}: a funnel of chance by pupils"
    )
    return chart.to_dict()


# -- the spread within each Ofsted rating -------------------------------------------------------------


def rating_spread(rows: list[dict], value: tuple[str, Kind]) -> dict:
    """A box for each rating: the middle half of its schools (quartile to quartile), the median marked, a
    line from the lowest to the highest. Rows: rating, schools, lowest, lower_quartile, median,
    upper_quartile, highest, order."""
    return _with(_rating_spread(value), rows)


@functools.lru_cache(maxsize=64)
def _rating_spread(value: tuple[str, Kind]) -> dict:
    title, kind = value
    shape = number_format(kind)
    base = alt.Chart().encode(
        y=alt.Y("rating:N", title=None, sort=ORDER),
        tooltip=[
            alt.Tooltip("rating:N", title="Rating"),
            alt.Tooltip("schools:Q", title="Schools", format=",d"),
            alt.Tooltip("lowest:Q", title="Lowest", format=shape),
            alt.Tooltip("lower_quartile:Q", title="Lower quartile", format=shape),
            alt.Tooltip("median:Q", title="Median", format=shape),
            alt.Tooltip("upper_quartile:Q", title="Upper quartile", format=shape),
            alt.Tooltip("highest:Q", title="Highest", format=shape),
        ],
    )
    whiskers = base.mark_rule(color="#505a5f").encode(
        x=alt.X("lowest:Q", title=title, axis=_axis(kind)), x2="highest:Q"
    )
    box = base.mark_bar(size=22, color=BRAND, opacity=0.8).encode(x="lower_quartile:Q", x2="upper_quartile:Q")
    median = base.mark_tick(color="#ffffff", size=22, thickness=3).encode(x="median:Q")
    chart = alt.layer(whiskers, box, median, data=alt.Data(values=[])).properties(
        width="container", height=220, title=f"{title}: the spread within each rating"
    )
    return chart.to_dict()
