"""baseline.csv is checked row by row: one baseline a file, each pupil once (in all the import's files), a
score that is a number from 0 to 200, for a pupil on the school's roll that year; each refusal names the
file, the line and why, and a refused file changes nothing."""

from __future__ import annotations

from ks4_files import ANN, BEN, CAL, DEE, EVE, import_csv, the_school

from rollbook.ingest import Kind
from rollbook.lake import PartitionKey
from tests.support.mis_exports import csv_text, import_one, upn, write


def test_every_bad_row_is_refused_by_line(lake, tmp_path):
    the_school(lake, tmp_path / "ctf")
    rows = (
        f"{ANN},CAT4 mean SAS,104",
        f"{BEN},CAT4  Mean SAS,98",  # another baseline's name (the case differs)
        f"{CAL},CAT4 mean SAS,ninety",
        f"{DEE},CAT4 mean SAS,200.5",
        f"{ANN},CAT4 mean SAS,105",
        f"{upn(99)},CAT4 mean SAS,100",
        f"{DEE},CAT4 mean SAS,",
        f"{EVE},CAT4 mean SAS,NaN",
    )

    outcome = import_csv(lake, tmp_path, "baseline.csv", *rows)

    refused = [(p.file, p.line, p.kind, p.message) for p in outcome.report.refusals.listed]
    assert refused == [
        ("baseline.csv", 3, Kind.BAD_VALUE, "the baseline is 'CAT4 Mean SAS', but this file is for 'CAT4 "
         "mean SAS' (line 2): give each baseline in a file of its own"),
        ("baseline.csv", 4, Kind.BAD_VALUE, "score 'ninety' is not a number from 0 to 200"),
        ("baseline.csv", 5, Kind.BAD_VALUE, "score '200.5' is not a number from 0 to 200"),
        ("baseline.csv", 6, Kind.BAD_VALUE, "this pupil's CAT4 mean SAS score is also at line 2"),
        ("baseline.csv", 8, Kind.BAD_VALUE, "score blank"),
        ("baseline.csv", 9, Kind.BAD_VALUE, "score 'NaN' is not a number from 0 to 200"),
        ("baseline.csv", 7, Kind.NOT_IN_COHORT, "no pupil with this UPN is on the school's roll in 2024/25"),
    ]  # fmt: skip
    assert not outcome.landed
    assert lake.read(PartitionKey("baselines", 2024, 900001)) is None


def test_a_file_without_a_score_column_is_refused_at_its_header(lake, tmp_path):
    the_school(lake, tmp_path / "ctf")

    outcome = import_csv(lake, tmp_path, "baseline.csv", f"{ANN},CAT4,104", header="upn,baseline,scor")

    # Without both telling columns it is no Rollbook CSV at all.
    assert [(p.file, p.message) for p in outcome.report.refusals.listed] == [
        ("baseline.csv", "not a CTF (.xml), pupils.csv or marks.csv")
    ]


def test_a_pupils_score_given_again_in_another_file_is_refused(lake, tmp_path):
    the_school(lake, tmp_path / "ctf")
    autumn = write(
        tmp_path, "cat4_autumn.csv", csv_text("upn,baseline,score", f"{DEE},CAT4,99", f"{ANN},CAT4,104")
    )
    spring = write(tmp_path, "cat4_spring.csv", csv_text("upn,baseline,score", f"{ANN},CAT4,105"))

    outcome = import_one(lake, autumn, spring, school=900001)

    assert [(p.file, p.line, p.message) for p in outcome.report.refusals.listed] == [
        ("cat4_spring.csv", 2, "this pupil's CAT4 score is also in cat4_autumn.csv at line 3")
    ]
