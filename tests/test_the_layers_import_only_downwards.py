"""The packages import only downwards (rules at the bottom, the web and the CLI at the top), and no web app
imports another that imports it back, directly or round a longer circle. Read from the source's own imports
(migrations aside: Django writes them)."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import rollbook

SOURCE = Path(rollbook.__file__).parent

#: What each package may import of Rollbook besides itself. The web's apps and the CLI sit above all these.
ALLOWED = {
    "config": set(),
    "rules": set(),
    "lake": {"config", "rules"},
    "output": {"rules"},
    "charts": {"config", "rules"},
    "ingest": {"config", "lake", "rules"},
    "analytics": {"charts", "config", "lake", "output", "rules"},
    "synth": {"config", "rules"},
}
#: Python's own tooling and pure-Python libraries the domain rules may use; nothing of a framework.
RULES_MAY_NOT_IMPORT = ("django", "ibis", "duckdb", "pyarrow", "pyspark", "ninja")


def unit(module: str) -> str:
    """The room a module belongs to: a top-level package, or a web app as "web.NAME"."""
    parts = module.split(".")
    if parts[:2] == ["rollbook", "web"] and len(parts) > 2:
        return f"web.{parts[2]}"
    return parts[1] if len(parts) > 1 else "rollbook"


def imports() -> dict[str, set[str]]:
    """Each room's imports of other rooms of Rollbook, and of outside packages under "outside:NAME"."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in SOURCE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        here = unit(".".join(("rollbook", *path.relative_to(SOURCE).with_suffix("").parts)))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
                if node.module in ("rollbook", "rollbook.web"):
                    names = [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                there = unit(name) if name.startswith("rollbook.") else f"outside:{name.split('.')[0]}"
                if there != here:
                    found[here].add(there)
    return found


def test_each_package_imports_only_the_layers_beneath_it():
    found = imports()
    against = {
        room: sorted(
            other for other in found[room] if not other.startswith("outside:") and other not in allowed
        )
        for room, allowed in ALLOWED.items()
    }
    assert {room: others for room, others in against.items() if others} == {}


def test_the_domain_rules_use_no_framework():
    outside = {name.removeprefix("outside:") for name in imports()["rules"] if name.startswith("outside:")}
    assert outside.isdisjoint(RULES_MAY_NOT_IMPORT), sorted(outside & set(RULES_MAY_NOT_IMPORT))


def test_no_web_app_imports_round_a_circle():
    found = imports()
    apps = {room: {other for other in found[room] if other.startswith("web.")} for room in found}
    circles = []

    def visit(room: str, path: list[str]) -> None:
        for other in sorted(apps.get(room, ())):
            if other == path[0]:
                circles.append([*path, other])
            elif other not in path and other > path[0]:  # each circle once, from its smallest room
                visit(other, [*path, other])

    for room in sorted(apps):
        visit(room, [room])
    assert circles == []
