"""Each KS4 pupil's measures (pupil-level): groups, prior attainment and the national estimate for it,
Attainment 8 and Progress 8 with their elements, EBacc and English and maths, and their Rollbook value
added from any other baseline the school holds; filtered and sorted as asked, with a scatter of Attainment
8 against prior attainment and the national estimate line."""

from __future__ import annotations

from typing_extensions import TypedDict

from rollbook.analytics.reports.base import InvalidRequest, Table
from rollbook.analytics.reports.ks4 import common
from rollbook.analytics.reports.ks4.request import Asked
from rollbook.analytics.results.value_added import Ks4ValueAdded, PupilValueAdded, school_figures
from rollbook.charts import results as charts
from rollbook.rules.results.pupil_groups import Ks4Pupil
from rollbook.rules.results.value_added import LABEL


class Ks4PupilRow(TypedDict):
    upn: str
    name: str
    sex: str | None
    disadvantaged: bool | None
    sen: str | None
    eal: bool | None
    prior_attainment: float | None
    prior_band: str | None
    estimate: float | None
    attainment8: float
    attainment8_english: float
    attainment8_maths: float
    attainment8_ebacc: float
    attainment8_open: float
    progress8: float | None
    progress8_english: float | None
    progress8_maths: float | None
    progress8_ebacc: float | None
    progress8_open: float | None
    progress8_capped: bool
    ebacc_entered: bool
    ebacc_aps: float
    ebacc_4: bool
    ebacc_5: bool
    basics_4: bool
    basics_5: bool
    #: % of possible sessions missed in the year of the exams.
    absence_rate: float | None
    persistently_absent: bool | None
    #: Rollbook value added (never Progress 8) by the name of each baseline the pupil has a score on.
    value_added: dict[str, PupilValueAdded]


class EstimatePoint(TypedDict):
    group: float
    attainment8: float


class Ks4PupilsReport(TypedDict):
    school: int
    academic_year: int
    label: str
    national: common.Ks4NationalInfo | None
    pupils: list[Ks4PupilRow]
    #: The column sorted by, "-" before it for descending.
    sort: str
    estimates: list[EstimatePoint]
    #: The school's Rollbook value added from each baseline its pupils have scores on (not Progress 8).
    value_added: list[Ks4ValueAdded]


COLUMNS = {
    "name": "Pupil", "upn": "UPN", "sex": "Sex", "disadvantaged": "Disadvantaged", "sen": "SEN", "eal": "EAL",
    "prior_attainment": "KS2 prior attainment", "prior_band": "Prior attainment band",
    "estimate": "A8 estimate", "attainment8": "Attainment 8", "attainment8_english": "A8 English",
    "attainment8_maths": "A8 maths", "attainment8_ebacc": "A8 EBacc", "attainment8_open": "A8 open",
    "progress8": "Progress 8", "progress8_english": "P8 English", "progress8_maths": "P8 maths",
    "progress8_ebacc": "P8 EBacc", "progress8_open": "P8 open", "progress8_capped": "P8 capped",
    "ebacc_entered": "EBacc entered", "ebacc_aps": "EBacc APS", "ebacc_4": "EBacc 4+", "ebacc_5": "EBacc 5+",
    "basics_4": "English and maths 4+", "basics_5": "English and maths 5+", "absence_rate": "Absence %",
    "persistently_absent": "Persistently absent",
}  # fmt: skip


def row(pupil: Ks4Pupil, value_added: dict[str, PupilValueAdded]) -> Ks4PupilRow:
    found = pupil.measures
    a8, progress, prior = found.attainment8, found.progress8, found.prior
    return Ks4PupilRow(
        upn=pupil.upn,
        name=pupil.name,
        sex=pupil.sex,
        disadvantaged=pupil.fsm6,
        sen=pupil.sen,
        eal=pupil.eal,
        prior_attainment=float(prior.average) if prior else None,
        prior_band=str(prior.band) if prior else None,
        estimate=progress.estimate.attainment8 if progress else None,
        attainment8=a8.total,
        attainment8_english=a8.english,
        attainment8_maths=a8.maths,
        attainment8_ebacc=a8.ebacc,
        attainment8_open=a8.open,
        progress8=progress.progress8 if progress else None,
        progress8_english=progress.english if progress else None,
        progress8_maths=progress.maths if progress else None,
        progress8_ebacc=progress.ebacc if progress else None,
        progress8_open=progress.open if progress else None,
        progress8_capped=bool(progress and progress.capped),
        ebacc_entered=found.ebacc.entered,
        ebacc_aps=found.ebacc.average_point_score,
        ebacc_4=found.ebacc.achieved_4,
        ebacc_5=found.ebacc.achieved_5,
        basics_4=found.basics.achieved_4,
        basics_5=found.basics.achieved_5,
        absence_rate=100 * pupil.absence if pupil.absence is not None else None,
        persistently_absent=pupil.persistently_absent,
        value_added=value_added,
    )


def chosen(asked: Asked, pupil: Ks4Pupil) -> bool:
    query = asked.query
    tests = (
        (query.sex, pupil.sex),
        (query.disadvantaged, pupil.fsm6),
        (query.sen, pupil.sen),
        (query.eal, pupil.eal),
        (query.prior_attainment, pupil.measures.prior_band and str(pupil.measures.prior_band)),
    )
    return all(wanted is None or wanted == value for wanted, value in tests)


def build(asked: Asked) -> Ks4PupilsReport:
    cohort = asked.cohort()
    published = asked.published(asked.academic_year)
    school, each = school_figures(asked.lake, asked.school, asked.academic_year, cohort.pupils,
                                  published.national.value_added if published else {})  # fmt: skip
    found = [row(pupil, each.get(pupil.upn, {})) for pupil in cohort.pupils if chosen(asked, pupil)]
    sort = asked.query.sort or "name"
    descending = sort.startswith("-")
    column = sort.removeprefix("-")
    if column not in COLUMNS:
        raise InvalidRequest(
            [("sort", f"Sort by: {sort!r} is not a column; choose one of {', '.join(COLUMNS)}")]
        )
    # Pupils without the figure (no prior attainment, no P8) go last whichever way the list is sorted.
    with_value = [p for p in found if p[column] is not None]  # type: ignore[literal-required]
    without = [p for p in found if p[column] is None]  # type: ignore[literal-required]
    with_value.sort(key=lambda p: (p[column], p["name"]), reverse=descending)  # type: ignore[literal-required]
    estimates = published.national.estimates if published else None
    return Ks4PupilsReport(
        school=asked.school,
        academic_year=asked.academic_year,
        label=asked.label,
        national=common.national_info(asked, asked.academic_year),
        pupils=with_value + without,
        sort=sort,
        estimates=[EstimatePoint(group=float(e.group), attainment8=e.attainment8) for e in estimates.rows]
        if estimates else [],
        value_added=school,
    )  # fmt: skip


def rows(data: Ks4PupilsReport) -> list[dict[str, object]]:
    """Every column for each pupil, then their score and value added from each baseline the school holds."""
    baselines = [each["baseline"] for each in data["value_added"]]
    return [
        {COLUMNS[key]: pupil[key] for key in COLUMNS}  # type: ignore[literal-required]
        | {heading: value for baseline in baselines for heading, value in _value_added(pupil, baseline)}
        for pupil in data["pupils"]
    ]


def _value_added(pupil: Ks4PupilRow, baseline: str) -> list[tuple[str, float | None]]:
    held = pupil["value_added"].get(baseline)
    return [(f"{baseline} score", held["score"] if held else None),
            (f"{baseline} estimate", held["estimate"] if held else None),
            (f"{LABEL} from {baseline}", held["value_added"] if held else None)]  # fmt: skip


def tables(data: Ks4PupilsReport) -> list[Table]:
    keys = ("name", "prior_attainment", "attainment8", "progress8", "basics_4", "ebacc_entered")
    return [(f"KS4 pupils, {data['label']}", [{COLUMNS[k]: p[k] for k in keys} for p in data["pupils"]])]  # type: ignore[literal-required]


#: The columns the page shows (every column is in the downloads and the API).
SHOWN = ("name", "prior_attainment", "estimate", "attainment8", "progress8", "progress8_english",
         "progress8_maths", "basics_4", "ebacc_entered", "absence_rate")  # fmt: skip


def page_context(data: Ks4PupilsReport) -> dict[str, object]:
    column = data["sort"].removeprefix("-")
    return {
        "columns": [(key, COLUMNS[key]) for key in SHOWN],
        "sort": data["sort"],
        "sort_label": COLUMNS[column],
        "baselines": [each["baseline"] for each in data["value_added"]],
        "value_added_label": LABEL,
    }


REPORT = common.report(
    "pupils",
    "KS4 pupils",
    tab="Pupils",
    order=30,
    build=build,
    rows=rows,
    tables=tables,
    data_type=Ks4PupilsReport,
    pupil_level=True,
    context=page_context,
    charts=lambda data: {
        "chart": charts.progress_scatter(
            data["pupils"], data["estimates"], "Attainment 8 against KS2 prior attainment"
        )
    },
)
