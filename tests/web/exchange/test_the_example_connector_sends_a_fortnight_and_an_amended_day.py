"""The example connector (examples/sync_connector.py), run against a live site, sends a synthetic school's
days one by one and then an amended day: the site then holds exactly the school's marks for those days,
with the amended day's N marks (no reason yet) as I, and says so in its answers."""

from __future__ import annotations

import pytest

from tests.support.connector import load_connector, registered_with_token
from tests.support.syncs import marks_held


@pytest.mark.django_db(transaction=True)
@pytest.mark.slow  # a synthetic fortnight sent day by day to a live server
def test_the_site_holds_exactly_the_days_sent_and_the_amendment(live_server, school_files, lake, capsys):
    folder = school_files / "900001"
    school, token = registered_with_token(folder)
    connector = load_connector()
    mis = connector.School(folder)
    days = mis.school_days()[: connector.DAYS]
    amended_day = days[-connector.AMENDMENT_WINDOW]
    unexplained = sum(mark["code"] == "N" for mark in mis.marks[amended_day])
    assert len(days) == 8 and unexplained > 0  # the fixture's fortnight: 04/09 to 13/09/2024

    assert connector.main([str(folder), "--server", live_server.url, "--token", token]) == 0

    said = capsys.readouterr().out.splitlines()
    assert len(said) == len(days) + 2
    assert all(": 200: " in line for line in said)
    assert f"marks 0 added, {unexplained} changed, 0 removed" in said[len(days)]
    explained = {"N": "I"}
    assert marks_held(lake, school.urn) == {
        (
            mark["upn"],
            day,
            mark["session"],
            explained.get(mark["code"], mark["code"]) if day == amended_day else mark["code"],
        )
        for day in days
        for mark in mis.marks[day]
    }
