"""What every CSV a school exports has in common (docs/import-formats.md): which template it follows, told by
its columns; its rows by column name in any order and case; its UPNs. A CSV names no school: the importer
supplies it.
"""

from __future__ import annotations

import csv
from collections.abc import Collection, Iterator, Sequence
from enum import StrEnum
from pathlib import Path

from rollbook.ingest.problems import Kind, ValidationReport
from rollbook.ingest.values import too_long
from rollbook.rules.upn import normalise, problem_with

ENCODING = "utf-8-sig"  # spreadsheet programs often start a CSV with a byte-order mark


class CsvKind(StrEnum):
    PUPILS = "pupils"
    MARKS = "marks"
    RESULTS = "results"
    PRIOR = "prior attainment"
    BASELINE = "baseline"


#: The columns each kind has that the others do not, which tell a file's kind; the first to match wins.
TELLING_COLUMNS = {
    CsvKind.MARKS: frozenset({"date", "session", "code"}),
    CsvKind.RESULTS: frozenset({"subject", "qualification", "grade"}),
    CsvKind.PRIOR: frozenset({"ks2_reading", "ks2_maths"}),
    CsvKind.BASELINE: frozenset({"baseline", "score"}),
}


def header_of(path: Path) -> list[str]:
    """The file's column names, lower-cased; empty when it cannot be read as CSV text."""
    try:
        with path.open(newline="", encoding=ENCODING) as handle:
            return [name.strip().lower() for name in next(csv.reader(handle), [])]
    except (OSError, UnicodeDecodeError, csv.Error):
        return []


def csv_kind(path: Path) -> CsvKind | None:
    """Which template a CSV follows, told by its columns (marks have date, session and code; pupils a UPN
    and a name or date of birth)."""
    columns = set(header_of(path))
    for kind, telling in TELLING_COLUMNS.items():
        if telling <= columns:
            return kind
    if "upn" in columns and columns & {"forename", "surname", "dob"}:
        return CsvKind.PUPILS
    return None


def rows(
    path: Path, required: Collection[str], known: Collection[str], report: ValidationReport
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, {column: cell}) for each data row, once the header has every `required` column;
    columns not `known` are noted as not imported. A row with a cell longer than a field may be is
    refused, naming the column, and not read."""
    with path.open(newline="", encoding=ENCODING) as handle:
        reader = csv.reader(handle)
        header = [name.strip().lower() for name in next(reader, [])]
        numbers = [f"column {number}" for number in range(1, len(header) + 1)]
        if not _short_enough(path.name, 1, numbers, header, report):
            return
        missing = [name for name in required if name not in header]
        if missing:
            report.refuse(Kind.BAD_VALUE, f"missing column(s): {', '.join(missing)}", file=path.name, line=1)
            return
        extra = [name for name in header if name not in known]
        if extra:
            report.note(Kind.IGNORED, f"extra column(s) not imported: {', '.join(extra)}", file=path.name)
        for row in reader:
            if any(cell.strip() for cell in row) and _short_enough(
                path.name, reader.line_num, header, row, report
            ):
                yield reader.line_num, dict(zip(header, row, strict=False))


def _short_enough(
    file: str, line: int, columns: list[str], cells: list[str], report: ValidationReport
) -> bool:
    """Whether every cell of a row fits in a field, refusing each that does not."""
    fits = True
    for column, value in zip(columns, cells, strict=False):
        if problem := too_long(value):
            report.refuse(Kind.BAD_VALUE, f"{column} {problem}", file=file, line=line)
            fits = False
    return fits


def cell(cells: dict[str, str], name: str) -> str:
    """The stripped cell under column `name`; blank when the row stops short of it."""
    return cells.get(name, "").strip()


def read_upn(cells: dict[str, str], report: ValidationReport, file: str, line: int) -> str:
    """The row's UPN as held, refused (and still returned) when it is not a valid one."""
    upn = normalise(cell(cells, "upn"))
    if problem := problem_with(upn):
        report.refuse(Kind.BAD_UPN, problem, file=file, line=line, upn=upn or None)
    return upn


def complete_rows(
    path: Path, required: Sequence[str], known: Collection[str], report: ValidationReport
) -> Iterator[tuple[int, dict[str, str], str]]:
    """(line number, {column: cell}, UPN) for each data row whose `required` cells after the UPN are all
    given, refusing each row with any blank."""
    for line, cells in rows(path, required, known, report):
        upn = read_upn(cells, report, path.name, line)
        blank = [name for name in required if name != "upn" and not cell(cells, name)]
        if blank:
            report.refuse(Kind.BAD_VALUE, f"{', '.join(blank)} blank", file=path.name, line=line, upn=upn)
        else:
            yield line, cells, upn


def unreadable(error: Exception, file: str, report: ValidationReport) -> None:
    """Refuse a file that stops being readable CSV text part-way."""
    report.refuse(Kind.UNREADABLE, f"not readable as UTF-8 CSV: {error}", file=file)
