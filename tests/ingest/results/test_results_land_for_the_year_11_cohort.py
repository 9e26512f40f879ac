"""results.csv lands for the school's Year 11 of the latest year it holds: each row read by the KS4 rules,
the names MIS exports use ("Maths", "English Lang", "Combined Science: Trilogy") and their qualifications
as written, in any column order and case; a plain GCSE in combined science is its double award."""

from __future__ import annotations

import datetime as dt

from rollbook.lake import PartitionKey
from tests.support.ks4_files import ANN, BEN, the_school
from tests.support.mis_exports import csv_text, import_one, write

RESULTS = PartitionKey("results", 2024, 900001)


def test_the_rows_land_as_the_rules_read_them(lake, tmp_path):
    the_school(lake, tmp_path / "ctf")
    path = write(
        tmp_path,
        "results.csv",
        csv_text(
            "Grade,UPN,Qualification,Subject,Board,Exam_Series",
            f"7,{ANN},GCSE,Maths,AQA,June 2025",
            f"5 4,{ANN},GCSE,Combined Science: Trilogy,AQA,June 2025",
            f"x,{ANN},GCSE (9-1),English Lang,,",
            f"L2D*,{BEN},BTEC Tech Award,Sport Studies,Pearson,Summer 2025",
        ),
    )

    outcome = import_one(lake, path, school=900001)

    assert outcome.landed, outcome.report.text()
    c = outcome.counts
    assert (c.results_added, c.results_changed, c.results_removed) == (4, 0, 0)
    june = dt.date(2025, 6, 1)
    assert lake.read(RESULTS).to_pylist() == [  # BEN's UPN sorts first
        {"upn": BEN, "subject": "sport", "qualification": "btec_tech_award", "grade": "L2D*",
         "exam_series": june, "board": "Pearson", "discount_code": None},
        {"upn": ANN, "subject": "combined_science", "qualification": "gcse_double_award", "grade": "5-4",
         "exam_series": june, "board": "AQA", "discount_code": None},
        {"upn": ANN, "subject": "english_language", "qualification": "gcse", "grade": "X",
         "exam_series": None, "board": None, "discount_code": None},
        {"upn": ANN, "subject": "maths", "qualification": "gcse", "grade": "7", "exam_series": june,
         "board": "AQA", "discount_code": None},
    ]  # fmt: skip
