"""The DfE's sub-regions ("London Central", "North East A", "South and West Yorkshire") are parts of England's
nine regions."""

from __future__ import annotations

import pytest

from rollbook.rules.public.regions import region_of


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("North East A", "North East"),
        ("North West C", "North West"),
        ("North Yorkshire and The Humber", "Yorkshire and the Humber"),
        ("South and West Yorkshire", "Yorkshire and the Humber"),
        ("London Central", "London"),
        ("London West", "London"),
        ("East of England B", "East of England"),
        ("South East D", "South East"),
        ("west midlands", "West Midlands"),
    ],
)
def test_a_sub_region_is_in_its_region(name, region):
    assert region_of(name) == region


def test_a_name_that_is_no_region_is_refused():
    with pytest.raises(ValueError, match="'Wessex' is not one of England's regions"):
        region_of("Wessex")
