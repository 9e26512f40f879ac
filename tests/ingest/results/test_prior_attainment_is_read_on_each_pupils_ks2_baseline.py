"""prior.csv gives each pupil's KS2 reading and maths, read on the baseline of the summer they were in Year
6: scaled scores from 2016, fine levels before; a pupil whose KS2 tests were cancelled (2020 and 2021), or
who has not reached KS2, or is not on roll, is refused by line."""

from __future__ import annotations

from decimal import Decimal

from rollbook.ingest import Kind
from rollbook.lake import PartitionKey
from tests.support.ks4_files import ANN, CAL, DEE, EVE, import_csv, the_school
from tests.support.mis_exports import upn


def test_scaled_scores_land_for_pupils_who_sat_ks2_from_2016(lake, tmp_path):
    the_school(lake, tmp_path / "ctf")

    outcome = import_csv(lake, tmp_path, "prior.csv", f"{DEE},105,110", f"{EVE},99,100.0")

    assert outcome.landed, outcome.report.text()
    assert (outcome.counts.prior_added, outcome.counts.prior_updated) == (2, 0)
    assert lake.read(PartitionKey("prior_attainment", 2024, 900001)).to_pylist() == [  # EVE's UPN first
        {"upn": EVE, "baseline": "KS2 scaled scores", "ks2_reading": Decimal(99), "ks2_maths": Decimal(100)},
        {"upn": DEE, "baseline": "KS2 scaled scores", "ks2_reading": Decimal(105), "ks2_maths": Decimal(110)},
    ]


def test_fine_levels_land_for_pupils_who_sat_ks2_before_2016(lake, tmp_path):
    # In 2019/20, Year 11 were in Year 6 in summer 2015.
    the_school(lake, tmp_path / "ctf", year="2019/20")

    outcome = import_csv(lake, tmp_path, "prior.csv", f"{ANN},4.5,5.256", academic_year=2019)

    assert outcome.landed, outcome.report.text()
    (row,) = lake.read(PartitionKey("prior_attainment", 2019, 900001)).to_pylist()
    assert (row["baseline"], row["ks2_reading"], row["ks2_maths"]) == (
        "KS2 fine levels",
        Decimal("4.50"),
        Decimal("5.26"),
    )


def test_values_off_the_baseline_and_pupils_without_ks2_are_refused(lake, tmp_path):
    the_school(lake, tmp_path / "ctf")

    rows = (f"{DEE},125,110", f"{EVE},4.5,100", f"{CAL},100,100", f"{upn(99)},100,100")

    outcome = import_csv(lake, tmp_path, "prior.csv", *rows)

    refused = [(problem.line, problem.kind, problem.message) for problem in outcome.report.refusals.listed]
    assert refused == [
        (2, Kind.BAD_PRIOR, "KS2 reading '125' is not a scaled score (a whole number from 80 to 120) (KS2 in "
         "summer 2024: KS2 scaled scores)"),
        (3, Kind.BAD_PRIOR, "KS2 reading '4.5' is not a scaled score (a whole number from 80 to 120) (KS2 in "
         "summer 2023: KS2 scaled scores)"),
        (4, Kind.BAD_PRIOR, "the pupil was in Year 6 in summer 2021, when no KS2 tests were held"),
        (5, Kind.NOT_IN_COHORT, "no pupil with this UPN is on the school's roll in 2024/25"),
    ]  # fmt: skip
