"""Test helpers are imported as `tests.support.<module>`, never by a bare module name: a bare name works only
while pytest happens to put the importing test's folder on sys.path, and two folders' helpers (or their
conftest.py files) of one name then shadow each other when both run together."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
#: The KS4 results tests' own helpers, still imported by bare name inside their results folders until they
#: move to tests/support.
RESULTS_HELPERS = {"ks4_results", "entries_cohort", "difficulty_cohort", "ks4_files"}


def bare_imports(path: Path, local: set[str]) -> list[str]:
    """The names of local helper modules (or conftest) that `path` imports without a package."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found += [name for name in names if name.split(".")[0] in local]
    return found


def test_no_test_imports_a_helper_by_its_bare_name():
    local = {path.stem for path in TESTS.rglob("*.py") if not path.stem.startswith("test_")} - {"__init__"}
    offending = {
        str(path.relative_to(TESTS)): names
        for path in sorted(TESTS.rglob("*.py"))
        if (names := [
            name for name in bare_imports(path, local)
            if not ("results" in path.parts and name in RESULTS_HELPERS)
        ])
    }  # fmt: skip
    assert offending == {}


def test_the_check_finds_a_bare_import(tmp_path):
    helper = tmp_path / "test_example.py"
    helper.write_text("from registers import pupil\nfrom tests.support.registers import write\nimport os\n")
    assert bare_imports(helper, {"registers", "conftest"}) == ["registers"]
