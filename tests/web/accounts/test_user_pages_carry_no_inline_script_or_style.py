"""The user and welcome pages hold no inline script, style or event handler, so a strict content security
policy can forbid them all."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.support.staff_lists import upload

INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


def assert_no_inline(response) -> None:
    assert response.status_code == 200
    assert INLINE.findall(response.content.decode()) == []


@pytest.mark.parametrize("page", ["", "new/", "import/", "pending/", "import/choose/"])
def test_the_user_pages(admin, world, invited, page):
    upload(admin)
    assert_no_inline(admin.get(f"/schools/100001/users/{page}"))


def test_the_pages_after_step_one(admin):
    upload(admin)
    admin.post(
        "/schools/100001/users/import/choose/", {"chosen-2": "on", "email-2": "galexander@alder.sch.uk"}
    )
    for step, answer in (("roles", {"role-2": "teacher"}), ("access", {"school_reports-2": "on"})):
        assert_no_inline(admin.get(f"/schools/100001/users/import/{step}/"))
        admin.post(f"/schools/100001/users/import/{step}/", answer)
    assert_no_inline(admin.get("/schools/100001/users/import/confirm/"))
    assert_no_inline(admin.post("/schools/100001/users/import/confirm/"))


@pytest.mark.parametrize("page", ["/welcome/", "/password-reset/", "/password-reset/sent/", "/login/"])
def test_the_pages_for_visitors(world, page):
    assert_no_inline(Client().get(page))
