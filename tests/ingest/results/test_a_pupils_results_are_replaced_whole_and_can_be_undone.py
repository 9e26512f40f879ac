"""A pupil in results.csv has exactly the results it gives them: theirs not in it go, and pupils not in it
keep theirs; prior.csv likewise replaces the prior attainment of the pupils in it. The import lands whole
through one lake write, which can be undone, putting back exactly what was there."""

from __future__ import annotations

from rollbook.lake import PartitionKey
from tests.support.ks4_files import ANN, BEN, DEE, import_csv, the_school

RESULTS = PartitionKey("results", 2024, 900001)
PRIOR = PartitionKey("prior_attainment", 2024, 900001)


def grades(lake) -> set[tuple[str, str, str]]:
    return {(row["upn"], row["subject"], row["grade"]) for row in lake.read(RESULTS).to_pylist()}


def test_the_pupils_sent_have_exactly_their_new_results(lake, tmp_path):
    the_school(lake, tmp_path / "ctf")
    rows = (f"{ANN},Maths,GCSE,7,,", f"{ANN},History,GCSE,4,,", f"{BEN},Maths,GCSE,5,,")
    assert import_csv(lake, tmp_path / "first", "results.csv", *rows).landed
    before = lake.read(RESULTS)

    rows = (f"{ANN},Maths,GCSE,8,,", f"{ANN},French,GCSE,6,,")
    outcome = import_csv(lake, tmp_path / "second", "results.csv", *rows, keep_versions=True)

    c = outcome.counts
    assert (c.results_added, c.results_changed, c.results_removed) == (1, 1, 1)  # French; Maths; History
    assert grades(lake) == {(ANN, "maths", "8"), (ANN, "french", "6"), (BEN, "maths", "5")}
    assert lake.restore(900001, outcome.version) == [RESULTS]
    assert lake.read(RESULTS).equals(before)


def test_prior_attainment_is_updated_pupil_by_pupil(lake, tmp_path):
    the_school(lake, tmp_path / "ctf")
    assert import_csv(lake, tmp_path / "first", "prior.csv", f"{DEE},105,110").landed

    outcome = import_csv(lake, tmp_path / "second", "prior.csv", f"{DEE},106,110")

    c = outcome.counts
    assert (c.prior_added, c.prior_updated, c.prior_unchanged) == (0, 1, 0)
    assert [row["ks2_reading"] for row in lake.read(PRIOR).to_pylist()] == [106]
    again = import_csv(lake, tmp_path / "third", "prior.csv", f"{DEE},106,110")
    assert again.landed and again.no_change
