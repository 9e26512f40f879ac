"""MIS exports (CTF and CSV templates) into the lake, with a validation report. Plain Python, no Django."""

from rollbook.ingest.importer import ImportOutcome, import_paths
from rollbook.ingest.problems import Kind, Problem, ValidationReport

__all__ = ["ImportOutcome", "Kind", "Problem", "ValidationReport", "import_paths"]
