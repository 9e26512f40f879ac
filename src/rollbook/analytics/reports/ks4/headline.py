"""The KS4 headline: Attainment 8 and its elements, Progress 8 with its interval and band where the DfE
calculates it, EBacc and English and maths, each beside national, and each measure over the years held;
apart from them, Rollbook value added from any other baseline the school holds (never Progress 8)."""

from __future__ import annotations

from typing_extensions import TypedDict

from rollbook.analytics.public.family_figures import family_figures
from rollbook.analytics.reports.base import InvalidRequest, Table
from rollbook.analytics.reports.ks4 import common
from rollbook.analytics.reports.ks4.request import Asked
from rollbook.analytics.results.figures import MEASURE_NAMES, Ks4Measures
from rollbook.analytics.results.school import Ks4Gap, Progress8Figures, beside
from rollbook.analytics.results.value_added import Ks4ValueAdded, school_figures
from rollbook.charts import results as charts
from rollbook.rules.calendar import academic_year_label
from rollbook.rules.results.value_added import LABEL


class Ks4TrendYear(TypedDict):
    academic_year: int
    label: str
    measures: Ks4Measures
    national: Ks4Measures | None
    provisional: bool


class Ks4HeadlineReport(TypedDict):
    school: int
    academic_year: int
    label: str
    national: common.Ks4NationalInfo | None
    #: What this year's measures are set beside: "National", or the school's public family.
    compared_with: str
    measures: Ks4Measures
    #: The figures they are set beside (national's, or the family's).
    national_measures: Ks4Measures | None
    gaps: dict[str, Ks4Gap]
    progress8: Progress8Figures
    trend: list[Ks4TrendYear]
    #: Rollbook value added from each baseline the school's pupils have scores on: Rollbook's own measure,
    #: never Progress 8, so kept apart from `measures`.
    value_added: list[Ks4ValueAdded]


def build(asked: Asked) -> Ks4HeadlineReport:
    trend = []
    for year in asked.trend_years:
        published = asked.published(year)
        national = published.national.measures if published else None
        pupils = asked.cohort(year).pupils
        found = beside(pupils, year, published, national)
        if found is None:
            continue
        trend.append(
            Ks4TrendYear(academic_year=year, label=academic_year_label(year), measures=found["measures"],
                      national=national, provisional=bool(published and published.provisional))
        )  # fmt: skip
        if year == asked.academic_year:
            this_year = found
            estimates = published.national.value_added if published else {}
            value_added, _ = school_figures(asked.lake, asked.school, year, pupils, estimates)
    compared_with = "National"
    if asked.query.beside == "family":
        family, compared_with = _family(asked)
        published = asked.published(asked.academic_year)
        this_year = beside(asked.cohort().pupils, asked.academic_year, published, family)
    return Ks4HeadlineReport(
        school=asked.school,
        academic_year=asked.academic_year,
        label=asked.label,
        national=common.national_info(asked, asked.academic_year),
        compared_with=compared_with,
        measures=this_year["measures"],
        national_measures=this_year["national"],
        gaps=this_year["gaps"],
        progress8=this_year["progress8"],
        trend=trend,
        value_added=value_added,
    )


def _family(asked: Asked) -> tuple[Ks4Measures, str]:
    """The school's Schools Like Yours family's published figures, in the headline's keys (those the public
    data does not give are None), and how the page names them."""
    try:
        found = family_figures(asked.school)
    except (LookupError, ValueError) as problem:
        raise InvalidRequest([("beside", f"Beside: schools like yours cannot be shown: {problem}")]) from None
    keys = {key: found.measures.get(key) for key in MEASURE_NAMES}
    measures = Ks4Measures(
        **(keys | {"pupils": found.pupils, "progress8_ci_low": None, "progress8_ci_high": None})
    )
    label = (f"Schools like yours ({found.schools} schools most like this one in the public data; their "
             f"published {academic_year_label(found.year - 1)} figures)")  # fmt: skip
    return measures, label


def rows(data: Ks4HeadlineReport) -> list[dict[str, object]]:
    """One row per year held: the school's measures, each beside national."""
    return [
        {"Academic year": year["label"], **common.measure_rows(year["measures"], year["national"])}
        for year in data["trend"]
    ]


def tables(data: Ks4HeadlineReport) -> list[Table]:
    national = data["national_measures"] or {}
    shown = [
        {
            "measure": words,
            "school": data["measures"][key],  # type: ignore[literal-required]
            "national": national.get(key),
            "significance": (data["gaps"].get(key) or {}).get("significance"),
        }
        for key, words in MEASURE_NAMES.items()
    ]
    value_added = [
        {"baseline": each["baseline"], "pupils": each["pupils"], "value added": each["value_added"],
         "lower 95%": each["ci_low"], "upper 95%": each["ci_high"], "significance": each["significance"]}
        for each in data["value_added"]
    ]  # fmt: skip
    return [(f"KS4 headline measures, {data['label']}", shown)] + (
        [(f"{LABEL}, {data['label']}", value_added)] if value_added else []
    )


TRENDS = {"attainment8": "Attainment 8", "progress8": "Progress 8", "basics_4_rate": "English and maths 4+ %",
          "ebacc_entry_rate": "EBacc entry %"}  # fmt: skip


def trend_charts(data: Ks4HeadlineReport) -> dict[str, dict]:
    """A chart per measure held for two years or more (Progress 8 is missing from years without it)."""
    shown = {
        key: words
        for key, words in TRENDS.items()
        if sum(y["measures"][key] is not None for y in data["trend"]) >= 2  # type: ignore[literal-required]
    }
    return {"trend_charts": {key: charts.trend(data["trend"], key, words) for key, words in shown.items()}}


#: The measures the page lists, and those its table of years shows.
LISTED = tuple(key for key in MEASURE_NAMES if not key.startswith("progress8_ci"))
TREND_TABLE = ("attainment8", "progress8", "basics_4_rate", "basics_5_rate", "ebacc_entry_rate", "ebacc_aps")

REPORT = common.report(
    "headline",
    "KS4 headline measures",
    tab="Headline",
    order=10,
    build=build,
    rows=rows,
    tables=tables,
    data_type=Ks4HeadlineReport,
    charts=trend_charts,
    context=lambda data: {"measure_keys": LISTED, "trend_keys": TREND_TABLE},
)
