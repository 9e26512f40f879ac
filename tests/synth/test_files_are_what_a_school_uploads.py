"""Each school's folder holds what a school would upload: a CTF XML, and pupils.csv with registration
groups."""

from __future__ import annotations

import csv

from rollbook.rules import local_authorities, upn
from tests.support.ctf_reader import read_ctf


def _folders(root):
    return sorted(path for path in root.iterdir() if path.is_dir())


def _schools_csv(root):
    with (root / "schools.csv").open(newline="", encoding="utf-8") as handle:
        return {row["urn"]: row for row in csv.DictReader(handle)}


def test_each_school_has_one_ctf_and_a_pupils_csv(written_schools):
    folders = _folders(written_schools)
    assert len(folders) == 3
    for folder in folders:
        assert len(list(folder.glob("*_CTF_*.xml"))) == 1
        assert (folder / "pupils.csv").is_file()


def test_ctf_parses_and_its_header_names_the_school(written_schools):
    schools = _schools_csv(written_schools)
    for folder in _folders(written_schools):
        root, pupils = read_ctf(next(folder.glob("*.xml")))
        school = schools[folder.name]
        source = root.find("Header/SourceSchool")
        assert source.findtext("URN") == folder.name
        assert int(source.findtext("LEA")) == int(school["la"])
        assert int(source.findtext("Estab")) == int(school["estab"])
        local_authorities.by_code(int(source.findtext("LEA")))
        assert pupils and all(upn.is_valid(pupil.upn) for pupil in pupils)


def test_pupils_csv_gives_every_ctf_pupil_a_registration_group(written_schools):
    for folder in _folders(written_schools):
        _, pupils = read_ctf(next(folder.glob("*.xml")))
        with (folder / "pupils.csv").open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert [row["upn"] for row in rows] == [pupil.upn for pupil in pupils]
        for row in rows:
            assert row["reg_group"].startswith(row["nc_year"])
            assert len(row["reg_group"]) == len(row["nc_year"]) + 1
        groups = {row["reg_group"] for row in rows if row["nc_year"] == "7"}
        assert len(groups) >= 5


def test_ctf_session_totals_agree_with_its_marks(written_schools):
    for folder in _folders(written_schools):
        root, pupils = read_ctf(next(folder.glob("*.xml")))
        for element, pupil in zip(root.iter("Pupil"), pupils, strict=True):
            possible = sum(code not in {"D", "Y", "Y1", "Y2", "Y4"} for code in pupil.marks.values())
            assert int(element.findtext(".//SessionsPossible")) == possible
