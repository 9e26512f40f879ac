"""Which version of Rollbook's code worked a figure out: what a remembered report answer and a snapshot's
kept counts are keyed by, so that after an upgrade neither is taken for the new code's."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

#: The package's own folder: its Python sources and its page templates.
SOURCE = Path(__file__).parents[1]


@functools.cache
def code_version() -> str:
    """A digest of Rollbook's sources and templates, each by its place in the package and its bytes."""
    digest = hashlib.sha256()
    for path in sorted([*SOURCE.rglob("*.py"), *SOURCE.rglob("*.html")]):
        digest.update(str(path.relative_to(SOURCE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]
