"""The explore pages: plain views that read the choices from the address, call one analytics function and
render. No pupil data is involved, so any signed-in user may open them; every choice is in the address,
and the filter forms swap in the new page body with htmx as the report pages do."""

from __future__ import annotations

from dataclasses import replace

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse, QueryDict
from django.shortcuts import render
from django.templatetags.static import static

from rollbook import output
from rollbook.analytics.public.explore import schools_in_area
from rollbook.analytics.public.family_choices import coded_values, find_schools
from rollbook.analytics.public.ofsted import FIGURES, ofsted_table, rating_spread
from rollbook.analytics.public.similar import family
from rollbook.analytics.public.sources import public_store
from rollbook.analytics.public.trends import ENGLAND, trends
from rollbook.charts import public as charts
from rollbook.charts.library import LIBRARY_VERSION
from rollbook.rules.local_authorities import REGIONS
from rollbook.rules.public.family import FamilySettings
from rollbook.rules.public.fields import DataSet, Kind, explore_field
from rollbook.rules.public.funnels import funnel
from rollbook.rules.public.schools_like_yours import sly_field
from rollbook.web.explore.forms import (
    CODED_FILTERS,
    AreaChoice,
    FamilyChoice,
    MapChoice,
    OfstedChoice,
    ScatterChoice,
    TableChoice,
)
from rollbook.web.explore.templatetags.explore import written

#: The explore pages, as (URL name, tab label).
TABS = (
    ("explore:schools", "Table"),
    ("explore:scatter", "Scatterplot"),
    ("explore:map", "Map"),
    ("explore:trends", "Trends"),
    ("explore:ofsted", "Ofsted and outcomes"),
    ("explore:similar", "Schools Like Yours"),
)
#: Each page's heading.
HEADINGS = {
    "schools": "Schools in the area",
    "scatter": "Scatterplot: any two figures",
    "map": "Map of the area's schools",
    "trends": "National and regional trends",
    "ofsted": "Ofsted ratings and outcomes",
    "similar": "Schools Like Yours",
}
TABLE_PAGE = 100
#: Grid references are metres; the map's edge lies this far beyond the outermost schools.
MAP_MARGIN = 5_000
OUTLINE = "explore/england.json"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _years(dataset: DataSet) -> list[int]:
    store = public_store()
    return [year for year in store.years() if store.path(year, str(dataset)) is not None]


def _page(request, name: str, form, **context):
    """Render an explore page (or, for an htmx request, the same page: htmx picks out its body)."""
    query = _chosen(request.GET)
    return render(
        request,
        f"explore/{name}.html",
        {
            "form": form,
            "query": query,
            "tabs": TABS,
            "heading": HEADINGS[name],
            "chart_library_version": LIBRARY_VERSION,
            **context,
        },
        status=400 if form.errors else 200,
    )


def _chosen(query: QueryDict) -> QueryDict:
    """The address's choices without the page number or a download's format, for links between tabs."""
    chosen = query.copy()
    for name in ("page", "format"):
        chosen.pop(name, None)
    return chosen


def _no_data(request, dataset: DataSet):
    return render(request, "explore/no_data.html", {"dataset": dataset.label, "tabs": TABS}, status=404)


@login_required
def schools(request):
    """An area's schools as a table, sorted by any column, a page at a time; every figure downloads."""
    years = _years(DataSet.KS4)
    if not years:
        return _no_data(request, DataSet.KS4)
    form = TableChoice(request.GET, years)
    if not form.is_valid():
        return _page(request, "schools", form)
    found = schools_in_area(form.cleaned_data["year"], form.cleaned_data["area"])
    if request.GET.get("format") in ("csv", "xlsx"):
        return _download([each.as_dict() for each in found.schools], request.GET["format"], found)
    sort = form.cleaned_data["sort"]
    ordered = sorted(found.schools, key=_sort_key(sort.removeprefix("-")), reverse=sort.startswith("-"))
    if sort.startswith("-"):  # largest first, but schools without the figure still last
        ordered = [row for row in ordered if _value(row, sort[1:]) is not None] + [
            row for row in ordered if _value(row, sort[1:]) is None
        ]
    columns = [explore_field(key) for key in form.cleaned_data["columns"]]
    return _page(
        request,
        "schools",
        form,
        found=found,
        columns=columns,
        sort=sort,
        rows=Paginator(ordered, TABLE_PAGE).get_page(form.cleaned_data["page"]),
    )


def _value(row, key: str):
    return row.measures[key] if key in row.measures else getattr(row, key)


def _sort_key(key: str):
    """Schools without the figure last; names without regard to case."""

    def sort_key(row):
        value = _value(row, key)
        if isinstance(value, str):
            value = value.casefold()
        return (value is None, value if value is not None else 0, row.name or "", row.urn)

    return sort_key


def _download(rows: list[dict], kind: str, found) -> HttpResponse:
    name = f"schools-{found.year}-{found.area.name.lower().replace(' ', '-')}.{kind}"
    response = HttpResponse(content_type="text/csv; charset=utf-8" if kind == "csv" else XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    if kind == "csv":
        output.write_csv(rows, response)
    else:
        output.write_xlsx(rows, response, title=f"Schools {found.year}, {found.area.name}")
    return response


@login_required
def scatter(request):
    """Any two figures of an area's schools against each other, each point sized by its pupils, a school
    picked out by name or URN."""
    years = _years(DataSet.KS4)
    if not years:
        return _no_data(request, DataSet.KS4)
    form = ScatterChoice(request.GET, years)
    if not form.is_valid():
        return _page(request, "scatter", form)
    data = form.cleaned_data
    found = schools_in_area(data["year"], data["area"])
    x, y, size = explore_field(data["x"]), explore_field(data["y"]), explore_field("ks4_pupils")
    matches = _matching(found.schools, data["find"])
    picked = {row.urn for row in matches[:1]}
    rows = [
        {
            "school": row.name,
            "area": row.local_authority,
            "urn": row.urn,
            "x": row.measures[x.key],
            "y": row.measures[y.key],
            "pupils": row.measures[size.key],
            "picked": row.urn in picked,
        }
        for row in found.schools
        if row.measures[x.key] is not None and row.measures[y.key] is not None
    ]
    chart = charts.scatter(rows, (x.label, x.kind), (y.label, y.kind), size.label)
    others = [(row, _changed(request.GET, find=row.urn)) for row in matches[1:6]]
    return _page(
        request,
        "scatter",
        form,
        found=found,
        chart=chart,
        plotted=len(rows),
        x=x,
        y=y,
        matches=matches,
        picked=matches[0] if matches else None,
        others=others,
    )


def _changed(query: QueryDict, **choices) -> str:
    """The address's choices with some changed, as a query string."""
    changed = _chosen(query)
    for name, value in choices.items():
        changed[name] = str(value)
    return changed.urlencode()


def _matching(rows, text: str) -> list:
    """The schools whose URN is `text` or whose name contains it, by name."""
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        return []
    return [row for row in rows if str(row.urn) == wanted or wanted in (row.name or "").casefold()]


@login_required
def school_map(request):
    """An area's schools at their own grid references, coloured by a figure, over England's borders."""
    years = _years(DataSet.KS4)
    if not years:
        return _no_data(request, DataSet.KS4)
    form = MapChoice(request.GET, years)
    if not form.is_valid():
        return _page(request, "map", form)
    data = form.cleaned_data
    found = schools_in_area(data["year"], data["area"])
    measure = explore_field(data["colour"])
    placed = [row for row in found.schools if row.easting is not None and row.northing is not None]
    rows = [
        {
            "school": row.name,
            "area": row.local_authority,
            "east": row.easting,
            "north": row.northing,
            "value": row.measures[measure.key],
        }
        for row in placed
    ]
    chart = None
    if placed:
        bounds = (
            min(row.easting for row in placed) - MAP_MARGIN,
            min(row.northing for row in placed) - MAP_MARGIN,
            max(row.easting for row in placed) + MAP_MARGIN,
            max(row.northing for row in placed) + MAP_MARGIN,
        )
        diverging = measure.key.startswith("progress8")
        chart = charts.school_map(rows, (measure.label, measure.kind), static(OUTLINE), bounds, diverging)
    return _page(request, "map", form, found=found, chart=chart, placed=len(placed), measure=measure)


#: The trend charts: (title, figure, its label); each by area and year.
TREND_CHARTS = (
    ("Attainment 8 by region", "attainment8", "Attainment 8"),
    ("Progress 8 by region", "progress8", "Progress 8"),
    ("Grade 4+ in English and maths by region", "basics_4_rate", "Grade 4+ in English and maths, %"),
    (
        "The disadvantaged gap by region",
        "disadvantaged_gap",
        "Attainment 8 points, other pupils less disadvantaged",
    ),
    ("The gap between girls and boys by region", "sex_gap", "Attainment 8 points, girls less boys"),
)


@login_required
def trends_page(request):
    """England's and each region's figures for every year loaded, and the disadvantaged and sex gaps."""
    if not _years(DataSet.KS4):
        return _no_data(request, DataSet.KS4)
    found = sorted(trends(), key=lambda row: (row.year, _area_order(row.area)))
    areas = sorted({row.area for row in found}, key=_area_order)
    series = {}
    for title, key, label in TREND_CHARTS:
        rows = [
            {
                "group": row.area,
                "series": str(row.year),
                "value": getattr(row, key),
                "order": areas.index(row.area),
            }
            for row in found
            if getattr(row, key) is not None
        ]
        if rows:
            kind = Kind.RATE if key.endswith("_rate") else Kind.SCORE
            series[title] = charts.grouped_bars(rows, title, (label, kind), "Year")
    ebacc = [
        {"group": str(row.year), "series": name, "value": getattr(row, key), "order": row.year}
        for row in found
        if row.area == ENGLAND
        for name, key in (("Entered", "ebacc_entry_rate"), ("Achieved at grade 4+", "ebacc_4_rate"))
        if getattr(row, key) is not None
    ]
    if ebacc:
        series["The EBacc in England: entered and achieved"] = charts.grouped_bars(
            ebacc, "The EBacc in England: entered and achieved", ("Pupils, %", Kind.RATE), "EBacc"
        )
    made = [
        {"id": f"trend-{number}", "label": title, "spec": spec}
        for number, (title, spec) in enumerate(series.items())
    ]
    form = AreaChoice(QueryDict(), _years(DataSet.KS4))
    return _page(request, "trends", form, rows=found, charts=made, gap_sources=_gap_sources(found))


def _area_order(area: str) -> int:
    """England first, then the regions in the DfE's order."""
    return 0 if area == ENGLAND else 1 + REGIONS.index(area) if area in REGIONS else len(REGIONS) + 1


def _gap_sources(found) -> list[str]:
    return sorted({row.gap_source for row in found if row.gap_source})


@login_required
def ofsted(request):
    """Outcomes by latest Ofsted rating: each figure the mean of the schools' published figures over the
    schools with a published Progress 8, and the spread of one figure within each rating."""
    years = _years(DataSet.KS4)
    if not years:
        return _no_data(request, DataSet.KS4)
    form = OfstedChoice(request.GET, years)
    if not form.is_valid():
        return _page(request, "ofsted", form)
    data = form.cleaned_data
    table = ofsted_table(data["year"], data["area"])
    measure = explore_field(data["spread"])
    spread = rating_spread(data["year"], data["area"], measure.key)
    rows = [
        {
            "rating": row.rating,
            "schools": row.schools,
            "lowest": row.lowest,
            "lower_quartile": row.lower_quartile,
            "median": row.median,
            "upper_quartile": row.upper_quartile,
            "highest": row.highest,
            "order": order,
        }
        for order, row in enumerate(spread)
        if row.schools
    ]
    chart = charts.rating_spread(rows, (measure.label, measure.kind)) if rows else None
    figures = [explore_field(key) for key in FIGURES]
    return _page(
        request,
        "ofsted",
        form,
        table=table,
        figures=figures,
        spread=spread,
        chart=chart,
        measure=measure,
        total=sum(row.schools for row in table),
    )


@login_required
def similar(request):
    """Schools Like Yours: choose a school, the criteria, filters and fields; the family nearest first, as
    a table and as charts, every setting in the address."""
    years = _years(DataSet.SCHOOLS_LIKE_YOURS)
    if not years:
        return _no_data(request, DataSet.SCHOOLS_LIKE_YOURS)
    year = _year_asked(request.GET, years)
    form = FamilyChoice(request.GET, years, coded_values(year, tuple(CODED_FILTERS.values())))
    context = {
        "year": year,
        "found_schools": (),
        "family": None,
        "coded_filters": list(CODED_FILTERS),
        "numeric": charts.FORMATS,
    }
    if not form.is_valid():
        return _page(request, "similar", form, **context)
    data = form.cleaned_data
    school = data["school"].strip()
    if school and not school.isdigit():
        context["found_schools"] = [
            {
                "urn": each.urn,
                "name": each.name,
                "local_authority": each.local_authority,
                "address": _changed(request.GET, school=each.urn),
            }
            for each in find_schools(year, school)
        ]
        return _page(request, "similar", form, **context)
    if not school:
        return _page(request, "similar", form, **context)
    try:
        settings = FamilySettings.choose(
            int(school), year, data["criteria"], form.filters(), data["show"], data["top"]
        )
        found = family(_with_funnel_pupils(settings))
    except (ValueError, LookupError) as problem:
        form.add_error(None, str(problem).strip("'\""))
        return _page(request, "similar", form, **context)
    if request.GET.get("format") in ("csv", "xlsx"):
        return _family_download(found, request.GET["format"])
    shown = [sly_field(year, name) for name in found.settings.displayed]
    context |= {
        "family": found,
        "settings": settings,
        "shown": shown,
        "members": _members(found, shown),
        "charts": _family_charts(found, shown),
    }
    return _page(request, "similar", form, **context)


def _with_funnel_pupils(settings: FamilySettings) -> FamilySettings:
    """The settings showing, beside each Progress 8 figure with a funnel, the pupils it is measured over
    (the funnel's width)."""
    wanted = [shape.pupils for name in settings.displayed if (shape := funnel(name)) is not None]
    missing = tuple(name for name in dict.fromkeys(wanted) if name not in settings.displayed)
    return replace(settings, shown=settings.displayed + missing) if missing else settings


def _year_asked(query: QueryDict, years: list[int]) -> int:
    asked = query.get("year", "")
    return int(asked) if asked.isdigit() and int(asked) in years else years[-1]


def _members(found, shown) -> list[dict]:
    """Each member with its fields written for the page."""
    return [
        {
            "member": member,
            "chosen": index == 0,
            "cells_and_fields": [
                (written(member.values[each.name], each.kind, each.name), each) for each in shown
            ],
        }
        for index, member in enumerate(found.members)
    ]


def _family_charts(found, shown) -> list[dict]:
    """A bar chart of each figure shown, and a funnel beside it where the figure has one."""
    made = []
    chosen = found.settings.school
    for each in shown:
        if each.kind not in charts.FORMATS:
            continue
        rows = [
            {
                "school": member.name,
                "value": member.values[each.name],
                "chosen": member.urn == chosen,
                "order": order,
            }
            for order, member in enumerate(found.members)
            if member.values[each.name] is not None
        ]
        made.append(
            {
                "id": f"family-{len(made)}",
                "label": each.name,
                "spec": charts.family_bars(rows, (each.name, each.kind)),
            }
        )
        shape = funnel(each.name)
        if shape is not None:
            made.append(_funnel_chart(found, shape, len(made)))
    return made


def _funnel_chart(found, shape, number: int) -> dict:
    rows = [
        {
            "school": member.name,
            "pupils": member.values[shape.pupils],
            "value": member.values[shape.field],
            "chosen": member.urn == found.settings.school,
        }
        for member in found.members
        if member.values[shape.field] is not None and member.values[shape.pupils]
    ]
    most = max((row["pupils"] for row in rows), default=1)
    steps = sorted({max(10, round(most * 1.1 * step / 40)) for step in range(1, 41)})
    limits = [
        {"pupils": pupils, "level": level, "low": low, "high": high}
        for pupils in steps
        for level, (low, high) in shape.limits(pupils).items()
    ]
    return {
        "id": f"family-{number}",
        "label": f"{shape.field}, funnel",
        "spec": charts.funnel(rows, limits, shape.field, shape.pupils),
    }


def _family_download(found, kind: str) -> HttpResponse:
    name = f"schools-like-{found.settings.school}-{found.settings.year}.{kind}"
    response = HttpResponse(content_type="text/csv; charset=utf-8" if kind == "csv" else XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    rows = [member.as_dict() for member in found.members]
    if kind == "csv":
        output.write_csv(rows, response)
    else:
        output.write_xlsx(
            rows, response, title=f"Schools like {found.settings.school}, {found.settings.year}"
        )
    return response
