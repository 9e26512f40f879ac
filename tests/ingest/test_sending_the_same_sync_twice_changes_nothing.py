"""A connector may send the same days again (it retries, or re-sends the amendment window daily): the
second time nothing is written and the outcome says there was no change."""

from rollbook.ingest.exchange import push
from tests.support.syncs import ANN, BEN, FRIDAY, MONDAY, TODAY, URN, assert_unchanged, held, payload


def test_the_second_push_writes_nothing(lake):
    week = payload(MONDAY, FRIDAY, {ANN: "/\\" * 5, BEN: "/\\IIN/\\/\\"})
    first, _ = push(week, lake, URN, today=TODAY)
    assert first.landed and not first.no_change
    assert len(first.partitions_written) == 2  # pupils and marks
    before = held(lake)

    again, _ = push(week, lake, URN, today=TODAY)

    assert again.landed and again.no_change
    assert again.partitions_written == []
    c = again.counts
    assert (c.pupils_added, c.pupils_updated, c.pupils_unchanged) == (0, 0, 2)
    assert (c.marks_added, c.marks_changed, c.marks_removed) == (0, 0, 0)
    assert "no change" in again.summary()
    assert_unchanged(before, held(lake))
