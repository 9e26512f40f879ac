"""Attendance rules: register codes, the DfE measures, spells of absence and the early warning."""
