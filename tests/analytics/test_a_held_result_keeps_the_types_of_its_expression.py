"""A result held by `engine.computed_once` is held in the types its expression gives: DuckDB sums a BIGINT
column into a HUGEINT, which Arrow can only carry as a 38-digit decimal, so every read of a held sum would
be turned into decimals and back into integers."""

from __future__ import annotations

from rollbook.analytics import engine
from tests.support.small_world import URN, present, pupil, register, write


def _held_types(name: str) -> dict[str, str]:
    described = engine.backend("duckdb").raw_sql(
        f"SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = '{name}'"
    )
    return dict(described.fetchall())


def test_a_held_sum_is_a_bigint_and_reads_back_as_int64(lake):
    write(lake, [pupil("A"), pupil("B")], register("A", present(6)) + register("B", ["I"] * 4))
    marks = engine.marks(lake, [URN], [2024])
    counted = marks.mutate(one=marks.school.cast("int64") * 0 + 1)
    per_pupil = counted.group_by("upn").aggregate(sessions=counted.one.sum())
    assert per_pupil.schema()["sessions"].is_int64()
    with engine.computed_once(per_pupil, "duckdb") as held:
        assert _held_types(held.get_name()) == {"upn": "VARCHAR", "sessions": "BIGINT"}
        rows = engine.arrow(held.order_by("upn"), "duckdb")
    assert str(rows.schema.field("sessions").type) == "int64"
    assert rows["sessions"].to_pylist() == [6, 4]
