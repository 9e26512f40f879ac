"""The areas a page or command can choose: England, a region, a local authority, or a trust's schools."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

import ibis
import ibis.expr.types as ir

from rollbook.rules.public.regions import region_of


class AreaKind(StrEnum):
    ENGLAND = "england"
    REGION = "region"
    LOCAL_AUTHORITY = "la"
    TRUST = "trust"


@dataclass(frozen=True)
class Area:
    """Trusts are not in the public files: a trust is the set of its schools' URNs, from the schools loaded
    by `rollbook establishments`."""

    kind: AreaKind
    name: str
    code: int | None = None
    urns: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def england(cls) -> Area:
        return cls(AreaKind.ENGLAND, "England")

    @classmethod
    def region(cls, name: str) -> Area:
        """A region by name (any case; a DfE sub-region names its region); ValueError for anything else."""
        return cls(AreaKind.REGION, region_of(name))

    @classmethod
    def local_authority(cls, code: int, name: str = "") -> Area:
        return cls(AreaKind.LOCAL_AUTHORITY, name or f"LA {code}", code=code)

    @classmethod
    def trust(cls, uid: int, name: str, urns: Iterable[int]) -> Area:
        return cls(AreaKind.TRUST, name, code=uid, urns=frozenset(urns))

    def keeps(self, table: ir.Table) -> ir.BooleanValue:
        """Which rows of a table with `urn`, `la_code` and `region` columns are in the area."""
        if self.kind is AreaKind.REGION:
            return table.region == self.name
        if self.kind is AreaKind.LOCAL_AUTHORITY:
            return table.la_code == self.code
        if self.kind is AreaKind.TRUST:
            return table.urn.isin(sorted(self.urns)) if self.urns else ibis.literal(False)
        return ibis.literal(True)
