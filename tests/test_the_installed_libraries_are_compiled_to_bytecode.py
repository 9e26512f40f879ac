"""The environment `uv sync` and `uv run` install holds compiled bytecode for the libraries every process
loads (pyproject's `[tool.uv] compile-bytecode`), so no process recompiles them at start; this machine sets
PYTHONDONTWRITEBYTECODE, which would otherwise make every start compile them again."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import django.db.models
import ibis.expr.types
import pytest


@pytest.mark.parametrize("module", [django.db.models, ibis.expr.types], ids=lambda module: module.__name__)
def test_each_library_module_has_its_bytecode_beside_it(module):
    compiled = Path(importlib.util.cache_from_source(module.__file__))
    assert compiled.is_file(), f"{compiled} is missing: install with `uv sync` (compile-bytecode)"
    assert compiled.stat().st_mtime >= Path(module.__file__).stat().st_mtime
