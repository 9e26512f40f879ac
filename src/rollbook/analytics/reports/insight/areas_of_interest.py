"""Areas of interest: the sentences whose rules fire on the school's characteristics, KS4 results, subjects
and absence, section by section, each with "why am I seeing this" (the rule, each test it passed in each
year with the figure it read, and links to the reports that show those figures), and "nothing significant
to report" where no sentence fires (rules/insight, docs/curriculum-and-insight.md)."""

from __future__ import annotations

from typing_extensions import TypedDict

from rollbook.analytics.reports.base import Table
from rollbook.analytics.reports.ks4 import common as ks4
from rollbook.analytics.reports.ks4.request import Asked
from rollbook.analytics.reports.subjects import common as subjects
from rollbook.analytics.results.insight import YearHeld, figures
from rollbook.rules.calendar import academic_year_label
from rollbook.rules.insight.areas_of_interest import areas_of_interest
from rollbook.rules.insight.figures import MEASURES, Figure, Items

#: Where each measure's figures are shown: a report's domain and name.
SHOWN_IN = {
    **dict.fromkeys(("roll", "fsm6", "eal", "sen_support", "ehc_plan", "year_group_roll", "overall_absence",
                     "persistent_absence"), ("attendance", "summary")),
    **dict.fromkeys(("attainment8", "progress8", "element_progress8", "basics_5", "ebacc_entry", "ebacc_aps"),
                    ("ks4", "headline")),
    **dict.fromkeys(("area_value_added", "subject_aps"), ("subjects", "value-added")),
    **dict.fromkeys(("subject_entry", "ebacc_barrier"), ("subjects", "entries")),
}  # fmt: skip


class InsightFigure(TypedDict):
    measure: str
    #: As the sentences name it: "the share of pupils entered in French".
    about: str
    item: str | None
    #: Each year the figure is held for, the latest first.
    years: list[int]
    value: float
    shown: str
    pupils: int
    national: float | None
    quintile: int | None
    similar_quintile: int | None
    interval: list[float] | None
    #: The report that shows it.
    domain: str
    report: str


class InsightSentence(TypedDict):
    rule: str
    text: str
    why: str
    figures: list[InsightFigure]


class InsightSection(TypedDict):
    section: str
    sentences: list[InsightSentence]
    #: What the section says when no sentence fired.
    message: str | None


class AreasOfInterestReport(TypedDict):
    school: int
    academic_year: int
    label: str
    national: ks4.Ks4NationalInfo | None
    #: The years read, oldest first (a rule over three years needs each of them).
    years: list[int]
    years_label: str
    sections: list[InsightSection]


def figure_shown(figure: Figure) -> InsightFigure:
    measure = MEASURES[figure.measure]
    about = measure.name
    if figure.item is not None and measure.items is not Items.NONE:
        about += f" ({measure.item_name(figure.item)})"
    domain, report = SHOWN_IN[figure.measure]
    return InsightFigure(
        measure=figure.measure, about=about, item=figure.item,
        years=[f.year for f in (figure, *figure.earlier)], value=figure.value,
        shown=measure.shown(figure.value),
        pupils=figure.pupils, national=figure.national, quintile=figure.quintile,
        similar_quintile=figure.similar_quintile, interval=list(figure.interval) if figure.interval else None,
        domain=domain, report=report,
    )  # fmt: skip


def build(asked: Asked) -> AreasOfInterestReport:
    held = [
        YearHeld(
            year,
            asked.cohort(year).pupils,
            asked.published(year),
            subjects.national(asked, year),
            subjects.scores(asked, year),
        )
        for year in asked.trend_years
    ]
    found = areas_of_interest(figures(asked.lake, asked.school, held), asked.academic_year)
    return AreasOfInterestReport(
        school=asked.school,
        academic_year=asked.academic_year,
        label=asked.label,
        national=ks4.national_info(asked, asked.academic_year),
        years=list(asked.trend_years),
        years_label=subjects.years_label(list(asked.trend_years)),
        sections=[
            InsightSection(
                section=str(section.section),
                sentences=[
                    InsightSentence(
                        rule=f.rule.key,
                        text=f.text,
                        why=f.why,
                        figures=[figure_shown(figure) for figure in f.figures],
                    )
                    for f in section.findings
                ],  # fmt: skip
                message=section.message,
            )
            for section in found
        ],
    )


def rows(data: AreasOfInterestReport) -> list[dict[str, object]]:
    return [
        {"Academic year": academic_year_label(data["academic_year"]), "Section": section["section"],
         "Sentence": sentence["text"] if sentence else section["message"],
         "Rule": sentence["rule"] if sentence else "", "Why": sentence["why"] if sentence else ""}
        for section in data["sections"]
        for sentence in (section["sentences"] or [None])
    ]  # fmt: skip


def tables(data: AreasOfInterestReport) -> list[Table]:
    return [
        (
            section["section"],
            [{"sentence": s["text"]} for s in section["sentences"]] or [{"sentence": section["message"]}],
        )
        for section in data["sections"]
    ]


REPORT = ks4.report(
    "areas-of-interest",
    "Areas of interest",
    domain="insight",
    tab="Areas of interest",
    order=10,
    build=build,
    rows=rows,
    tables=tables,
    data_type=AreasOfInterestReport,
)
