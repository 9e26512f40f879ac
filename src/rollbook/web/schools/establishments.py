"""Loading schools, their trusts and local authorities from a CSV of establishments, as "Get Information
about Schools" (GIAS) exports them, so a deployment knows every school before any of them imports.

All or nothing: every line is checked first, and a file with a bad line changes no school.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.db import transaction

from rollbook.rules import local_authorities
from rollbook.web.schools.models import LocalAuthority, School, Trust

#: GIAS's column names for what we keep; header case and spacing are forgiven.
COLUMNS = {
    "urn": "URN",
    "la_code": "LA (code)",
    "la_name": "LA (name)",
    "estab": "EstablishmentNumber",
    "name": "EstablishmentName",
    "phase": "PhaseOfEducation (name)",
    "school_type": "TypeOfEstablishment (name)",
    "region": "GOR (name)",
    "trust_uid": "Trusts (code)",
    "trust_name": "Trusts (name)",
}
REQUIRED = ("urn", "la_code", "estab", "name")


class EstablishmentsError(ValueError):
    """The file cannot be loaded; every problem is listed, by line."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Loaded:
    schools_added: int
    schools_updated: int
    trusts: int
    local_authorities: int


def _key(header: str) -> str:
    return " ".join(header.split()).lower()


def read(text: str, filename: str = "establishments.csv") -> list[dict[str, str]]:
    """The file's rows under our names, or EstablishmentsError naming each bad line and what is wrong."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    found = {_key(header): header for header in reader.fieldnames or []}
    missing = [COLUMNS[name] for name in REQUIRED if _key(COLUMNS[name]) not in found]
    if missing:
        raise EstablishmentsError([f"{filename}: no column called {', '.join(missing)}"])
    rows, problems = [], []
    for line, raw in enumerate(reader, start=2):
        row = {
            name: (raw.get(found.get(_key(column), ""), "") or "").strip() for name, column in COLUMNS.items()
        }
        for name in ("urn", "la_code", "estab"):
            if not row[name].isdigit():
                problems.append(f"{filename} line {line}: {COLUMNS[name]} {row[name]!r} is not a number")
        if row["trust_uid"] and not row["trust_uid"].isdigit():
            problems.append(f"{filename} line {line}: Trusts (code) {row['trust_uid']!r} is not a number")
        if not row["name"]:
            problems.append(f"{filename} line {line}: the school has no name")
        rows.append(row)
    if problems:
        raise EstablishmentsError(problems)
    return rows


@transaction.atomic
def load(rows: list[dict[str, str]]) -> Loaded:
    """Create or update each school, trust and local authority named; other schools are left as they are."""
    trusts = {}
    for row in rows:
        if row["trust_uid"]:
            trusts[int(row["trust_uid"])], _ = Trust.objects.update_or_create(
                uid=int(row["trust_uid"]), defaults={"name": row["trust_name"] or f"Trust {row['trust_uid']}"}
            )
    authorities = set()
    added = updated = 0
    for row in rows:
        la_code = int(row["la_code"])
        try:
            known = local_authorities.by_code(la_code)
        except KeyError:
            known = None
        la_name = row["la_name"] or (known.name if known else f"LA {la_code}")
        LocalAuthority.objects.update_or_create(code=la_code, defaults={"name": la_name})
        authorities.add(la_code)
        _, created = School.objects.update_or_create(
            urn=int(row["urn"]),
            defaults={
                "la_code": la_code,
                "estab": int(row["estab"]),
                "name": row["name"],
                "phase": row["phase"],
                "school_type": row["school_type"],
                "local_authority": la_name,
                "region": row["region"] or (known.region if known else ""),
                "trust": trusts.get(int(row["trust_uid"])) if row["trust_uid"] else None,
            },
        )
        added, updated = added + created, updated + (not created)
    return Loaded(added, updated, len(trusts), len(authorities))
