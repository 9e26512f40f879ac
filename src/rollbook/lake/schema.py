"""Column types of the lake's tables. The partition columns (academic_year, school) live in the path."""

from __future__ import annotations

import pyarrow as pa

PUPILS = pa.schema(
    [
        ("upn", pa.string()),
        ("forename", pa.string()),
        ("surname", pa.string()),
        ("dob", pa.date32()),
        ("sex", pa.string()),  # M or F, as the CTF's Gender
        ("nc_year", pa.int8()),  # Reception 0, Year 7 is 7; null when not following the NC
        ("reg_group", pa.string()),
        ("fsm6", pa.bool_()),
        ("sen", pa.string()),  # N none, K SEN support, E EHC plan
        ("eal", pa.bool_()),
        ("ethnicity", pa.string()),  # DfE main or extended code, e.g. WBRI
        ("admission_date", pa.date32()),
        ("leaving_date", pa.date32()),
    ]
)

MARKS = pa.schema(
    [
        ("upn", pa.string()),
        ("date", pa.date32()),
        ("session", pa.string()),  # AM or PM
        ("code", pa.string()),  # as in the register: "/", "\\", "I", "C1", ...
    ]
)

TABLES = {"pupils": PUPILS, "marks": MARKS}

#: Sort order that makes a partition's bytes depend only on its content.
SORT_KEYS = {
    "pupils": [("upn", "ascending")],
    "marks": [("upn", "ascending"), ("date", "ascending"), ("session", "ascending")],
}
