"""The example connector (examples/sync_connector.py), loaded as a module, and a synthetic school registered
with a token for it to send with: what the connector's tests share."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from rollbook.ingest.ctf import read_ctf
from rollbook.ingest.problems import ValidationReport
from rollbook.web.exchange.models import ExchangeToken
from rollbook.web.schools.models import School

EXAMPLE = Path(__file__).parents[2] / "examples" / "sync_connector.py"


def load_connector() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sync_connector", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def registered_with_token(folder: Path) -> tuple[School, str]:
    """The school whose `rollbook synth` files are in `folder`, registered from its CTF header, and the
    secret of a new API token for it."""
    header = read_ctf(next(folder.glob("*.xml")), ValidationReport()).school
    school = School.objects.create(urn=header.urn, la_code=header.la, estab=header.estab, name=header.name)
    _, token = ExchangeToken.make(school, "connector", None)
    return school, token
