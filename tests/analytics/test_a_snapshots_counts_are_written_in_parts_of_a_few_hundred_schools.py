"""A snapshot's cells and reasons, and the tallies kept in the lake, are folders of parts, each of at most
`PART_SCHOOLS` schools and of one bucket (the snapshot's rows of one week, the tallies of one weekday), naming
both in its footer, so that the next publish can take a part whole; read together they are the table."""

from __future__ import annotations

import datetime as dt

import pyarrow.compute as pc
import pyarrow.parquet as pq

from rollbook.analytics import engine as engines
from rollbook.analytics.comparators import publish as publishing
from rollbook.analytics.comparators import tallies
from rollbook.analytics.comparators.snapshot import Snapshot
from rollbook.lake import parts
from tests.support.small_world import write_three_schools

AS_OF = dt.date(2024, 9, 20)
NOW = dt.datetime(2024, 9, 23, 6, 0, tzinfo=dt.UTC)


def test_parts_roll_over_at_part_schools_and_name_their_schools(lake, tmp_path, monkeypatch):
    schools = write_three_schools(lake)
    monkeypatch.setattr(parts, "PART_SCHOOLS", 2)
    snapshot = Snapshot.read(publishing.publish(lake, tmp_path, schools, 2024, AS_OF, now=NOW, batch=1))
    kept = tallies.kept(tallies.folder(lake, tmp_path, 2024), snapshot.path.name)[0]
    periods = ["year", "week-2024-09-09", "half_term-Autumn 1", "term-Autumn"]  # the registers: a week
    weekdays = [f"weekday-{day}" for day in range(5)]
    for table, held, buckets in (("cells", snapshot.files("cells"), periods),
                                 ("reasons", snapshot.files("reasons"), periods),
                                 ("tallies", kept, ["periods", *weekdays])):  # fmt: skip
        described = sorted((bucket, sorted(schools)) for schools, bucket in map(parts.described, held))
        assert described == sorted((bucket, pair) for bucket in buckets for pair in ([1, 2], [3])), table
        for part in held:
            named = parts.schools_of(part)
            assert set(pc.unique(pq.read_table(part)["school"]).to_pylist()) == named, (table, part.name)
    # Read through the engine, the parts are one table: school 1's two pupils and school 3's one.
    cells = snapshot.table("cells")
    year = cells.filter(cells.kind == "year").group_by("school").aggregate(pupils=cells.pupils.sum())
    assert {row["school"]: row["pupils"] for row in engines.run(year)} == {1: 2, 2: 1, 3: 1}


def test_a_table_with_no_rows_is_one_empty_part_and_still_reads(lake, tmp_path):
    schools = write_three_schools(lake)
    before_any_marks = dt.date(2024, 8, 30)
    snapshot = Snapshot.read(publishing.publish(lake, tmp_path, schools, 2024, before_any_marks, now=NOW))
    (part,) = snapshot.files("reasons")
    assert pq.read_metadata(part).num_rows == 0
    assert engines.run(snapshot.table("reasons").count().name("rows").as_table()) == [{"rows": 0}]


def test_where_files_cannot_be_linked_a_part_is_copied_whole(lake, tmp_path, monkeypatch):
    schools = write_three_schools(lake)
    first = Snapshot.read(publishing.publish(lake, tmp_path, schools, 2024, AS_OF, now=NOW))

    def refused(source, target):
        raise PermissionError(f"no hard links here: {target}")

    monkeypatch.setattr(parts.os, "link", refused)
    again = Snapshot.read(publishing.publish(lake, tmp_path, schools, 2024, AS_OF, now=NOW.replace(hour=7)))
    assert again.manifest.schools_read == 0
    for table in ("cells", "reasons"):
        pairs = list(zip(first.files(table), again.files(table), strict=True))
        assert len(pairs) == 4, table  # the year's, and the week's, half-term's and term's
        for ours, theirs in pairs:
            assert ours.name == theirs.name and ours.stat().st_ino != theirs.stat().st_ino
            assert ours.read_bytes() == theirs.read_bytes()
