"""The engine remembers query results up to a number of rows, not of results, so a server's memory does not
grow with how many schools it serves; the oldest results are forgotten first."""

from __future__ import annotations

from small_world import URN, present, pupil, register, write

from rollbook.analytics import engine


def test_each_result_counts_its_rows_and_the_oldest_is_forgotten_first(lake, monkeypatch):
    write(lake, [pupil("A"), pupil("B")], register("A", present(10)) + register("B", present(10)))
    marks = engine.marks(lake, [URN], [2024])
    remembered = engine.remembered_rows(30)
    monkeypatch.setattr(engine, "_remembered", remembered)
    first = engine.run(marks.select("upn", "date", "session"))
    assert len(first) == 20 and remembered.currsize == 20 + 1
    second = engine.run(marks.select("upn").distinct())
    assert len(second) == 2 and remembered.currsize == 21 + 3
    engine.run(marks.select("code").distinct())  # "/" and "\\", 3 more: 27, still room
    assert remembered.currsize == 27
    engine.run(marks.select("date").distinct())  # 5 school days, 6 more: the oldest (20 rows) goes
    assert remembered.currsize == 3 + 3 + 6 and len(remembered) == 3
    assert engine.run(marks.select("upn").distinct()) == second  # still remembered, and answered again


def test_a_result_larger_than_the_allowance_is_answered_but_not_remembered(lake, monkeypatch):
    write(lake, [pupil("A")], register("A", present(10)))
    remembered = engine.remembered_rows(5)
    monkeypatch.setattr(engine, "_remembered", remembered)
    rows = engine.run(engine.marks(lake, [URN], [2024]).select("date", "session"))
    assert len(rows) == 10 and remembered.currsize == 0 and len(remembered) == 0
