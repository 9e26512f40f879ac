"""docs/public-data.md lists every DfE column name the importer reads, and every field: the mapping page
and the code cannot drift apart."""

from __future__ import annotations

from pathlib import Path

from rollbook.rules.public.fields import COLUMN_NAMES, FIELDS
from rollbook.rules.public.values import MISSING

PAGE = Path(__file__).resolve().parents[3] / "docs" / "public-data.md"


def test_every_column_name_is_on_the_page():
    text = PAGE.read_text(encoding="utf-8")
    assert [row.name for row in COLUMN_NAMES if f"`{row.name}`" not in text] == []


def test_every_field_is_on_the_page():
    text = PAGE.read_text(encoding="utf-8")
    assert [each.key for each in FIELDS if f"`{each.key}`" not in text] == []


def test_every_suppression_code_is_on_the_page():
    text = PAGE.read_text(encoding="utf-8").casefold()
    assert [code for code in MISSING if code and f"`{code}`" not in text] == []
