"""A family's settings are written into a page's address and read back to the same settings, so a family
can be bookmarked and shared."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest

from rollbook.rules.public.family import FamilySettings


def test_every_setting_makes_the_round_trip():
    settings = FamilySettings.choose(
        140862,
        2019,
        criteria=["fsm6, %", "EAL, %", "KS4 pupils, 2019"],
        filters=["Region=London|South East", "Distance=..15", "Attainment 8, 2019=40..60"],
        shown=["School type", "Progress 8, 2019"],
        top=8,
    )
    assert FamilySettings.from_query(settings.query()) == settings
    assert FamilySettings.from_query("?" + settings.query()) == settings


def test_the_address_names_each_setting_plainly():
    settings = FamilySettings.choose(140862, 2019, criteria=["FSM6, %"], filters=["Distance=10"], top=5)
    assert parse_qsl(settings.query()) == [
        ("school", "140862"),
        ("year", "2019"),
        ("criteria", "FSM6, %"),
        ("filter", "Distance=10"),
        ("top", "5"),
    ]


def test_without_criteria_the_tools_defaults_are_used_and_shown():
    settings = FamilySettings.choose(140862, 2019)
    assert settings.criteria == (
        "FSM6, %",
        "EAL, %",
        "KS4 pupils, 2019",
        "Prior (KS2) attainment, 2019",
        "Income, 2019",
    )
    assert settings.displayed[:3] == ("DfE number", "Local authority", "School type")
    assert settings.displayed[-2:] == ("EAL, %", "Income, 2019")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("year=2019", "needs a school URN and a year"),
        ("school=1&year=2019&criteria=Region", "'Region' is not a figure"),
        ("school=1&year=2019&top=0", "from 1 to 500 schools"),
        ("school=1&year=2019&filter=Wibble%3D1", "has no field 'Wibble'"),
    ],
)
def test_an_address_that_cannot_be_read_says_why(query, message):
    with pytest.raises(ValueError, match=message):
        FamilySettings.from_query(query)
