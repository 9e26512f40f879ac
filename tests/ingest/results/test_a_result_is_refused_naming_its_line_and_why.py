"""Every result that cannot be read, or is not a Year 11 pupil's, is refused naming its line and why, and the
import changes nothing: unknown subjects and qualifications (with the nearest names), grades off their
qualification's scale, a result given twice, and results of pupils in another year group or not on roll."""

from __future__ import annotations

from rollbook.ingest import Kind
from tests.support.ks4_files import ANN, CAL, import_csv, the_school
from tests.support.mis_exports import upn


def test_each_bad_row_is_refused_and_nothing_lands(lake, tmp_path):
    the_school(lake, tmp_path / "ctf")

    outcome = import_csv(
        lake,
        tmp_path,
        "results.csv",
        f"{ANN},Science,GCSE,5,,",  # line 2
        f"{ANN},Maths,GCSE Maths,5,,",
        f"{ANN},History,GCSE,10,,",
        f"{ANN},Combined Science,GCSE,5-3,,",
        f"{ANN},History,GCSE,4,,",  # line 6: a good row
        f"{ANN},History,GCSE,5,,",
        f"{CAL},History,GCSE,4,,",
        f"{upn(99)},History,GCSE,4,,",
    )

    assert not outcome.landed and outcome.partitions_written == []
    refused = [(problem.line, problem.kind, problem.message) for problem in outcome.report.refusals.listed]
    assert refused == [
        (2, Kind.UNKNOWN_SUBJECT, "unknown subject 'Science'; did you mean Additional science, Core science, "
         "Sport?"),
        (3, Kind.UNKNOWN_QUALIFICATION, "unknown qualification 'GCSE Maths'; did you mean GCSE (9-1) double "
         "award, GCSE (A*-G), GCSE (9-1)?"),
        (4, Kind.BAD_GRADE, "grade '10' is not on the 9 to 1 scale (9 to 1, U, or X for absent)"),
        (5, Kind.BAD_GRADE, "grade '5-3' is not on the 9-9 to 1-1 scale (two grades a step apart such as "
         "9-9, 5-4 or 1-1, U, or X for absent)"),
        (7, Kind.BAD_VALUE, "History (GCSE (9-1)) 5: this result is also at line 6"),
        (8, Kind.NOT_IN_COHORT, "the pupil is in Year 10 in 2024/25: results are for the KS4 cohort, the "
         "school's Year 11 (import an early entry with the pupil's Year 11 results)"),
        (9, Kind.NOT_IN_COHORT, "no pupil with this UPN is on the school's roll in 2024/25"),
    ]  # fmt: skip
