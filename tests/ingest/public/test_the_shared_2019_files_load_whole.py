"""The DfE's 2019 performance-tables extracts and Schools Like Yours' 2019 file load as they are published:
every value read, nothing refused."""

from __future__ import annotations

from rollbook.ingest.public import import_public
from rollbook.lake.public import PublicStore


def test_every_file_loads(shared_data, tmp_path):
    folders = [shared_data / "performance-tables-2019", shared_data / "schools-like-yours-ks4-2019"]

    outcome = import_public(folders, PublicStore(tmp_path), 2019)

    assert outcome.landed, outcome.report.text()
    assert {each.file: (each.dataset, each.rows, each.skipped) for each in outcome.files} == {
        "england_abs.csv": ("absence", 21_214, 3),
        "england_census.csv": ("census", 23_939, 3),  # the three national rows
        "england_ks4provisional.csv": ("ks4", 5_495, 157),  # LA and England rows
        "la_and_region_codes_meta.csv": ("areas", 151, 0),
        "ofsted_ratings.csv": ("ofsted", 6_396, 0),
        "ks4_sly.json": ("schools_like_yours", 3_295, 0),
    }
    # The extract has 25 of the KS4 file's columns: the disadvantaged and sex splits are not among them.
    (warning,) = [each for each in outcome.report.warnings.listed]
    assert warning.message.startswith(
        "england_ks4provisional.csv: not in the file, left blank: Disadvantaged KS4"
    )
