"""The question a KS4 report takes, read and checked once for the page, the API and the CLI: the academic
year of the exams (default: the latest the school holds results for), how many years to take together, and
for the pupil list, which pupils and in what order."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from rollbook import config
from rollbook.analytics.comparators.snapshot import Snapshot
from rollbook.analytics.public.family_figures import family_source
from rollbook.analytics.reports.base import AcademicYear, InvalidRequest, ReportContext
from rollbook.analytics.results import national
from rollbook.analytics.results.cohort import Cohort, years_with_results
from rollbook.analytics.results.national import Published
from rollbook.analytics.results.school import measured
from rollbook.lake import Lake
from rollbook.rules.calendar import academic_year_label

#: How many years a trend or a "three years together" figure looks back over.
TREND_YEARS = 3


class Ks4Query(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    academic_year: AcademicYear | None = Field(
        None,
        title="Academic year",
        description="The year of the exams, e.g. 2024/25 (default: the latest held)",
    )
    #: A page's address gives "3": read as the number it is (a Literal takes no text).
    years: Annotated[
        Literal[1, 3], BeforeValidator(lambda v: int(v) if isinstance(v, str) and v.isdigit() else v)
    ] = Field(1, title="Years", description="1 for the year alone, 3 for three years together")
    beside: Literal["national", "family"] = Field(
        "national",
        title="Beside",
        description="national, or family: the school's Schools Like Yours family in the public data",
    )
    sex: Literal["F", "M"] | None = Field(None, title="Sex", description="F or M (pupil list)")
    disadvantaged: bool | None = Field(None, title="Disadvantaged", description="FSM6 pupils only, or none")
    sen: Literal["N", "K", "E"] | None = Field(
        None, title="SEN", description="N none, K SEN support, E EHC plan"
    )
    eal: bool | None = Field(None, title="EAL")
    prior_attainment: Literal["low", "middle", "high"] | None = Field(None, title="Prior attainment")
    sort: str | None = Field(
        None, title="Sort by", description="A column of the pupil list; - before it for descending"
    )


@dataclass(frozen=True)
class Asked:
    school: int
    query: Ks4Query
    academic_year: int
    #: The years held up to and including this one, oldest first, at most TREND_YEARS.
    trend_years: tuple[int, ...]
    lake: Lake
    national_root: Path
    min_group_pupils: int
    #: Where the attendance comparators are published: their regions and similar schools are the groups
    #: results are set beside too.
    snapshots: Path

    def published(self, academic_year: int) -> Published | None:
        return national.latest(self.national_root, academic_year)

    def cohort(self, academic_year: int | None = None) -> Cohort:
        year = academic_year or self.academic_year
        return measured(self.lake, self.school, year, self.published(year))

    @property
    def label(self) -> str:
        return academic_year_label(self.academic_year)

    def fingerprint(self) -> list[object]:
        """The question, what the reader may see, the school's lake files, the national figures and, beside
        the school's family, the public data it comes from."""
        return [
            self.school,
            self.query.model_dump(mode="json"),
            self.academic_year,
            self.min_group_pupils,
            self.lake.version(self.school),
            [national.version(self.national_root, year) for year in self.trend_years],
            str(snapshot.path) if (snapshot := Snapshot.latest(self.snapshots)) else None,
            family_source() if self.query.beside == "family" else None,
        ]


def prepare(query: Ks4Query, context: ReportContext) -> Asked:
    """LookupError when no results are held for the school; InvalidRequest for a year it does not hold."""
    lake = context.lake or Lake.configured()
    held = years_with_results(lake, context.school)
    if not held:
        raise LookupError(
            f"no KS4 results are held for school URN {context.school}; import its results first"
        )
    year = held[-1] if query.academic_year is None else query.academic_year
    if year not in held:
        choices = ", ".join(academic_year_label(y) for y in held)
        raise InvalidRequest(
            [
                (
                    "academic_year",
                    f"Academic year: no results are held for {academic_year_label(year)}; choose {choices}",
                )
            ]
        )
    return Asked(
        school=context.school,
        query=query,
        academic_year=year,
        trend_years=tuple(y for y in held if y <= year)[-TREND_YEARS:],
        lake=lake,
        national_root=config.ks4_national_root(),
        min_group_pupils=context.min_group_pupils,
        snapshots=context.snapshots or config.snapshots_root(),
    )
