"""Staff who already have an account are listed as existing users and cannot be chosen again."""

from __future__ import annotations

from django.contrib.auth.models import User

from tests.support.staff_lists import upload

CHOOSE = "/schools/100001/users/import/choose/"


def test_existing_users_are_counted_and_not_offered(admin, adam):
    upload(admin)
    page = admin.get(CHOOSE)
    assert b"Existing users (1)" in page.content
    assert b"adam@alder.sch.uk" in page.content
    offered = [choice.member.name for choice, _ in page.context["form"].lines()]
    assert offered == ["Craig Smith", "Claire Jones", "George Alexander"]


def test_a_chosen_email_that_already_has_an_account_is_refused(admin, adam):
    upload(admin)
    users = User.objects.count()
    response = admin.post(CHOOSE, {"chosen-0": "on", "email-0": "ADAM@alder.sch.uk"})
    assert response.status_code == 400
    assert b"adam@alder.sch.uk already has an account." in response.content
    assert User.objects.count() == users


def test_the_existing_users_row_cannot_be_smuggled_in(admin, adam):
    upload(admin)
    admin.post(CHOOSE, {"chosen-1": "on", "email-1": "cjones@alder.sch.uk", "chosen-3": "on"})
    chosen = admin.get("/schools/100001/users/import/roles/").context["form"].rows
    assert [choice.member.name for choice in chosen.values()] == ["Claire Jones"]
