"""Subjects and qualifications are found by the names MIS exports use, whatever their case and
punctuation; an unknown name is refused with the nearest names."""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.rules.results.exam_result import exam_series_date
from rollbook.rules.results.qualifications import UnknownQualification, qualification
from rollbook.rules.results.subjects import Pillar, Science, UnknownSubject, subject


@pytest.mark.parametrize(
    ("name", "key"),
    [("Maths", "maths"), ("MATHEMATICS", "maths"), ("English Lang", "english_language"),
     ("eng lit", "english_literature"), ("Combined Science: Trilogy", "combined_science"),
     ("combined science - synergy", "combined_science"), ("Art & Design", "art_and_design"),
     ("GCSE History", "history"), ("  french  ", "french"), ("Religious Studies", "religious_studies"),
     ("Food Preparation & Nutrition", "food_preparation"), ("PE", "physical_education")],
)  # fmt: skip
def test_a_subject_is_found_by_an_everyday_name(name, key):
    assert subject(name).key == key


def test_subjects_carry_their_ebacc_pillar_and_science_route():
    assert subject("Geography").pillar is Pillar.HUMANITIES
    assert subject("Computer Science").science is Science.SINGLE
    assert subject("Spanish").pillar is Pillar.LANGUAGES
    assert subject("Drama").pillar is Pillar.NONE


def test_an_unknown_subject_names_the_nearest():
    with pytest.raises(UnknownSubject, match=r"unknown subject 'Mathz'; did you mean Mathematics"):
        subject("Mathz")


@pytest.mark.parametrize(
    ("name", "key"),
    [("GCSE", "gcse"), ("GCSE (9-1)", "gcse"), ("gcse 9-1", "gcse"),
     ("GCSE (9-1) double award", "gcse_double_award"),
     ("BTEC Tech Award", "btec_tech_award"), ("Cambridge Nationals", "cambridge_national"),
     ("GCSE (A*-G)", "gcse_legacy")],
)  # fmt: skip
def test_a_qualification_is_found_as_exports_write_it(name, key):
    assert qualification(name).key == key


def test_an_unknown_qualification_names_the_nearest():
    with pytest.raises(UnknownQualification, match=r"did you mean BTEC Tech Award"):
        qualification("BTEC Tech Awrd")


def test_an_exam_series_is_read_as_its_month():
    assert exam_series_date("June 2019") == dt.date(2019, 6, 1)
    assert exam_series_date("Summer 2019") == dt.date(2019, 6, 1)
    assert exam_series_date("2018 November") == dt.date(2018, 11, 1)
    assert exam_series_date("06/2019") == dt.date(2019, 6, 1)
