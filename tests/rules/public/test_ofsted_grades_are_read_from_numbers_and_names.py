"""An Ofsted grade is read from its number or its name, "Satisfactory" as grade 3; "Unknown" is no grade."""

from __future__ import annotations

import pytest

from rollbook.rules.public.ofsted import read_rating


@pytest.mark.parametrize(
    ("text", "grade"),
    [("1", 1), ("Outstanding", 1), ("good", 2), ("Requires Improvement", 3), ("Satisfactory", 3), ("4", 4)],
)
def test_a_grade(text, grade):
    assert read_rating(text) == grade


@pytest.mark.parametrize("text", ["Unknown", "", "NULL", "Not judged", "9"])
def test_no_grade(text):
    assert read_rating(text) is None


def test_anything_else_is_refused():
    with pytest.raises(ValueError, match="'Excellent' is not an Ofsted grade"):
        read_rating("Excellent")
