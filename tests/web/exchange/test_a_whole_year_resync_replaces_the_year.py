"""A full re-extract of the year over the API replaces everything held for the school's year: here the
web world's two pupils and their September week give way to the one pupil and the days sent."""

from __future__ import annotations

from rollbook.lake import PartitionKey
from tests.support.sync_client import send
from tests.support.syncs import ANN, MONDAY, marks, marks_held, pupil


def test_the_year_is_replaced(world, alder_token):
    year = {"scope": "year", "academic_year": "2024/25", "pupils": [pupil(ANN)], "marks": marks(ANN, "/\\")}

    answer = send(world.alder.urn, year, alder_token).json()

    assert (answer["scope"], answer["from"], answer["to"]) == ("year", "2024-08-01", "2025-07-31")
    counts = answer["counts"]
    assert (counts["pupils_added"], counts["pupils_removed"]) == (1, 2)
    assert (counts["marks_added"], counts["marks_removed"]) == (2, 20)
    assert marks_held(world.lake) == {(ANN, MONDAY, "AM", "/"), (ANN, MONDAY, "PM", "\\")}
    assert world.lake.read(PartitionKey("pupils", 2024, world.alder.urn))["upn"].to_pylist() == [ANN]
