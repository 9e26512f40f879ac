"""The export's README says what each file is and when it was made; its manifest counts the rows."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

import pytest

from rollbook.analytics.subject_access import check_upn, export_zip, gather
from tests.support.pupil_in_two_schools import ALDER, BIRCH, PUPIL, write

EXPORTED = dt.datetime(2025, 3, 4, 15, 30, tzinfo=dt.UTC)


@pytest.fixture
def archive(lake) -> zipfile.ZipFile:
    write(lake)
    return zipfile.ZipFile(io.BytesIO(export_zip(PUPIL, gather(lake, PUPIL), EXPORTED)))


def test_the_readme_names_the_pupil_the_date_and_each_file_with_its_rows(archive):
    readme = archive.read("README.txt").decode()
    assert f"Pupil: UPN {PUPIL}" in readme
    assert "Exported: 04/03/2025 at 15:30 (UK time)" in readme
    assert "- pupils.csv (3 rows): the pupil's details" in readme
    assert "- marks.csv (21 rows): every attendance mark" in readme


def test_the_manifest_counts_rows_per_table_and_partition(archive):
    manifest = json.loads(archive.read("manifest.json"))
    assert (manifest["upn"], manifest["exported"]) == (PUPIL, "2025-03-04T15:30:00+00:00")
    assert manifest["tables"] == {
        "pupils": 3,
        "marks": 21,
        "results": 0,
        "prior_attainment": 0,
        "baselines": 0,
    }
    assert [(p["table"], p["academic_year"], p["school"], p["rows"]) for p in manifest["partitions"]] == [
        ("marks", 2023, ALDER, 10),
        ("marks", 2024, ALDER, 6),
        ("marks", 2024, BIRCH, 5),
        ("pupils", 2023, ALDER, 1),
        ("pupils", 2024, ALDER, 1),
        ("pupils", 2024, BIRCH, 1),
    ]


def test_a_upn_is_checked_and_tidied_before_anything_is_read():
    assert check_upn(" j823400123001 ") == "J823400123001"
    with pytest.raises(ValueError, match="check letter A, expected J"):
        check_upn("A823400123001")
