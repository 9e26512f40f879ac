"""A subject access export holds every row about the pupil from every school and year, and no one else's."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import pytest

from rollbook.analytics.subject_access import export_zip, gather
from rollbook.lake import TABLES
from tests.support.pupil_in_two_schools import ALDER, BIRCH, CLASSMATE, NEIGHBOUR, PUPIL, REGISTERS, write

EXPORTED = dt.datetime(2025, 3, 4, 15, 30, tzinfo=dt.UTC)


@pytest.fixture
def archive(lake) -> zipfile.ZipFile:
    write(lake)
    return zipfile.ZipFile(io.BytesIO(export_zip(PUPIL, gather(lake, PUPIL), EXPORTED)))


def rows(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(archive.read(name).decode())))


def test_there_is_a_csv_for_every_lake_table_a_readme_and_a_manifest(archive):
    assert sorted(archive.namelist()) == sorted(
        ["README.txt", "manifest.json", *(f"{table}.csv" for table in TABLES)]
    )


def test_the_pupils_details_come_from_each_school_and_year(archive):
    details = rows(archive, "pupils.csv")
    assert [(row["upn"], row["school"], row["academic_year"]) for row in details] == [
        (PUPIL, str(ALDER), "2023"),
        (PUPIL, str(ALDER), "2024"),
        (PUPIL, str(BIRCH), "2024"),
    ]
    assert details[0]["dob"] == "01/03/2012"


def test_every_mark_of_the_pupil_is_there_with_english_dates(archive):
    marks = rows(archive, "marks.csv")
    expected = [
        (str(school), str(year), code)
        for (school, year), registers in sorted(REGISTERS.items(), key=lambda item: (item[0][1], item[0][0]))
        for code in registers[PUPIL]
    ]
    assert [(row["school"], row["academic_year"], row["code"]) for row in marks] == expected
    assert {row["upn"] for row in marks} == {PUPIL}
    assert (marks[0]["date"], marks[0]["session"]) == ("11/09/2023", "AM")


def test_no_other_pupil_appears_in_any_file(archive):
    for name in archive.namelist():
        content = archive.read(name).decode()
        assert CLASSMATE not in content and NEIGHBOUR not in content, name


def test_a_pupil_held_nowhere_gets_files_with_only_their_headings(lake):
    write(lake)
    nobody = zipfile.ZipFile(io.BytesIO(export_zip("A", gather(lake, "A"), EXPORTED)))
    assert list(csv.reader(io.StringIO(nobody.read("pupils.csv").decode()))) == [
        [*TABLES["pupils"].names, "academic_year", "school"]
    ]
