"""Report row headings use the words schools use for each pupil group."""

from __future__ import annotations

import pytest

from rollbook.rules.groups import group_label


@pytest.mark.parametrize(
    ("column", "value", "label"),
    [
        ("nc_year", 7, "Year 7"),
        ("nc_year", 0, "Reception"),
        ("sex", "F", "Girls"),
        ("sex", "M", "Boys"),
        ("fsm6", True, "FSM6"),
        ("fsm6", False, "Not FSM6"),
        ("sen", "K", "SEN support"),
        ("sen", "E", "EHC plan"),
        ("sen", "N", "No SEN"),
        ("eal", None, "EAL not known"),
        ("ethnicity", "WBRI", "WBRI"),
        ("ethnicity", None, "Ethnicity not recorded"),
    ],
)
def test_each_group_has_its_everyday_name(column, value, label):
    assert group_label(column, value) == label
