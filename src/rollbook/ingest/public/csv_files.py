"""Reading the DfE's school-level CSV files: KS4 results, census, absence, Ofsted ratings, LA and regions.

A file's kind is found from its columns (`rules.public.fields`), whatever it is called. Every value is read by
its field's kind; one that cannot be is refused, named by line and column. A row without a URN is an
area's total (an LA or England row of the performance tables), and an explore-education-statistics row
for anything but a whole school (another geographic level, a breakdown by pupil group) is skipped, counted
but not read.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from rollbook.ingest.problems import Kind as Problem
from rollbook.ingest.problems import ValidationReport
from rollbook.ingest.public.tables import ReadFile, arrow_table
from rollbook.rules.public import values
from rollbook.rules.public.fields import (
    BREAKDOWN_COLUMNS,
    LEVEL_COLUMN,
    SCHOOL_LEVEL,
    WHOLE_SCHOOL,
    YEAR_COLUMN,
    DataSet,
    Field,
    Kind,
    column_names,
    fields,
    normalised,
)
from rollbook.rules.public.ofsted import read_rating
from rollbook.rules.public.regions import region_of

READERS: dict[Kind, Callable[[str], object]] = {
    Kind.IDENTIFIER: values.read_identifier,
    Kind.NAME: values.read_text,
    Kind.CATEGORY: values.read_text,
    Kind.RATING: read_rating,
    Kind.RATE: values.read_rate,
    Kind.SCORE: values.read_number,
    Kind.COUNT: values.read_count,
}
#: The CSV data sets, and the field that says which school (or LA) a row is about.
CSV_DATASETS = (DataSet.KS4, DataSet.CENSUS, DataSet.ABSENCE, DataSet.OFSTED, DataSet.AREAS)
_KEY = {DataSet.AREAS: "la_code"}


def decode(raw: bytes) -> str:
    """The DfE writes UTF-8, sometimes with a byte-order mark; older downloads are Windows-1252."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def dataset_of(header: list[str]) -> list[DataSet]:
    """The data sets whose required fields the header has every one of."""
    present = {normalised(name) for name in header}
    return [
        dataset
        for dataset in CSV_DATASETS
        if all(
            any(normalised(name) in present for name in column_names(dataset, each.key))
            for each in fields(dataset)
            if each.required
        )
    ]


def read_csv(path: Path, report: ValidationReport) -> ReadFile | None:
    """The file's rows, or None when it is refused (the reasons are in `report`)."""
    rows = list(csv.reader(io.StringIO(decode(path.read_bytes()))))
    if not rows:
        report.refuse(Problem.UNREADABLE, "the file is empty", file=path.name)
        return None
    header = rows[0]
    found = dataset_of(header)
    if len(found) != 1:
        message = (
            f"its columns are those of {' and of '.join(each.label for each in found)} at once"
            if found
            else "its columns are not those of any public data file Rollbook reads (docs/public-data.md)"
        )
        report.refuse(Problem.UNREADABLE, message, file=path.name, line=1)
        return None
    return _read(path.name, found[0], header, rows[1:], report)


def _read(
    name: str, dataset: DataSet, header: list[str], rows: list[list[str]], report: ValidationReport
) -> ReadFile | None:
    position = {normalised(column): index for index, column in enumerate(header)}
    columns = {each.key: _position(dataset, each, position) for each in fields(dataset)}
    kinds = {each.key: each.kind for each in fields(dataset)}
    read: dict[str, list[object]] = {key: [] for key in columns}
    key = _KEY.get(dataset, "urn")
    first_line: dict[object, int] = {}
    years: set[int] = set()
    skipped = 0
    refusals = len(report.refusals)
    year_at = position.get(YEAR_COLUMN)

    def refuse(message: str, line: int, at: int | None = None) -> None:
        column = None if at is None else f"column {header[at]}"
        report.refuse(Problem.BAD_VALUE, message, file=name, line=line, element=column)

    for line, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            refuse(f"the line has {len(row)} values but the header names {len(header)} columns", line)
            continue
        if not _whole_school(row, position):
            skipped += 1
            continue
        cells: dict[str, object] = {}
        for field_key, at in columns.items():
            try:
                cells[field_key] = None if at is None else READERS[kinds[field_key]](row[at])
                if field_key == "region_name" and cells[field_key] is not None:
                    cells[field_key] = region_of(str(cells[field_key]))
            except ValueError as problem:
                refuse(str(problem), line, at)
                cells[field_key] = None
        if dataset is DataSet.KS4:
            _fill_dfe_number(cells)
        if cells[key] is None:
            skipped += 1
            continue
        if cells[key] in first_line:
            refuse(f"{_key_label(key)} {cells[key]} is also on line {first_line[cells[key]]}", line)
            continue
        first_line[cells[key]] = line
        if year_at is not None:
            try:
                years.add(results_year(row[year_at]))
            except ValueError as problem:
                refuse(str(problem), line, year_at)
        for field_key, value in cells.items():
            read[field_key].append(value)
    if len(report.refusals) > refusals:
        return None
    table = arrow_table(read, kinds)
    missing = [
        each.label
        for each in fields(dataset)
        if columns[each.key] is None and table[each.key].null_count == len(table)
    ]
    warnings = [f"{name}: not in the file, left blank: {', '.join(missing)}"] if missing else []
    return ReadFile(name, dataset, table, skipped, years, warnings)


def _key_label(key: str) -> str:
    return "LA code" if key == "la_code" else "URN"


def _whole_school(row: list[str], position: dict[str, int]) -> bool:
    """Whether an explore-education-statistics row is one school's own figures: the school level, and no
    breakdown by pupil group. A performance-tables row, without those columns, always is."""
    level = position.get(LEVEL_COLUMN)
    if level is not None and row[level].strip().casefold() != SCHOOL_LEVEL:
        return False
    return all(
        row[position[column]].strip().casefold() in WHOLE_SCHOOL
        for column in BREAKDOWN_COLUMNS
        if column in position
    )


def _position(dataset: DataSet, each: Field, position: dict[str, int]) -> int | None:
    """Where the field's column is in the file: its newest name that the file has."""
    for name in column_names(dataset, each.key):
        if normalised(name) in position:
            return position[normalised(name)]
    return None


def _fill_dfe_number(cells: dict[str, object]) -> None:
    """The DfE number is the LA code and establishment number together (823 and 4001 make 8234001): one
    file gives the parts, another the whole."""
    la, estab, laestab = cells["la_code"], cells["estab"], cells["laestab"]
    if laestab is None and la is not None and estab is not None:
        cells["laestab"] = int(la) * 10_000 + int(estab)  # type: ignore[call-overload]
    elif laestab is not None:
        cells["la_code"] = cells["la_code"] or int(laestab) // 10_000  # type: ignore[call-overload]
        cells["estab"] = cells["estab"] or int(laestab) % 10_000  # type: ignore[call-overload]


def results_year(text: str) -> int:
    """The results year of an explore-education-statistics time period: 201819 (2018/19) is 2019."""
    cleaned = text.strip()
    if cleaned.isdigit() and len(cleaned) == 6:
        return int(cleaned[:4]) + 1
    if cleaned.isdigit() and len(cleaned) == 4:
        return int(cleaned)
    raise ValueError(f"{text!r} is not a year (such as 201819 for 2018/19)")
