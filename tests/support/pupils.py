"""The one builder of a pupil as the lake holds them (the `pupils` table's row), for every test world."""

from __future__ import annotations

import datetime as dt


def pupil(
    upn: str,
    *,
    forename: str = "Pat",
    surname: str | None = None,
    dob: dt.date | str | None = dt.date(2012, 3, 1),
    sex: str = "F",
    nc_year: int | None = 8,
    reg_group: str | None = "8A",
    fsm6: bool = False,
    sen: str = "N",
    eal: bool = False,
    ethnicity: str | None = "WBRI",
    admission_date: dt.date | str | None = dt.date(2023, 9, 1),
    leaving_date: dt.date | str | None = None,
) -> dict[str, object]:
    """A Year 8 girl in 8A, on roll since 01/09/2023, called Pat and her UPN, with no FSM6, SEN or EAL,
    unless a keyword says otherwise. Only the table's own attributes are accepted, so a typo fails."""
    return {
        "upn": upn,
        "forename": forename,
        "surname": upn if surname is None else surname,
        "dob": dob,
        "sex": sex,
        "nc_year": nc_year,
        "reg_group": reg_group,
        "fsm6": fsm6,
        "sen": sen,
        "eal": eal,
        "ethnicity": ethnicity,
        "admission_date": admission_date,
        "leaving_date": leaving_date,
    }
