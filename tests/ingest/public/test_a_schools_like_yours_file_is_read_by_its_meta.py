"""Schools Like Yours fields are found by their names in the file's meta: coded values are stored as their
words, fractions as percentages, the grid reference as easting and northing; fields it lacks are blank."""

from __future__ import annotations

import pyarrow.parquet as pq

from tests.support.public_files import SLY_META, SLY_ROWS, imported, sly_text, store, write


def schools(public) -> list[dict]:
    return pq.read_table(public.path(2019, "schools_like_yours")).to_pylist()


def test_values_are_stored_as_a_person_reads_them(tmp_path, data_dir):
    public = store(data_dir)
    imported([write(tmp_path, "ks4_sly.json", sly_text())], public)

    haverstock, michaela, new = schools(public)
    assert (haverstock["URN"], haverstock["Region"], haverstock["Ofsted rating"]) == (
        100049,
        "London",
        "Good",
    )
    assert (haverstock["FSM6, %"], haverstock["Basics, 2019"]) == (64.5, 59.0)  # 0.59 in the file
    assert (haverstock["Easting"], haverstock["Northing"]) == (528159.0, 184498.0)
    assert (michaela["Ofsted rating"], michaela["KS4 pupils, 2019"]) == ("Outstanding", 115)
    assert (new["Region"], new["Easting"], new["KS4 pupils, 2019"], new["Ofsted rating"]) == (
        "North West",
        None,
        None,
        None,
    )
    assert haverstock["Progress 8, 2019"] is None  # not in this small file


def test_fields_in_another_order_read_the_same(tmp_path, data_dir):
    order = [1, 0, 2, 3, 4, 5, 6, 7, 8]
    meta = [SLY_META[index] for index in order] + [SLY_META[-1]]
    rows = [[row[index] for index in order] for row in SLY_ROWS]
    public = store(data_dir)

    imported([write(tmp_path, "ks4_sly.json", sly_text(meta, rows))], public)

    assert [row["URN"] for row in schools(public)] == [100049, 140862, 149999]
    assert schools(public)[0]["School name"] == "Haverstock School"


def test_a_field_rollbook_does_not_know_is_reported_not_read(tmp_path, data_dir):
    meta = [*SLY_META[:-1], {"name": "Shoe size, %"}, SLY_META[-1]]
    rows = [[*row, 1] for row in SLY_ROWS]

    outcome = imported([write(tmp_path, "ks4_sly.json", sly_text(meta, rows))], store(data_dir))

    assert outcome.landed
    assert "ks4_sly.json: fields Rollbook does not know, not read: Shoe size, %" in outcome.files[0].warnings
