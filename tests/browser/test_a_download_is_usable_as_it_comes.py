"""A school opens a report's Excel download and uses it as it comes: headings in words, percentages in
Excel's percent format rounded as the page shows them with the exact figures in their own columns, counts
with thousands separators, and a sheet named in whole words, the full title beside it.

Alder's fortnight: 36 of 40 possible sessions attended, 90.0%."""

from __future__ import annotations

import csv
import io

import openpyxl

from tests.browser.test_a_report_downloads_as_csv_and_excel import download


def test_a_download_is_usable_as_it_comes(world, page, sign_in, tmp_path):
    sign_in(world.alice)
    page.goto("/schools/100001/attendance/")

    book = openpyxl.load_workbook(download(page, "Excel", tmp_path))
    sheet, about = book.worksheets

    assert sheet.title == "Attendance summary"
    assert about["B1"].value == "Attendance summary, school 100001, 2024/25 to 20/09/2024"
    headings = [cell.value for cell in sheet[1]]
    assert headings[:4] == ["Period", "Pupils", "Possible sessions", "Present"]
    whole = dict(zip(headings, sheet[2], strict=True))
    assert (whole["Attendance %"].value, whole["Attendance %"].number_format) == (0.9, "0.0%")
    assert whole["Attendance % (exact)"].number_format == "0.0000%"
    assert (whole["Possible sessions"].value, whole["Possible sessions"].number_format) == (40, "#,##0")

    rows = list(csv.DictReader(io.StringIO(download(page, "Download CSV", tmp_path).read_text())))
    assert (rows[0]["Attendance %"], rows[0]["Persistent absentees"]) == ("90.0", "1")
