"""A GIAS establishments CSV loads schools with their trust and local authority, all or nothing."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from rollbook.cli import app
from rollbook.web.schools.establishments import EstablishmentsError, load, read
from rollbook.web.schools.models import LocalAuthority, School, Trust

GIAS = """\ufeffURN,LA (code),LA (name),EstablishmentNumber,EstablishmentName,TypeOfEstablishment (name),\
PhaseOfEducation (name),GOR (name),Trusts (code),Trusts (name)
137001,823,Central Bedfordshire,4001,Alder Academy,Academy converter,Secondary,East of England,5001,Oak Trust
137002,823,Central Bedfordshire,4002,Beech Academy,Academy converter,Secondary,East of England,5001,Oak Trust
110003,202,Camden,4003,Cedar School,Community school,Secondary,London,,
"""


def test_schools_come_with_their_trust_and_authority(db):
    loaded = load(read(GIAS))
    assert (loaded.schools_added, loaded.schools_updated, loaded.trusts, loaded.local_authorities) == (
        3,
        0,
        1,
        2,
    )
    oak = Trust.objects.get(uid=5001)
    assert sorted(oak.schools.values_list("urn", flat=True)) == [137001, 137002]
    cedar = School.objects.get(urn=110003)
    assert (cedar.trust, cedar.dfe_number, cedar.school_type, cedar.region) == (
        None,
        "202/4003",
        "Community school",
        "London",
    )
    assert sorted(LocalAuthority.objects.get(code=823).schools.values_list("urn", flat=True)) == [
        137001,
        137002,
    ]


def test_loading_again_updates_instead_of_duplicating(db):
    load(read(GIAS))
    loaded = load(read(GIAS.replace("Beech Academy", "Beech Hill Academy")))
    assert (loaded.schools_added, loaded.schools_updated) == (0, 3)
    assert School.objects.get(urn=137002).name == "Beech Hill Academy"


def test_a_bad_line_is_named_and_nothing_is_loaded(db):
    broken = GIAS.replace("137002,823", "13700X,823").replace("Cedar School", "")
    with pytest.raises(EstablishmentsError) as refused:
        read(broken, "gias.csv")
    assert refused.value.problems == [
        "gias.csv line 3: URN '13700X' is not a number",
        "gias.csv line 4: the school has no name",
    ]
    assert not School.objects.exists()


def test_the_command_loads_a_file_or_explains_why_not(db, tmp_path):
    good = tmp_path / "gias.csv"
    good.write_text(GIAS, encoding="utf-8")
    result = CliRunner().invoke(app, ["establishments", str(good)])
    assert result.exit_code == 0 and "3 schools added" in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text("URN,Name\n1,x\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["establishments", str(bad)])
    assert result.exit_code == 1 and "no column called LA (code), EstablishmentNumber" in result.output
