"""Measures over the lake as Ibis expressions: DuckDB in-process by default, Apache Spark on request."""
