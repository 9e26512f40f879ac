"""When the staff list says who is a teacher, step 1 can show only them, and only those shown are chosen."""

from __future__ import annotations

from tests.support.staff_lists import upload

CHOOSE = "/schools/100001/users/import/choose/"


def test_only_teachers_are_shown_when_asked(admin, adam):
    upload(admin)
    assert b"Show only teachers" in admin.get(CHOOSE).content
    page = admin.get(f"{CHOOSE}?show=teachers")
    assert [choice.member.name for choice, _ in page.context["form"].lines()] == [
        "Claire Jones",
        "George Alexander",
    ]


def test_staff_hidden_by_the_filter_are_not_chosen(admin, adam):
    upload(admin)
    admin.post(CHOOSE, {"chosen-0": "on", "email-0": "csmith@alder.sch.uk"})
    admin.post(f"{CHOOSE}?show=teachers", {"chosen-2": "on", "email-2": "galexander@alder.sch.uk"})
    chosen = admin.get("/schools/100001/users/import/roles/").context["form"].rows
    assert [choice.member.name for choice in chosen.values()] == ["George Alexander"]


def test_there_is_no_filter_when_the_file_has_no_posts(admin):
    upload(admin, "Forename,Surname\nClaire,Jones\n")
    assert b"Show only teachers" not in admin.get(CHOOSE).content
