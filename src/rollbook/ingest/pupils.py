"""Pupil records as read from a file, and how the CTF and pupils.csv combine when both describe a pupil."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyarrow as pa

from rollbook.ingest.problems import Kind, ValidationReport
from rollbook.lake import PUPILS

#: Values for a pupil whose files say nothing: no FSM history means not FSM6, no SEN history means none.
DEFAULTS = {"fsm6": False, "sen": "N"}


@dataclass(frozen=True)
class PupilRecord:
    """One pupil's values keyed by the PUPILS column names (None where the file gave none), and where they
    came from."""

    values: dict[str, object]
    file: str
    line: int | None = None
    element: str | None = None

    @property
    def upn(self) -> str:
        return str(self.values["upn"])

    @property
    def where(self) -> str:
        return f"line {self.line}" if self.line is not None else str(self.element)

    @property
    def place(self) -> dict[str, object]:
        """Where the record came from, as a Problem takes it."""
        return {"file": self.file, "line": self.line, "element": self.element}

    def row(self) -> dict[str, object]:
        return {name: _or_default(name, self.values.get(name)) for name in PUPILS.names}


def _or_default(name: str, value: object) -> object:
    return DEFAULTS.get(name) if value is None else value


def combine(
    identities: Iterable[PupilRecord], extras: Iterable[PupilRecord], report: ValidationReport
) -> dict[str, PupilRecord]:
    """The batch's pupils by UPN. `identities` (from CTFs) win; `extras` (from pupils.csv) add pupils,
    give reg_group and fill the values a CTF lacks. Where both give a value and they differ, the CTF's is
    kept and the report warns."""
    pupils: dict[str, PupilRecord] = {}
    for record in identities:
        _add(pupils, record, report)
    from_identities = set(pupils)
    for record in extras:
        known = pupils.get(record.upn)
        if known is None or record.upn not in from_identities:
            _add(pupils, record, report)
            continue
        values = dict(known.values)
        for name, value in record.values.items():
            if value is None or value == values.get(name):
                continue
            if values.get(name) is None:
                values[name] = value
            else:
                report.warn(
                    Kind.CONFLICTING_DETAILS,
                    f"{name} is {value!r} here but {values[name]!r} in {known.file}; kept the CTF's",
                    **record.place,
                    upn=record.upn,
                )
        pupils[record.upn] = PupilRecord(values, known.file, known.line, known.element)
    return pupils


def _add(pupils: dict[str, PupilRecord], record: PupilRecord, report: ValidationReport) -> None:
    known = pupils.setdefault(record.upn, record)
    if known is not record and known.values != record.values:
        report.warn(
            Kind.CONFLICTING_DETAILS,
            f"this pupil is also described, differently, at {known.file} {known.where}; kept that one",
            **record.place,
            upn=record.upn,
        )


def pupils_table(records: Iterable[PupilRecord]) -> pa.Table:
    return pa.Table.from_pylist([record.row() for record in records], schema=PUPILS)
