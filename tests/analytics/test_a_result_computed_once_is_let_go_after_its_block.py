"""A result held by `engine.computed_once` is computed once, read as often as the block likes, and let go
when the block ends, also when it ends in an error: publishing holds one per batch of schools, and a
national publish runs hundreds of batches in one process."""

from __future__ import annotations

import pytest

from rollbook.analytics import engine
from tests.support.small_world import URN, present, pupil, register, write


def _held_tables() -> set[str]:
    listed = engine.backend("duckdb").raw_sql("SELECT table_name FROM duckdb_tables() WHERE temporary")
    return {row[0] for row in listed.fetchall()}


def test_a_held_result_is_read_twice_then_dropped(lake):
    write(lake, [pupil("A"), pupil("B")], register("A", present(6)) + register("B", ["I"] * 4))
    marks = engine.marks(lake, [URN], [2024])
    per_pupil = marks.group_by("upn").aggregate(sessions=marks.count())
    before = _held_tables()
    with engine.computed_once(per_pupil, "duckdb") as held:
        assert len(_held_tables() - before) == 1
        first = engine.arrow(held.filter(held.upn == "A").select("sessions"), "duckdb")
        second = engine.arrow(held.filter(held.upn == "B").select("sessions"), "duckdb")
    assert first["sessions"].to_pylist() == [6] and second["sessions"].to_pylist() == [4]
    assert _held_tables() == before


def test_a_block_that_fails_still_lets_its_result_go(lake):
    write(lake, [pupil("A")], register("A", present(2)))
    marks = engine.marks(lake, [URN], [2024])
    before = _held_tables()
    with pytest.raises(RuntimeError, match="part-way"), engine.computed_once(marks, "duckdb"):
        raise RuntimeError("a publish failing part-way")
    assert _held_tables() == before
