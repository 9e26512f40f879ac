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

#: A KS4 result (docs/ks4-measures.md): the subject and qualification by their keys in rules/results, the
#: grade as Rollbook writes it ("5-4", "L2D*", "X" for absent), for the Year 11 pupils of its academic year.
RESULTS = pa.schema(
    [
        ("upn", pa.string()),
        ("subject", pa.string()),  # e.g. "maths", "combined_science"
        ("qualification", pa.string()),  # e.g. "gcse", "gcse_double_award", "btec_tech_award"
        ("grade", pa.string()),
        ("exam_series", pa.date32()),  # the first day of the series' month; null when not given
        ("board", pa.string()),
        ("discount_code", pa.string()),
    ]
)

#: A pupil's KS2 prior attainment: reading and maths as scaled scores (80 to 120) or fine levels (to 2 dp).
PRIOR_ATTAINMENT = pa.schema(
    [
        ("upn", pa.string()),
        ("baseline", pa.string()),  # "KS2 scaled scores" or "KS2 fine levels"
        ("ks2_reading", pa.decimal128(5, 2)),
        ("ks2_maths", pa.decimal128(5, 2)),
    ]
)

#: A score on another baseline a school holds for its pupils (a standardised test, say), the starting point
#: of Rollbook value added where KS2 is missing (docs/ks4-measures.md, "Rollbook value added").
BASELINES = pa.schema(
    [
        ("upn", pa.string()),
        ("baseline", pa.string()),  # the school's name for it, e.g. "CAT4 mean SAS"
        ("score", pa.decimal128(5, 2)),  # 0 to 200
    ]
)

TABLES = {"pupils": PUPILS, "marks": MARKS, "results": RESULTS, "prior_attainment": PRIOR_ATTAINMENT,
          "baselines": BASELINES}  # fmt: skip

#: Sort order that makes a partition's bytes depend only on its content; marks by day first (`files`).
SORT_KEYS = {
    "pupils": [("upn", "ascending")],
    "marks": [("date", "ascending"), ("session", "ascending"), ("upn", "ascending"), ("code", "ascending")],
    "results": [("upn", "ascending"), ("subject", "ascending"), ("qualification", "ascending"),
                ("exam_series", "ascending"), ("grade", "ascending")],
    "prior_attainment": [("upn", "ascending")],
    "baselines": [("upn", "ascending"), ("baseline", "ascending")],
}  # fmt: skip
