"""The engine remembers query results up to a number of rows, not of results, so a server's memory does not
grow with how many schools it serves; the oldest results are forgotten first. Each result also counts
`_RESULT_ROWS` for its query, so many small results are bounded too."""

from __future__ import annotations

from rollbook.analytics import engine
from tests.support.small_world import URN, present, pupil, register, write

EACH = engine._RESULT_ROWS


def test_each_result_counts_its_rows_and_the_oldest_is_forgotten_first(lake, monkeypatch):
    write(lake, [pupil("A"), pupil("B")], register("A", present(10)) + register("B", present(10)))
    marks = engine.marks(lake, [URN], [2024])
    remembered = engine.remembered_rows(3 * EACH + 30)
    monkeypatch.setattr(engine, "_remembered", remembered)
    engine.run(marks.select("upn", "date", "session"))  # 20 rows
    assert remembered.currsize == EACH + 20
    upns = marks.select("upn").distinct()
    assert len(engine.run(upns)) == 2 and remembered.currsize == 2 * EACH + 22
    engine.run(marks.select("code").distinct())  # "/" and "\\": 3 * EACH + 24, still room
    assert remembered.currsize == 3 * EACH + 24
    engine.run(marks.select("date").distinct())  # 5 school days: the oldest, of 20 rows, goes
    assert remembered.currsize == 3 * EACH + 2 + 2 + 5 and len(remembered) == 3
    assert (upns.op(), "duckdb") in remembered


def test_a_remembered_result_is_answered_without_running_the_query(lake, monkeypatch):
    write(lake, [pupil("A")], register("A", present(10)))
    monkeypatch.setattr(engine, "_remembered", engine.remembered_rows())
    codes = engine.marks(lake, [URN], [2024]).select("code").distinct()
    first = engine.run(codes)
    monkeypatch.setattr(engine, "backend", lambda engine_name: None)  # any query run now would fail
    assert engine.run(codes) == first


def test_a_result_larger_than_the_allowance_is_answered_but_not_remembered(lake, monkeypatch):
    write(lake, [pupil("A")], register("A", present(10)))
    remembered = engine.remembered_rows(EACH + 5)
    monkeypatch.setattr(engine, "_remembered", remembered)
    rows = engine.run(engine.marks(lake, [URN], [2024]).select("date", "session"))
    assert len(rows) == 10 and remembered.currsize == 0 and len(remembered) == 0
