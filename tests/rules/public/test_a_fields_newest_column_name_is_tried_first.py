"""A field is read from the DfE's newest name for it first; adding a later name is adding a row."""

from __future__ import annotations

from rollbook.rules.public.fields import COLUMN_NAMES, ColumnName, DataSet, column_names, explore_field


def test_attainment_8_has_its_2019_and_later_names_newest_first():
    assert column_names(DataSet.KS4, "attainment8") == ("attainment8_average", "avg_att8", "ATT8SCR")


def test_adding_a_row_adds_a_name(monkeypatch):
    later = ColumnName(DataSet.KS4, "attainment8", "att8_2030", 2030, "a later file")
    monkeypatch.setattr("rollbook.rules.public.fields.COLUMN_NAMES", (*COLUMN_NAMES, later))
    assert column_names(DataSet.KS4, "attainment8")[0] == "att8_2030"


def test_every_column_name_belongs_to_a_field_of_its_data_set():
    from rollbook.rules.public.fields import fields

    for row in COLUMN_NAMES:
        assert row.field in {each.key for each in fields(row.dataset)}, row


def test_an_explore_field_is_named_for_pages():
    assert explore_field("fsm6_rate").label == "FSM6, %"
