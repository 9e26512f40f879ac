"""Importing public school data files for one results year: all of them land, or nothing changes.

Every file is read and checked before anything is written (`csv_files`, `sly_json`); any refusal refuses the
whole import. The files must agree on their year: a file that names its own (explore-education-statistics'
`time_period`, the years in Schools Like Yours' field names) is that year's, and one that does not is the
year the importer is told. The year's data sets then change together (`lake.public.PublicStore.replace`);
data sets not in the import stay as they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rollbook.ingest.problems import Kind as Problem
from rollbook.ingest.problems import ValidationReport
from rollbook.ingest.public.csv_files import read_csv
from rollbook.ingest.public.sly_json import is_schools_like_yours, load_json, read_sly
from rollbook.ingest.public.tables import ReadFile
from rollbook.lake.public import PublicStore

SUFFIXES = (".csv", ".json")


@dataclass(frozen=True)
class FileSummary:
    """What one file brought: its data set, the schools (or, for LA codes, the LAs) read, and rows skipped."""

    file: str
    dataset: str
    rows: int
    skipped: int
    warnings: tuple[str, ...] = ()


@dataclass
class PublicImport:
    """The outcome of one import, for the CLI's report and the import history."""

    year: int | None
    files: list[FileSummary] = field(default_factory=list)
    report: ValidationReport = field(default_factory=ValidationReport)
    version: str | None = None

    @property
    def landed(self) -> bool:
        return self.version is not None

    def summary(self) -> str:
        if not self.landed:
            return "Refused: nothing was changed."
        loaded = "; ".join(f"{each.file}: {each.dataset}, {each.rows:,} rows" for each in self.files)
        return f"Loaded public data for {self.year}: {loaded}."

    def as_dict(self) -> dict[str, object]:
        return {
            "year": self.year,
            "landed": self.landed,
            "version": self.version,
            "files": [asdict(each) for each in self.files],
            "problems": self.report.as_dict(),
        }


def import_public(paths: Sequence[Path], store: PublicStore, year: int | None = None) -> PublicImport:
    """Read and check every file (folders: their CSV and JSON files), then store them for their year."""
    outcome = PublicImport(year)
    report = outcome.report
    read = [found for path in _files(paths, report) if (found := _read(path, year, report)) is not None]
    if report.refused:
        return outcome
    outcome.year = _year(read, year, report)
    by_dataset: dict[str, ReadFile] = {}
    for each in read:
        if each.dataset in by_dataset:
            report.refuse(
                Problem.BAD_VALUE,
                f"a second {each.dataset.label} file (the first is {by_dataset[each.dataset].name}); "
                "import one of each kind for a year",
                file=each.name,
            )
        by_dataset[each.dataset] = each
        for warning in each.warnings:
            report.warn(Problem.IGNORED, warning)
    if report.refused or outcome.year is None:
        return outcome
    outcome.files = [
        FileSummary(each.name, str(each.dataset), each.table.num_rows, each.skipped, tuple(each.warnings))
        for each in read
    ]
    outcome.version = store.replace(
        outcome.year,
        {str(name): each.table for name, each in by_dataset.items()},
        {str(name): [each.name] for name, each in by_dataset.items()},
    )
    return outcome


def _files(paths: Sequence[Path], report: ValidationReport) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(each for each in path.rglob("*") if each.suffix.lower() in SUFFIXES))
        elif path.suffix.lower() in SUFFIXES:
            found.append(path)
        else:
            report.refuse(Problem.UNREADABLE, "not a CSV or JSON file", file=path.name)
    if not found and not report.refused:
        report.refuse(Problem.UNREADABLE, "no CSV or JSON files to import")
    return found


def _read(path: Path, year: int | None, report: ValidationReport) -> ReadFile | None:
    if path.suffix.lower() == ".csv":
        return read_csv(path, report)
    try:
        document = load_json(path)
    except ValueError as problem:
        report.refuse(Problem.UNREADABLE, str(problem), file=path.name)
        return None
    if not is_schools_like_yours(document):
        report.refuse(
            Problem.UNREADABLE, "not a Schools Like Yours data file (it has no meta and data)", file=path.name
        )
        return None
    return read_sly(path, document, year, report)  # type: ignore[arg-type]


def _year(read: list[ReadFile], year: int | None, report: ValidationReport) -> int | None:
    """The one year every file is for, or None with the reason refused."""
    several = [each for each in read if len(each.years) > 1]
    for each in several:
        report.refuse(
            Problem.BAD_VALUE,
            f"holds several years ({_listed(each.years)}); give one year's file",
            file=each.name,
        )
    if several:
        return None
    named = {found for each in read for found in each.years}
    if year is not None and named - {year}:
        clash = next(each for each in read if each.years - {year})
        report.refuse(Problem.BAD_VALUE, f"is for {_listed(clash.years)}, not {year}", file=clash.name)
    elif len(named) > 1:
        report.refuse(
            Problem.BAD_VALUE, f"the files are for different years ({_listed(named)}); import each year apart"
        )
    elif year is None and not named:
        report.refuse(
            Problem.BAD_VALUE,
            "the files do not say which results year they are for: give --year (2019 for 2018/19)",
        )
    return None if report.refused else (year or next(iter(named)))


def _listed(years: set[int]) -> str:
    return " and ".join(str(each) for each in sorted(years))
