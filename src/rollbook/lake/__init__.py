"""Pupil-level facts at rest: Parquet partitions by academic year and school (URN)."""

from rollbook.lake.schema import MARKS, PUPILS, TABLES
from rollbook.lake.store import Lake, PartitionKey

__all__ = ["Lake", "PartitionKey", "MARKS", "PUPILS", "TABLES"]
