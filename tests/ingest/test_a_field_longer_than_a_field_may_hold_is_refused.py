"""No field of an import may hold more than 200 characters (an AttendanceMarks string: a year of sessions):
a longer one is refused, naming its element or line and column and the limit, and never repeated in the
report, so a report stays small whatever a file holds."""

from __future__ import annotations

import json

from rollbook.ingest.exchange import push
from tests.support.mis_exports import (
    ANN,
    csv_text,
    ctf_pupil,
    import_one,
    the_refusal,
    write,
    write_ctf,
    year_data,
)
from tests.support.syncs import FRIDAY, MONDAY, TODAY, URN, payload
from tests.support.syncs import pupil as synced_pupil

HUGE = "x" * 1_000_000


def test_a_ctf_school_name_of_a_million_characters_is_refused(lake, tmp_path):
    path = write_ctf(tmp_path, ctf_pupil(attendance=year_data("2024-09-02", "/\\")))
    path.write_text(path.read_text().replace("Rollbook Test Primary", HUGE))

    outcome = import_one(lake, path)

    problem = the_refusal(outcome)
    assert (problem.element, problem.message) == (
        "Header/SourceSchool",
        "SchoolName is 1,000,000 characters long, more than the 200 a field may hold",
    )
    assert outcome.name is None and len(outcome.summary()) < 100
    assert len(json.dumps(outcome.report.as_dict())) < 1_000


def test_a_csv_cell_over_the_limit_is_refused_by_line_and_column(lake, tmp_path):
    row = f"{ANN},{'y' * 201},Lee,2015-05-01,F"
    path = write(tmp_path, "pupils.csv", csv_text("upn,forename,surname,dob,sex", row))

    problem = the_refusal(import_one(lake, path, school=900001, academic_year=2024))

    assert (problem.file, problem.line, problem.message) == (
        "pupils.csv",
        2,
        "forename is 201 characters long, more than the 200 a field may hold",
    )


def test_a_synced_field_over_the_limit_is_refused_by_its_element(lake):
    sync = payload(MONDAY, FRIDAY, {})
    sync["pupils"] = [synced_pupil("V823400124001", forename=HUGE)]

    outcome, _ = push(sync, lake, URN, today=TODAY)

    (problem,) = outcome.report.refusals.listed
    assert (problem.element, problem.message) == (
        "pupils[0].forename",
        "the value is 1,000,000 characters long, more than the 200 a field may hold",
    )
    assert len(json.dumps(outcome.report.as_dict())) < 1_000
