"""One bad file refuses the whole import: the year's data stays as it was, good files of the same import
included."""

from __future__ import annotations

import pyarrow.parquet as pq

from tests.support.public_files import (
    ABSENCE_2019,
    CENSUS_2019,
    CENSUS_ROWS,
    csv_text,
    good_files,
    imported,
    store,
    write,
)


def test_a_bad_file_among_good_ones_lands_none_of_them(tmp_path, data_dir):
    public = store(data_dir)
    imported(good_files(tmp_path / "first"), public)
    before = {name: public.path(2019, name) for name in public.held(2019)}

    census = write(
        tmp_path / "second", "england_census.csv", csv_text(CENSUS_2019, CENSUS_ROWS[0].replace("950", "9"))
    )
    absence = write(tmp_path / "second", "england_abs.csv", csv_text(ABSENCE_2019, "202,4104,100049,abc,1"))
    outcome = imported([census, absence], public)

    assert not outcome.landed and outcome.version is None
    assert outcome.summary() == "Refused: nothing was changed."
    assert {name: public.path(2019, name) for name in public.held(2019)} == before
    assert pq.read_table(public.path(2019, "census")).column("pupils_on_roll").to_pylist() == [950]


def test_a_file_that_is_not_public_data_is_refused(tmp_path, data_dir):
    path = write(tmp_path, "pupils.csv", csv_text("upn,forename,surname", "A123,Ann,Smith"))

    outcome = imported([path], store(data_dir))

    (problem,) = outcome.report.refusals.listed
    assert (problem.file, problem.where) == ("pupils.csv", "line 1")
    assert (
        problem.message
        == "its columns are not those of any public data file Rollbook reads (docs/public-data.md)"
    )
    assert store(data_dir).years() == []


def test_two_files_of_one_kind_are_refused(tmp_path, data_dir):
    first = write(tmp_path / "a", "england_abs.csv", csv_text(ABSENCE_2019, "202,4104,100049,6.9,18.8"))
    second = write(tmp_path / "b", "absence_again.csv", csv_text(ABSENCE_2019, "202,4104,100049,6.9,18.8"))

    outcome = imported([first, second], store(data_dir))

    (problem,) = outcome.report.refusals.listed
    assert problem.file == "absence_again.csv"
    assert problem.message.startswith("a second school absence file (the first is england_abs.csv)")


def test_json_that_is_not_schools_like_yours_is_refused(tmp_path, data_dir):
    broken = write(tmp_path, "broken.json", '{"meta": [')
    other = write(tmp_path, "other.json", '{"schools": []}')

    outcome = imported([broken, other], store(data_dir))

    assert [(problem.file, problem.message[:20]) for problem in outcome.report.refusals.listed] == [
        ("broken.json", "not valid JSON: Expe"),
        ("other.json", "not a Schools Like Y"),
    ]
