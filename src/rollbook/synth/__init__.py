"""Realistic synthetic secondary schools: pupils, registers and the files a school's MIS would export."""

from __future__ import annotations

from rollbook.synth.national import generate_schools, write_schools
from rollbook.synth.school_year import SchoolYear, generate_school
from rollbook.synth.schools import SchoolInfo

__all__ = ["SchoolInfo", "SchoolYear", "generate_school", "generate_schools", "write_schools"]
