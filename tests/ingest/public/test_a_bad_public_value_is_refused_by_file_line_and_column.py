"""A value a public file cannot hold is refused, named by the file, line and column (or, in Schools Like
Yours, by the school's place in its data and the field), and the import changes nothing."""

from __future__ import annotations

import pytest

from rollbook.ingest import Kind
from tests.support.public_files import (
    ABSENCE_2019,
    AREAS,
    KS4_2019,
    KS4_ROWS,
    OFSTED,
    SLY_ROWS,
    csv_text,
    imported,
    sly_text,
    store,
    the_refusal,
    write,
)


def test_a_figure_that_is_not_a_number(tmp_path, data_dir):
    bad = KS4_ROWS[0].replace(",-0.09,", ",abc,")
    path = write(tmp_path, "england_ks4provisional.csv", csv_text(KS4_2019, bad))

    problem = the_refusal(imported([path], store(data_dir)))

    assert (problem.kind, problem.file, problem.where) == (Kind.BAD_VALUE, path.name, "line 2, column P8MEA")
    assert problem.message == "'abc' is not a number"
    assert str(problem) == "england_ks4provisional.csv, line 2, column P8MEA: 'abc' is not a number"


@pytest.mark.parametrize(
    ("name", "text", "where", "message"),
    [
        ("england_abs.csv", csv_text(ABSENCE_2019, "202,4104,100049,106.9,18.8"), "line 2, column PERCTOT",
         "'106.9' is not a percentage from 0 to 100"),
        ("england_abs.csv", csv_text(ABSENCE_2019, "202,4104,10004X,6.9,18.8"), "line 2, column URN",
         "'10004X' is not a number"),
        ("ofsted_ratings.csv", csv_text(OFSTED, "Excellent,100049"), "line 2, column Rating",
         "'Excellent' is not an Ofsted grade (1 to 4, or Outstanding, Good, Requires improvement, "
         "Inadequate)"),
        ("areas.csv", csv_text(AREAS, "202,Camden,19,Wessex"), "line 2, column REGION NAME",
         "'Wessex' is not one of England's regions"),
        ("england_abs.csv", csv_text(ABSENCE_2019, "202,4104,100049,6.9,18.8", "202,4105,100049,5.0,12.0"),
         "line 3", "URN 100049 is also on line 2"),
        ("england_abs.csv", csv_text(ABSENCE_2019, "202,4104,100049,6.9"), "line 2",
         "the line has 4 values but the header names 5 columns"),
    ],
)  # fmt: skip
def test_each_refusal_names_its_place(tmp_path, data_dir, name, text, where, message):
    path = write(tmp_path, name, text)

    problem = the_refusal(imported([path], store(data_dir)))

    assert (problem.file, problem.where, problem.message) == (name, where, message)


def test_a_bad_value_in_schools_like_yours_names_the_school_and_field(tmp_path, data_dir):
    rows = [SLY_ROWS[0], [*SLY_ROWS[1][:6], "lots", *SLY_ROWS[1][7:]]]
    path = write(tmp_path, "ks4_sly.json", sly_text(rows=rows))

    problem = the_refusal(imported([path], store(data_dir)))

    assert (problem.file, problem.where, problem.message) == (
        "ks4_sly.json",
        "data[1]",
        "FSM6, %: 'lots' is not a number",
    )


def test_a_code_its_meta_does_not_list_is_refused(tmp_path, data_dir):
    rows = [[*SLY_ROWS[0][:3], "Q", *SLY_ROWS[0][4:]]]
    path = write(tmp_path, "ks4_sly.json", sly_text(rows=rows))

    problem = the_refusal(imported([path], store(data_dir)))

    assert (problem.where, problem.message) == (
        "data[0]",
        "Region: 'Q' is not one of the codes the file's meta lists for it",
    )


def test_every_bad_value_is_listed_not_only_the_first(tmp_path, data_dir):
    rows = [KS4_ROWS[0].replace(",-0.09,", ",abc,"), KS4_ROWS[1].replace(",58.7,", ",n/a,")]
    path = write(tmp_path, "england_ks4provisional.csv", csv_text(KS4_2019, *rows))

    outcome = imported([path], store(data_dir))

    assert [problem.where for problem in outcome.report.refusals.listed] == [
        "line 2, column P8MEA",
        "line 3, column ATT8SCR",
    ]
