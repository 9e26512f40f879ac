"""The example connector (examples/sync_connector.py), run against a live site, sends a synthetic school's
days one by one and then an amended day: the site then holds exactly the school's marks for those days,
with the amended day's N marks (no reason yet) as I, and says so in its answers."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from rollbook.ingest.ctf import read_ctf
from rollbook.ingest.problems import ValidationReport
from rollbook.web.exchange.models import ExchangeToken
from rollbook.web.schools.models import School
from syncs import marks_held

EXAMPLE = Path(__file__).parents[3] / "examples" / "sync_connector.py"


def load_connector():
    spec = importlib.util.spec_from_file_location("sync_connector", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.django_db(transaction=True)
def test_the_site_holds_exactly_the_days_sent_and_the_amendment(live_server, school_files, lake, capsys):
    folder = school_files / "900001"
    header = read_ctf(next(folder.glob("*.xml")), ValidationReport()).school
    school = School.objects.create(urn=header.urn, la_code=header.la, estab=header.estab, name=header.name)
    _, token = ExchangeToken.make(school, "connector", None)
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
