"""A sentence appears only when every one of its tests holds: each test failing by as little as it can (the
next quintile in, an interval touching national, entry a hundredth below national, a figure equal to
national where it must be below) keeps the sentence back."""

from __future__ import annotations

import pytest

from rollbook.rules.insight.areas_of_interest import areas_of_interest
from rollbook.rules.insight.sentences import SENTENCES
from tests.support.sentence_figures import YEAR, failing

CASES = [(rule, condition) for rule in SENTENCES for condition in rule.conditions]


@pytest.mark.parametrize(("rule", "condition"), CASES, ids=[f"{r.key}-{c.check.name}" for r, c in CASES])
def test_it_does_not_fire(rule, condition):
    sections = areas_of_interest(failing(rule, condition), YEAR, [rule])
    assert [finding.text for section in sections for finding in section.findings] == []
