"""Rollbook: open attendance and results analysis for schools in England."""
