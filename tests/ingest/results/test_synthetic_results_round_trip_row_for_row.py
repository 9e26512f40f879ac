"""`rollbook synth` writes results.csv and prior.csv by default (and baseline.csv for 2024/25's Year 11,
who have no KS2), and once imported the lake holds every row they held: each result (read here with the
csv module and the KS4 rules' names, apart from the importer), each pupil's KS2 reading and maths, and each
Year 11's baseline score."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

from rollbook.ingest import import_paths
from rollbook.lake import Lake, PartitionKey
from rollbook.rules.results.exam_result import exam_result
from rollbook.synth import write_schools

YEAR = 2024
AS_OF = dt.date(2024, 9, 20)
COLUMNS = ("upn", "subject", "qualification", "grade", "exam_series", "board")


def rows_of(path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def as_held(row: dict[str, str]) -> tuple:
    """A results.csv row as the lake should hold it."""
    result = exam_result(row["subject"], row["qualification"], row["grade"], YEAR, row["exam_series"])
    key = (row["upn"], result.subject.key, result.qualification.key)
    return (*key, result.grade.text, result.series, row["board"])


def held(lake: Lake, table: str, urn: int, columns: tuple[str, ...]) -> list[tuple]:
    return sorted(
        tuple(row[name] for name in columns) for row in lake.read(PartitionKey(table, YEAR, urn)).to_pylist()
    )


def test_two_synthetic_schools_land_row_for_row(tmp_path, lake):
    schools = write_schools(tmp_path / "synth", 2, seed=11, academic_year=YEAR, as_of=AS_OF, workers=1)

    outcomes = import_paths([tmp_path / "synth"], lake, today=AS_OF)

    assert all(outcome.landed for outcome in outcomes), outcomes[0].report.text()
    for school in schools:
        folder = tmp_path / "synth" / str(school.urn)
        results = sorted(as_held(row) for row in rows_of(folder / "results.csv"))
        assert len(results) > 500 and held(lake, "results", school.urn, COLUMNS) == results
        prior = sorted(
            (row["upn"], Decimal(row["ks2_reading"]), Decimal(row["ks2_maths"]))
            for row in rows_of(folder / "prior.csv")
        )
        assert len(prior) > 300
        assert held(lake, "prior_attainment", school.urn, ("upn", "ks2_reading", "ks2_maths")) == prior
        scores = sorted(
            (row["upn"], row["baseline"], Decimal(row["score"])) for row in rows_of(folder / "baseline.csv")
        )
        assert (
            len(scores) > 100 and held(lake, "baselines", school.urn, ("upn", "baseline", "score")) == scores
        )
