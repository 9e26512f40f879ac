"""The engine reads only the partitions asked for, types them alike, and sees replaced partitions."""

from __future__ import annotations

from rollbook.analytics import engine
from rollbook.analytics.attendance import measures
from tests.support.small_world import OTHER_URN, TWO_WEEKS, URN, present, pupil, register, write


def test_partition_columns_are_integers_holding_the_year_and_school(lake):
    write(lake, [pupil("A")], register("A", present(2)), school=URN)
    write(lake, [pupil("B")], register("B", present(2)), school=OTHER_URN)
    marks = engine.marks(lake, [URN], [2024])
    assert marks.schema()["academic_year"].is_integer() and marks.schema()["school"].is_integer()
    rows = engine.run(marks.select("upn", "academic_year", "school").distinct())
    assert rows == [{"upn": "A", "academic_year": 2024, "school": URN}]


def test_a_school_or_year_with_no_partitions_reads_as_empty(lake):
    pupils = engine.pupils(lake, [URN], [2024])
    assert engine.run(pupils.aggregate(rows=pupils.count())) == [{"rows": 0}]
    assert set(engine.PARTITION_COLUMNS) <= set(pupils.columns)


def test_a_replaced_partition_is_read_afresh(lake):
    # The first register has 2 absences of 10; its replacement has none.
    write(lake, [pupil("A")], register("A", ["I", "I"] + present(8)))
    (before,) = measures(lake, [URN], TWO_WEEKS)
    write(lake, [pupil("A")], register("A", present(10)))
    (after,) = measures(lake, [URN], TWO_WEEKS)
    assert (before["authorised_absence_sessions"], after["authorised_absence_sessions"]) == (2, 0)
