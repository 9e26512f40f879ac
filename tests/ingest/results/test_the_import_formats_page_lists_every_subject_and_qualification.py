"""docs/import-formats.md lists every subject and qualification results.csv takes, with every name each is
also taken by, exactly as the KS4 rules know them: the page and the code are kept in step."""

from __future__ import annotations

import re
from pathlib import Path

from rollbook.rules.results.qualifications import QUALIFICATIONS
from rollbook.rules.results.subjects import SUBJECTS

PAGE = Path(__file__).parents[3] / "docs" / "import-formats.md"
ROW = re.compile(r"^\| (.+?) \| `(\w+)` \| (.+?) \|", re.MULTILINE)


def listed() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each row of the page's subject and qualification tables: key to (name, also accepted)."""
    return {
        key: (name, tuple(alias for alias in also.split("; ") if alias != "–"))
        for name, key, also in ROW.findall(PAGE.read_text(encoding="utf-8"))
    }


def test_every_subject_and_qualification_is_listed_with_its_names():
    known = {each.key: (each.name, each.aliases) for each in (*SUBJECTS, *QUALIFICATIONS)}
    assert listed() == known
