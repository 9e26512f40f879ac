"""`engine.computed_once(..., without=rules)` computes its result with those DuckDB optimizer rules left out,
and only that result: publishing leaves out one rule that chooses worse for its query, and every other query
in the process (a page, a report) must still be optimised as DuckDB would."""

from __future__ import annotations

import pytest

from rollbook.analytics import engine
from tests.support.small_world import URN, present, pupil, register, write

RULE = "partial_aggregate_pushdown"


def _left_out() -> str:
    setting = engine.backend("duckdb").raw_sql("SELECT current_setting('disabled_optimizers')")
    return setting.fetchall()[0][0]


def test_the_rule_is_back_once_the_result_is_held(lake):
    write(lake, [pupil("A"), pupil("B")], register("A", present(6)) + register("B", ["I"] * 4))
    marks = engine.marks(lake, [URN], [2024])
    per_pupil = marks.group_by("upn").aggregate(sessions=marks.count())
    assert RULE not in _left_out()
    with engine.computed_once(per_pupil, "duckdb", without=(RULE,)) as held:
        assert RULE not in _left_out()  # the block's own queries are optimised in full
        rows = engine.arrow(held.order_by("upn"), "duckdb")
    assert rows["sessions"].to_pylist() == [6, 4]
    assert RULE not in _left_out()


def test_a_query_that_fails_does_not_leave_the_rule_out(lake):
    write(lake, [pupil("A")], register("A", present(2)))
    marks = engine.marks(lake, [URN], [2024])
    failing = marks.mutate(broken=marks.code.cast("int64"))  # "/" is not a number: DuckDB refuses the cast
    held = engine.computed_once(failing, "duckdb", without=(RULE,))
    with pytest.raises(Exception, match="(?i)convert"), held:
        pass
    assert RULE not in _left_out()


def test_rules_left_out_before_stay_left_out(lake):
    write(lake, [pupil("A")], register("A", present(2)))
    marks = engine.marks(lake, [URN], [2024])
    duckdb = engine.backend("duckdb")
    duckdb.raw_sql("SET disabled_optimizers = 'join_order'")
    try:
        with engine.computed_once(marks, "duckdb", without=(RULE,)):
            pass
        assert _left_out() == "join_order"
    finally:
        duckdb.raw_sql("RESET disabled_optimizers")
