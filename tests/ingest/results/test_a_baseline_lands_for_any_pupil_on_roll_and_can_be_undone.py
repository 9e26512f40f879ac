"""baseline.csv gives pupils of any year group their score on a baseline the school names, columns in any
order and case: importing it again changes nothing, a new score updates only that pupil, another baseline
sits beside the first, and undoing an import puts back what it replaced."""

from __future__ import annotations

from decimal import Decimal

from ks4_files import ANN, BEN, DEE, import_csv, the_school

from rollbook.lake import PartitionKey

HELD = PartitionKey("baselines", 2024, 900001)


def scores(lake) -> set[tuple[str, str, Decimal]]:
    return {(row["upn"], row["baseline"], row["score"]) for row in lake.read(HELD).to_pylist()}


def test_it_lands_updates_and_undoes(lake, tmp_path):
    the_school(lake, tmp_path / "ctf")
    header = "Score,UPN,Baseline"

    first = import_csv(lake, tmp_path / "1", "baseline.csv", f"104,{ANN}, CAT4 mean SAS ", f"97.255,{DEE},"
                       "CAT4 mean SAS", header=header)  # fmt: skip

    assert first.landed, first.report.text()
    assert (first.counts.baseline_added, first.counts.baseline_updated) == (2, 0)
    assert "baseline scores 2 added, 0 updated, 0 unchanged" in first.summary()
    assert scores(lake) == {
        (ANN, "CAT4 mean SAS", Decimal("104.00")),
        (DEE, "CAT4 mean SAS", Decimal("97.26")),
    }

    again = import_csv(lake, tmp_path / "2", "baseline.csv", f"104,{ANN},CAT4 mean SAS", header=header)
    assert again.no_change and again.counts.baseline_unchanged == 1

    changed = import_csv(lake, tmp_path / "3", "baseline.csv", f"{ANN},CAT4 mean SAS,110", f"{BEN},"
                         "CAT4 mean SAS,90", keep_versions=True)  # fmt: skip
    assert (changed.counts.baseline_added, changed.counts.baseline_updated) == (1, 1)
    assert scores(lake) == {(ANN, "CAT4 mean SAS", Decimal(110)), (BEN, "CAT4 mean SAS", Decimal(90)),
                            (DEE, "CAT4 mean SAS", Decimal("97.26"))}  # fmt: skip

    assert lake.restore(900001, changed.version) == [HELD]
    assert scores(lake) == {(ANN, "CAT4 mean SAS", Decimal(104)), (DEE, "CAT4 mean SAS", Decimal("97.26"))}


def test_another_baseline_sits_beside_the_first(lake, tmp_path):
    the_school(lake, tmp_path / "ctf")
    import_csv(lake, tmp_path / "1", "baseline.csv", f"{ANN},CAT4 mean SAS,104")

    reading = import_csv(lake, tmp_path / "2", "baseline.csv", f"{ANN},Year 7 reading age,141")

    assert reading.landed and reading.counts.baseline_added == 1
    assert scores(lake) == {(ANN, "CAT4 mean SAS", Decimal(104)), (ANN, "Year 7 reading age", Decimal(141))}
