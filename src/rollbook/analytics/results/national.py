"""National KS4 figures for a year, worked out from every school's cohort the lake holds and published for
the reports to set schools beside (docs/ks4-measures.md, "National figures").

Publishing measures every pupil of the year once without Progress 8 (in the engine, all pupils at once:
pupil_measures.py), builds the year's estimates from them
(each prior-attainment group's mean Attainment 8 and elements, with the cap), measures every pupil against
those estimates, and keeps the national standard deviation of pupils' scores for schools' confidence
intervals. An operator may load the DfE's own estimates table for a year instead; then those are used.

Each publish writes a new dated file and never changes an old one. A year with nothing published yet (a
school uploading in August, before any other) is set beside the latest earlier year, marked provisional.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from rollbook.analytics.public.trends import ENGLAND, AreaFigures
from rollbook.analytics.public.trends import trends as public_trends
from rollbook.analytics.results.cohort import schools_with_results
from rollbook.analytics.results.figures import Ks4Measures, measures
from rollbook.analytics.results.pupil_measures import measured_pupils
from rollbook.analytics.results.value_added import estimates_from_json, national_value_added
from rollbook.lake import Lake
from rollbook.rules.results.headline import headline
from rollbook.rules.results.prior_attainment import Baseline
from rollbook.rules.results.progress8 import SIGMA_2019, Estimate, Estimates, build_estimates, national_sigma
from rollbook.rules.results.pupil_groups import GROUPINGS, Ks4Pupil, measures_of, split
from rollbook.rules.results.pupil_measures import with_progress8
from rollbook.rules.results.value_added import ValueAddedEstimates

#: The national spread of pupils' Progress 8 the DfE's published intervals use, for years it is known.
DFE_SIGMA = {2018: SIGMA_2019}
#: How a held cohort's estimates are named beside a loaded DfE table's.
HELD_COHORT = "Rollbook, from every school's pupils it holds"


@dataclass(frozen=True)
class National:
    """The year's national figures, for all pupils and for each group (grouping -> group -> figures)."""

    academic_year: int
    published: dt.datetime
    schools: int
    measures: Ks4Measures
    groups: dict[str, dict[str, Ks4Measures]]
    estimates: Estimates | None
    sigma: float | None
    #: Where the national measures come from.
    source: str = ""
    #: Rollbook value added's estimates (never Progress 8), by the name of the baseline they are from.
    value_added: dict[str, ValueAddedEstimates] = dataclasses.field(default_factory=dict)

    def to_json(self) -> dict:
        found = dataclasses.asdict(self)
        found["published"] = self.published.isoformat()
        found["estimates"] = _estimates_json(self.estimates)
        return found

    @classmethod
    def from_json(cls, found: dict) -> National:
        return cls(
            academic_year=found["academic_year"],
            published=dt.datetime.fromisoformat(found["published"]),
            schools=found["schools"],
            measures=found["measures"],
            groups=found["groups"],
            estimates=_estimates_from_json(found["estimates"]),
            sigma=found["sigma"],
            source=found.get("source", ""),
            value_added=estimates_from_json(found.get("value_added", {})),
        )


def work_out(
    lake: Lake,
    academic_year: int,
    estimates: Estimates | None = None,
    engine: str | None = None,
    published: dt.datetime | None = None,
) -> National | None:
    """The year's national figures from every school holding results (None when none does); P8 against
    `estimates` when given (a DfE table), otherwise against estimates built from the cohort itself."""
    schools = schools_with_results(lake, academic_year)
    if not schools:
        return None
    found = measured_pupils(lake, schools, academic_year, engine)
    pupils = [pupil for school in found.values() for pupil in school]
    if not pupils:
        return None
    estimates = estimates or held_estimates(pupils, academic_year)
    pupils = [dataclasses.replace(p, measures=with_progress8(p.measures, estimates)) for p in pupils]
    scores = [p.measures.progress8.progress8 for p in pupils if p.measures.progress8]
    sigma = national_sigma(scores) if len(scores) > 1 else None
    return National(
        academic_year=academic_year,
        published=published or dt.datetime.now(dt.UTC),
        schools=len(found),
        measures=measures(headline(measures_of(pupils), academic_year, sigma)),
        groups=group_measures(pupils, academic_year, sigma),
        estimates=estimates,
        sigma=sigma,
        source=f"Rollbook, from the {len(found)} schools it holds",
        value_added=national_value_added(lake, found, academic_year, engine),
    )


def with_england(found: National, england: AreaFigures) -> National:
    """The DfE's published England figures for the year (the public performance tables, loaded with
    `rollbook public-data import`) in place of the held cohort's wherever they are published; the interval
    spread the DfE's own for a year it is known (2018/19: every published interval reproduced)."""
    published = {key: getattr(england, key, None) for key in found.measures}
    measures = {key: published[key] if published[key] is not None else value
                for key, value in found.measures.items()}  # fmt: skip
    return dataclasses.replace(
        found,
        measures=measures,
        sigma=DFE_SIGMA.get(found.academic_year, found.sigma),
        source=f"DfE performance tables {england.year} (England, state-funded schools); other measures from "
        f"the {found.schools} schools Rollbook holds",
    )


def held_estimates(pupils: Iterable[Ks4Pupil], academic_year: int) -> Estimates | None:
    """Estimates from the cohort's pupils with KS2 prior attainment (on the year's one baseline)."""
    measured = [(p.measures.prior, p.measures.attainment8) for p in pupils if p.measures.prior]
    if not measured:
        return None
    return build_estimates(measured, academic_year, HELD_COHORT)


def group_measures(
    pupils: list[Ks4Pupil], academic_year: int, sigma: float | None
) -> dict[str, dict[str, Ks4Measures]]:
    return {
        grouping: {
            group: measures(headline(measures_of(members), academic_year, sigma))
            for group, members in split(grouping, pupils).items()
        }
        for grouping in GROUPINGS
    }


def publish(
    lake: Lake,
    root: Path,
    academic_years: Iterable[int] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """Publish each year's national figures (default: every year any school holds results for), using a
    DfE estimates table where the operator loaded one; the files written."""
    from rollbook.analytics.results import subjects  # it reads the national figures this writes

    years = sorted(academic_years or {key.academic_year for key in lake.partitions("results")})
    england = {figures.year - 1: figures for figures in public_trends() if figures.area == ENGLAND}
    written = []
    for done, year in enumerate(years):
        found = work_out(lake, year, loaded_estimates(root, year))
        if found is not None and year in england:
            found = with_england(found, england[year])
        if found is not None:
            written.append(
                write_whole(root / str(year) / f"{found.published:%Y%m%dT%H%M%S%f}.json", found.to_json())
            )
            subjects.publish_year(lake, root, found)  # the subject figures, beside it under the same name
        if progress:
            progress(done + 1, len(years))
    return written


@dataclass(frozen=True)
class Published:
    """The national figures a year's reports are set beside, and whether they are that year's own."""

    national: National
    provisional: bool


def latest(root: Path, academic_year: int) -> Published | None:
    """The newest figures published for the year, or else for the latest earlier year (provisional)."""
    years = sorted((int(p.name) for p in root.glob("*") if p.name.isdigit()), reverse=True)
    for year in (y for y in years if y <= academic_year):
        files = sorted((root / str(year)).glob("*.json"))
        if files:
            return Published(_read(files[-1]), provisional=year != academic_year)
    return None


def load_estimates(root: Path, estimates: Estimates) -> Path:
    """Keep a DfE estimates table for its year: the year's next publish measures pupils against it."""
    return write_whole(
        root / str(estimates.cohort_year) / "estimates" / "dfe.json", _estimates_json(estimates)
    )


def loaded_estimates(root: Path, academic_year: int) -> Estimates | None:
    path = root / str(academic_year) / "estimates" / "dfe.json"
    return _estimates_from_json(json.loads(path.read_text())) if path.exists() else None


def version(root: Path, academic_year: int) -> str:
    """What a report's remembered answer depends on: the name of the newest file it could be set beside."""
    found = latest(root, academic_year)
    return found.national.published.isoformat() if found else ""


def _estimates_json(estimates: Estimates | None) -> dict | None:
    if estimates is None:
        return None
    found = dataclasses.asdict(estimates)
    found["rows"] = [dict(row, group=str(row["group"])) for row in found["rows"]]
    return found


def _estimates_from_json(found: dict | None) -> Estimates | None:
    if found is None:
        return None
    rows = tuple(Estimate(**dict(row, group=Decimal(row["group"]))) for row in found["rows"])
    return Estimates(found["cohort_year"], Baseline(found["baseline"]), rows, found["source"])


def _read(path: Path) -> National:
    return National.from_json(json.loads(path.read_text()))


def write_whole(path: Path, found: dict) -> Path:
    """Written whole or not at all: to a temporary file beside it, then renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=path.parent, suffix=".partial", delete=False) as file:
        json.dump(found, file, indent=1)
    os.replace(file.name, path)
    return path
