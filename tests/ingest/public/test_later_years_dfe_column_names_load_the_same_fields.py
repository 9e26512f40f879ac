"""Later years' explore-education-statistics files, with the DfE's newer column names, load into the same
fields; their year comes from `time_period`, and rows other than a whole school's are skipped."""

from __future__ import annotations

import pyarrow.parquet as pq

from tests.support.public_files import csv_text, imported, store, write

#: The 2024/25 schema's names (docs/public-data.md); Progress 8 was not calculated that year ("z").
KS4_2025 = (
    "time_period,time_identifier,geographic_level,school_urn,school_laestab,school_name,breakdown,pupil_count,"
    "attainment8_average,progress8_pupil_count,progress8_average,engmath_94_percent,engmath_95_percent,"
    "ebacc_entering_percent,ebacc_94_percent,ebacc_95_percent,ebacc_aps_average"
)
HAVERSTOCK = "202425,Academic year,School,100049,2024104,Haverstock School"
ROWS_2025 = (
    f"{HAVERSTOCK},Total,201,43.1,z,z,60.2,44.8,25.9,20.1,14.0,3.81",
    f"{HAVERSTOCK},Disadvantaged,120,38.0,z,z,50.0,35.0,20.0,15.0,10.0,3.4",
    "202425,Academic year,National,,,,Total,625673,45.9,z,z,64.5,45.2,40.5,25.7,18.6,4.08",
)
ABSENCE_2024 = (
    "time_period,time_identifier,geographic_level,school_urn,school_laestab,sess_overall_percent,"
    "enrolments_pa_10_exact_percent"
)


def test_the_newest_names_read_as_the_2019_fields(tmp_path, data_dir):
    path = write(tmp_path, "ks4_institution_2025.csv", csv_text(KS4_2025, *ROWS_2025))
    public = store(data_dir)

    outcome = imported([path], public, year=None)

    assert outcome.landed and outcome.year == 2025, outcome.report.text()
    assert (outcome.files[0].rows, outcome.files[0].skipped) == (1, 2)
    (school,) = pq.read_table(public.path(2025, "ks4")).to_pylist()
    assert (school["urn"], school["la_code"], school["estab"], school["name"]) == (
        100049,
        202,
        4104,
        "Haverstock School",
    )
    assert (school["ks4_pupils"], school["attainment8"], school["basics_4_rate"], school["ebacc_aps"]) == (
        201,
        43.1,
        60.2,
        3.81,
    )
    assert school["progress8"] is None and school["p8_pupils"] is None


def test_school_absence_from_explore_education_statistics(tmp_path, data_dir):
    path = write(
        tmp_path, "absence.csv", csv_text(ABSENCE_2024, "202324,Academic year,School,100049,2024104,7.4,21.3")
    )
    public = store(data_dir)

    outcome = imported([path], public, year=None)

    assert outcome.year == 2024
    (school,) = pq.read_table(public.path(2024, "absence")).to_pylist()
    assert (school["urn"], school["overall_absence_rate"], school["persistent_absence_rate"]) == (
        100049,
        7.4,
        21.3,
    )


def test_a_file_holding_two_years_is_refused(tmp_path, data_dir):
    rows = (
        "202223,Academic year,School,100049,2024104,7.0,20.0",
        "202324,Academic year,School,100050,2024166,6.0,15.0",
    )
    path = write(tmp_path, "absence.csv", csv_text(ABSENCE_2024, *rows))

    outcome = imported([path], store(data_dir), year=None)

    (problem,) = outcome.report.refusals.listed
    assert problem.message == "holds several years (2023 and 2024); give one year's file"
