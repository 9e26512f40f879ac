"""The engine's vectorised pupil measures (analytics/results/pupil_measures.py) equal the rules'
`measure_pupil` for every pupil: the hand-worked nation (DuckDB and Spark), nations of pupils (DuckDB, and
one on Spark) whose results are drawn at random from every subject, qualification, grade and exam series
(so that every discounting, slot and route rule is met many times), and a synthetic national run written
by `rollbook synth` and imported as a school's files are."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pyarrow as pa
import pytest

from rollbook.analytics.results.pupil_measures import grade_points, measured_pupils
from rollbook.ingest import import_paths
from rollbook.lake import PUPILS, RESULTS, Lake, PartitionKey
from rollbook.rules.results.exam_result import held_result
from rollbook.rules.results.pupil_measures import PupilMeasures, measure_pupil
from rollbook.rules.results.qualifications import BY_KEY, DOUBLE_AWARD
from rollbook.rules.results.subjects import SUBJECTS, Pillar, Science
from rollbook.synth import write_schools
from tests.support.ks4 import YEAR, ks4_pupil, write_ks4_nation

SYNTH_YEAR = 2018
SERIES = (None, dt.date(2017, 11, 1), dt.date(2018, 6, 1), dt.date(2018, 11, 1))


def by_the_rules(lake: Lake, year: int) -> dict[tuple[int, str], tuple]:
    """Every Year 11 pupil's measures by `measure_pupil`, from each partition's results in its own order."""
    found = {}
    for key in lake.partitions("pupils"):
        if key.academic_year != year:
            continue
        held: dict[str, list] = {}
        results = lake.read(PartitionKey("results", year, key.school)) or RESULTS.empty_table()
        for row in results.to_pylist():
            held.setdefault(row["upn"], []).append(
                held_result(row["subject"], row["qualification"], row["grade"], year, row["exam_series"])
            )
        for pupil in lake.read(key).to_pylist():
            upn = pupil["upn"]
            if pupil["nc_year"] == 11:
                found[(key.school, upn)] = sums(measure_pupil(upn, held.get(upn, ())))
    return found


def by_the_engine(lake: Lake, year: int, engine: str = "duckdb") -> dict[tuple[int, str], tuple]:
    schools = sorted({key.school for key in lake.partitions("pupils") if key.academic_year == year})
    found = measured_pupils(lake, schools, year, engine)
    return {(school, p.upn): sums(p.measures) for school, pupils in found.items() for p in pupils}


def sums(measures: PupilMeasures) -> tuple:
    a8 = measures.attainment8
    return (a8.maths, a8.english, a8.ebacc, a8.open, a8.total), measures.ebacc, measures.basics


def test_the_hand_worked_nation_on_duckdb_and_spark(lake, spark):
    write_ks4_nation(lake)
    expected = by_the_rules(lake, YEAR)
    assert [total for (*_, total), _, _ in expected.values()] == [54, 12, 71]
    assert by_the_engine(lake, YEAR) == expected
    assert by_the_engine(lake, YEAR, spark) == expected


def random_results(rng: np.random.Generator, upn: str, year: int) -> list[dict]:
    """Up to 16 results drawn from every subject (EBacc ones more often), any qualification its subject
    may be taken as, any grade of it (U and X too) and any series: repeats in one subject and discount
    group are common, so every discounting rule is met."""
    grades = grade_points(year).to_pyarrow().to_pylist()
    allowed = {
        subject.key: [g for g in grades if (g["qualification"] == DOUBLE_AWARD.key)
                      == (subject.science is Science.COMBINED)]
        for subject in SUBJECTS
    }  # fmt: skip
    weights = np.array([4.0 if s.pillar is not Pillar.NONE else 1.0 for s in SUBJECTS])
    chosen = rng.choice(len(SUBJECTS), size=rng.integers(0, 17), p=weights / weights.sum())
    return [
        {"upn": upn, "subject": SUBJECTS[i].key, "qualification": grade["qualification"],
         "grade": grade["grade"], "exam_series": SERIES[rng.integers(len(SERIES))], "board": None,
         "discount_code": None}
        for i in chosen
        for grade in [allowed[SUBJECTS[i].key][rng.integers(len(allowed[SUBJECTS[i].key]))]]
    ]  # fmt: skip


@pytest.mark.slow  # about ten seconds a year on DuckDB, a minute on Spark
@pytest.mark.parametrize(
    ("year", "engine"), [(2015, "duckdb"), (2018, "duckdb"), (2018, "spark")]
)  # the letters' points changed in 2016/17
def test_a_nation_of_random_results(lake, year, engine, request):
    if engine == "spark":
        engine = request.getfixturevalue("spark")
    rng = np.random.default_rng(year)
    for school in (200001, 200002, 200003):
        upns = [f"R{school}{n:07d}" for n in range(400)]
        rows = [row for upn in upns for row in random_results(rng, upn, year)]
        if year < 2016:  # technical-award points before 2016/17 are not held: such a result is refused
            rows = [row for row in rows if BY_KEY[row["qualification"]].gcse]
        lake.replace(
            {
                PartitionKey("pupils", year, school): pa.Table.from_pylist(
                    [{**ks4_pupil("A1000000000001"), "upn": upn} for upn in upns], PUPILS
                ),
                PartitionKey("results", year, school): pa.Table.from_pylist(rows, RESULTS),
            }
        )
    expected = by_the_rules(lake, year)
    assert len(expected) == 1200
    found = by_the_engine(lake, year, engine)
    assert [key for key in expected if found[key] != expected[key]] == []


@pytest.fixture(scope="module")
def synthetic_nation(tmp_path_factory) -> Lake:
    """40 synthetic schools' 2018/19, written by `rollbook synth` and imported (about 20 seconds)."""
    folder = tmp_path_factory.mktemp("ks4-nation")
    as_of = dt.date(SYNTH_YEAR, 9, 21)
    write_schools(folder / "synth", 40, seed=7, academic_year=SYNTH_YEAR, as_of=as_of, workers=1)
    lake = Lake(folder / "lake")
    assert all(outcome.landed for outcome in import_paths([folder / "synth"], lake, today=as_of))
    return lake


@pytest.mark.slow  # writes and imports 40 schools
def test_a_synthetic_national_run(synthetic_nation):
    expected = by_the_rules(synthetic_nation, SYNTH_YEAR)
    assert len(expected) > 40 * 100
    found = by_the_engine(synthetic_nation, SYNTH_YEAR)
    assert [key for key in expected if found[key] != expected[key]] == []


def test_every_grade_of_every_qualification_is_scored(lake):
    """The grade table is the rules' own: as many grades as the scales allow (9 to 1, U, X; 9-9 to 1-1 a
    step apart; A* to G; seven technical grades)."""
    counts = {
        kind: len(list(grades))
        for kind, grades in itertools.groupby(
            sorted(row["qualification"] for row in grade_points(2018).to_pyarrow().to_pylist())
        )
    }
    assert counts["gcse"] == 11 and counts["gcse_double_award"] == 17 + 2 and counts["gcse_legacy"] == 10
    assert counts["btec_tech_award"] == 7 + 2
