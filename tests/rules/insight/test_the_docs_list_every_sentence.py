"""docs/curriculum-and-insight.md lists every sentence rule as the rows hold it, and every measure, so the
page and the rules cannot drift apart: a row or measure added, changed or removed fails here until the page
follows."""

from __future__ import annotations

from pathlib import Path

from rollbook.rules.insight.figures import MEASURES
from rollbook.rules.insight.sentences import SENTENCES, Among, SentenceRule

PAGE = Path(__file__).resolve().parents[3] / "docs" / "curriculum-and-insight.md"


def row(rule: SentenceRule) -> str:
    tests = "; ".join(f"`{c.measure}` {c.check}" for c in rule.conditions)
    if rule.among is not Among.ALL:
        tests += f" ({rule.among} only)"
    years = str(rule.years) + (f", replaces {', '.join(rule.supersedes)}" if rule.supersedes else "")
    return f"| `{rule.key}` | {rule.section} | {tests} | {years} | {rule.words} |"


def table() -> str:
    head = "| Rule | Section | Tests | Years | Words |\n|---|---|---|---|---|\n"
    return head + "\n".join(row(rule) for rule in SENTENCES) + "\n"


def test_the_page_holds_the_table_of_sentences():
    assert table() in PAGE.read_text(encoding="utf-8")


def test_the_page_names_every_measure():
    for measure in MEASURES.values():
        assert f"| `{measure.key}` | {measure.name} | {measure.items} |" in PAGE.read_text(encoding="utf-8")
