"""A year's public files land together: each data set under its year, with every value read and the rows
that are not a school's own (area totals, national rows) counted but not kept."""

from __future__ import annotations

import pyarrow.parquet as pq

from tests.support.public_files import good_files, imported, store


def rows_of(public, dataset: str) -> list[dict]:
    return pq.read_table(public.path(2019, dataset)).to_pylist()


def test_every_file_lands_for_its_year(tmp_path, data_dir):
    public = store(data_dir)

    outcome = imported(good_files(tmp_path / "files"), public)

    assert outcome.landed, outcome.report.text()
    assert outcome.year == 2019
    assert [(each.dataset, each.rows, each.skipped) for each in outcome.files] == [
        ("ks4", 2, 2),  # the LA's and England's totals are not schools
        ("census", 1, 1),  # nor is the national row
        ("absence", 2, 0),
        ("ofsted", 2, 0),
        ("areas", 2, 0),
        ("schools_like_yours", 3, 0),
    ]
    assert sorted(public.held(2019)) == ["absence", "areas", "census", "ks4", "ofsted", "schools_like_yours"]


def test_figures_are_read_and_suppressed_ones_are_missing(tmp_path, data_dir):
    public = store(data_dir)
    imported(good_files(tmp_path / "files"), public)

    haverstock, parliament_hill = rows_of(public, "ks4")
    assert (haverstock["urn"], haverstock["laestab"], haverstock["name"]) == (
        100049,
        2024104,
        "Haverstock School",
    )
    assert (haverstock["attainment8"], haverstock["progress8"], haverstock["basics_4_rate"]) == (
        42.4,
        -0.09,
        58.8,
    )
    assert (parliament_hill["progress8"], parliament_hill["p8_banding"], parliament_hill["ebacc_4_rate"]) == (
        None,
        None,
        46.9,
    )
    assert rows_of(public, "absence")[1]["persistent_absence_rate"] is None
    assert [row["ofsted_rating"] for row in rows_of(public, "ofsted")] == [2, None]
    assert rows_of(public, "census")[0]["fsm6_rate"] == 64.5


def test_sub_regions_are_stored_as_their_regions(tmp_path, data_dir):
    public = store(data_dir)
    imported(good_files(tmp_path / "files"), public)

    assert [(row["la_code"], row["la_name"], row["region_name"]) for row in rows_of(public, "areas")] == [
        (202, "Camden", "London"),
        (810, "Kingston Upon Hull, City of", "Yorkshire and the Humber"),
    ]


def test_a_folder_is_read_as_its_csv_and_json_files(tmp_path, data_dir):
    folder = tmp_path / "files"
    good_files(folder)
    (folder / "README.md").write_text("# Not data")

    outcome = imported([folder], store(data_dir))

    assert outcome.landed and len(outcome.files) == 6
