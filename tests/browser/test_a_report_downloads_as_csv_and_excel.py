"""The "Download CSV" and "Excel" links on a report download files the browser saves, holding the report's
rows: a header row, then the figures; and a download made after choosing pupils holds only those pupils.
"""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pytest
from playwright.sync_api import expect

#: For each report: the first column's header, and the first cell of a row it must hold.
EXPECTED = {
    "summary": ("Period", "Week commencing 09/09/2024"),
    "pupil-list": ("UPN", "A0000000001"),
}


def download(page, link: str, tmp_path):
    """Click a download link; the saved file's path (under the browser's own name for it)."""
    with page.expect_download() as info:
        page.get_by_role("link", name=link, exact=True).click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    return saved


@pytest.mark.parametrize("name", EXPECTED)
def test_the_csv_download_holds_the_reports_rows(world, page, sign_in, tmp_path, name):
    header, row = EXPECTED[name]
    sign_in(world.pam)
    page.goto(f"/schools/100001/attendance/{name}/")

    saved = download(page, "Download CSV", tmp_path)

    assert saved.name == f"100001-attendance-{name}.csv"
    rows = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert rows[0][0] == header, rows[0]
    assert all(rows[0]), f"an empty column header: {rows[0]}"
    assert len(rows) >= 2
    assert row in [cells[0] for cells in rows[1:]], rows
    assert all(len(cells) == len(rows[0]) for cells in rows), "rows of different lengths"


@pytest.mark.parametrize("name", EXPECTED)
def test_the_excel_download_opens_and_holds_the_reports_rows(world, page, sign_in, tmp_path, name):
    header, row = EXPECTED[name]
    sign_in(world.pam)
    page.goto(f"/schools/100001/attendance/{name}/")

    saved = download(page, "Excel", tmp_path)

    assert saved.name == f"100001-attendance-{name}.xlsx"
    sheet = openpyxl.load_workbook(saved, read_only=True).worksheets[0]
    rows = [list(cells) for cells in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == header, rows[0]
    assert len(rows) >= 2
    assert row in [cells[0] for cells in rows[1:]], rows


def test_a_download_after_choosing_a_year_group_holds_only_that_year(world, page, sign_in, tmp_path):
    sign_in(world.pam)
    page.goto("/schools/100001/attendance/year-groups/")
    page.get_by_label("Year 9", exact=True).check()  # a tick updates the report at once
    page.wait_for_url(lambda url: "9" in parse_qs(urlsplit(url).query).get("year_group", []))
    page.wait_for_load_state("networkidle")  # the swap is done: the link clicked below stays in the page
    csv_link = page.get_by_role("link", name="Download CSV", exact=True)
    expect(csv_link).to_have_attribute("href", re.compile(r"[?&]year_group=9(&|$)"))

    saved = download(page, "Download CSV", tmp_path)

    rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert [row["Group"] for row in rows] == ["Year 9"], rows
