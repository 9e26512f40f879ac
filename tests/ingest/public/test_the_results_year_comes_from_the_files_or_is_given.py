"""Every file of an import is for one results year: the year a file names itself, or the year given."""

from __future__ import annotations

from tests.support.public_files import ABSENCE_2019, csv_text, imported, sly_text, store, write


def absence(tmp_path):
    return write(tmp_path, "england_abs.csv", csv_text(ABSENCE_2019, "202,4104,100049,6.9,18.8"))


def test_a_file_that_does_not_say_needs_the_year(tmp_path, data_dir):
    outcome = imported([absence(tmp_path)], store(data_dir), year=None)

    (problem,) = outcome.report.refusals.listed
    assert (
        problem.message
        == "the files do not say which results year they are for: give --year (2019 for 2018/19)"
    )


def test_schools_like_yours_names_its_own_year(tmp_path, data_dir):
    sly = write(tmp_path, "ks4_sly.json", sly_text())

    outcome = imported([sly, absence(tmp_path)], store(data_dir), year=None)

    assert outcome.landed and outcome.year == 2019
    assert sorted(store(data_dir).held(2019)) == ["absence", "schools_like_yours"]


def test_a_year_given_that_the_file_contradicts_is_refused(tmp_path, data_dir):
    sly = write(tmp_path, "ks4_sly.json", sly_text())

    outcome = imported([sly], store(data_dir), year=2020)

    (problem,) = outcome.report.refusals.listed
    assert (problem.file, problem.message) == ("ks4_sly.json", "is for 2019, not 2020")
