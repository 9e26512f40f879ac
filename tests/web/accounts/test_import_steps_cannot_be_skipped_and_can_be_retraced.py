"""Every import step checks the ones before it: a step cannot be reached early, an email taken meanwhile
sends the user back to choose again, and Go back keeps what was chosen."""

from __future__ import annotations

from django.contrib.auth.models import User

from tests.support.staff_lists import upload

STEPS = "/schools/100001/users/import/"


def test_no_step_opens_before_a_file_is_uploaded(admin):
    for step in ("choose/", "roles/", "access/", "confirm/"):
        assert admin.get(f"{STEPS}{step}")["Location"] == STEPS


def test_a_step_opens_only_after_the_one_before(admin):
    upload(admin)
    assert admin.get(f"{STEPS}confirm/")["Location"] == f"{STEPS}choose/"
    admin.post(f"{STEPS}choose/", {"chosen-2": "on", "email-2": "galexander@alder.sch.uk"})
    assert admin.get(f"{STEPS}confirm/")["Location"] == f"{STEPS}roles/"
    assert admin.post(f"{STEPS}confirm/")["Location"] == f"{STEPS}roles/"
    assert not User.objects.filter(username="galexander@alder.sch.uk").exists()


def test_choosing_nobody_is_refused(admin):
    upload(admin)
    response = admin.post(f"{STEPS}choose/", {})
    assert response.status_code == 400
    assert b"Choose at least one member of staff." in response.content


def test_a_chosen_person_without_an_email_is_refused(admin):
    upload(admin)
    response = admin.post(f"{STEPS}choose/", {"chosen-0": "on", "email-0": ""})
    assert b"Enter their email: it becomes their username." in response.content


def test_an_email_taken_meanwhile_sends_the_user_back_to_choose(admin):
    upload(admin)
    admin.post(f"{STEPS}choose/", {"chosen-2": "on", "email-2": "galexander@alder.sch.uk"})
    admin.post(f"{STEPS}roles/", {"role-2": "teacher"})
    admin.post(f"{STEPS}access/", {"school_reports-2": "on"})
    User.objects.create_user("galexander@alder.sch.uk")
    response = admin.post(f"{STEPS}confirm/", follow=True)
    assert response.redirect_chain[-1][0] == f"{STEPS}choose/"
    assert "George Alexander: galexander@alder.sch.uk already has an account." in response.content.decode()
    assert User.objects.filter(username="galexander@alder.sch.uk").count() == 1


def test_going_back_keeps_what_was_chosen(admin):
    upload(admin)
    admin.post(f"{STEPS}choose/", {"chosen-2": "on", "email-2": "galexander@alder.sch.uk"})
    admin.post(f"{STEPS}roles/", {"role-2": "senior_leader", "manage_data": "on"})
    page = admin.get(f"{STEPS}roles/")
    assert page.context["form"]["role-2"].value() == "senior_leader"
    assert f'href="{STEPS}choose/"'.encode() in page.content
    assert admin.get(f"{STEPS}choose/").context["form"]["chosen-2"].value() is True
