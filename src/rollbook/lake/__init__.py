"""Pupil-level facts at rest: Parquet partitions by academic year and school (URN)."""

from rollbook.lake.schema import BASELINES, MARKS, PRIOR_ATTAINMENT, PUPILS, RESULTS, TABLES
from rollbook.lake.store import Lake, LakeChanged, PartitionKey, Version, new_version_id

__all__ = [
    "Lake",
    "LakeChanged",
    "PartitionKey",
    "Version",
    "new_version_id",
    "BASELINES",
    "MARKS",
    "PRIOR_ATTAINMENT",
    "PUPILS",
    "RESULTS",
    "TABLES",
]
