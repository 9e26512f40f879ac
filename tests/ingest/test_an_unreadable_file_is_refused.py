"""Files that cannot be read (broken XML, missing, of no known kind) are refused by name."""

from rollbook.ingest import Kind
from tests.support.mis_exports import (
    already_imported,
    ctf,
    ctf_pupil,
    import_one,
    lake_files,
    the_refusal,
    write,
)


def test_broken_xml_is_refused_with_its_line(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    path = write(tmp_path, "broken_CTF.xml", ctf(ctf_pupil()).replace("</Pupil>", "</Pupl>"))

    outcome = import_one(lake, path)

    assert not outcome.landed
    problem = outcome.report.refusals.listed[0]
    assert problem.kind is Kind.UNREADABLE
    assert (problem.file, problem.where) == ("broken_CTF.xml", "line 4")
    assert problem.message.startswith("not readable XML: ")
    assert lake_files(lake) == before


def test_a_missing_ctf_is_refused(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    path = tmp_path / "not_there.xml"

    outcome = import_one(lake, path)

    assert not outcome.landed
    problem = outcome.report.refusals.listed[0]
    assert problem.kind is Kind.UNREADABLE
    assert problem.file == "not_there.xml"
    assert problem.message == "no such file"
    assert lake_files(lake) == before


def test_a_file_of_no_known_kind_is_refused(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    path = write(tmp_path, "register.txt", "Ann was here\n")

    problem = the_refusal(import_one(lake, path, school=900001))

    assert problem.kind is Kind.UNREADABLE
    assert problem.file == "register.txt"
    assert problem.message == "not a CTF (.xml), pupils.csv or marks.csv"
    assert lake_files(lake) == before
