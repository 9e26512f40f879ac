"""Which pupils a measure covers: the filters every report takes, applied to a lake table of pupils."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import ibis.expr.types as ir


@dataclass(frozen=True)
class Filters:
    """Which pupils a measure covers. Each filter is one value or a collection of accepted values; None
    (the default) accepts every pupil."""

    year_groups: int | Collection[int] | None = None
    sex: str | Collection[str] | None = None
    fsm6: bool | None = None
    sen: str | Collection[str] | None = None
    eal: bool | None = None
    ethnicity: str | Collection[str] | None = None
    reg_group: str | Collection[str] | None = None
    upns: str | Collection[str] | None = None

    def by_column(self) -> dict[str, object]:
        """The filters that are set, by the pupils-table column each one tests."""
        columns = {
            "nc_year": self.year_groups,
            "sex": self.sex,
            "fsm6": self.fsm6,
            "sen": self.sen,
            "eal": self.eal,
            "ethnicity": self.ethnicity,
            "reg_group": self.reg_group,
            "upn": self.upns,
        }
        return {column: accepted for column, accepted in columns.items() if accepted is not None}

    def apply(self, pupils: ir.Table) -> ir.Table:
        for column, accepted in self.by_column().items():
            pupils = pupils.filter(pupils[column].isin(accepted_values(accepted)))
        return pupils


def accepted_values(accepted: object) -> list[object]:
    """A filter's accepted values as a list, whether it was given one value or several."""
    single = isinstance(accepted, str | bool | int)
    return [accepted] if single else list(accepted)  # type: ignore[call-overload]
