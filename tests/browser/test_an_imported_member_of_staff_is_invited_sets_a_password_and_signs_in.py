"""The whole way in for a new member of staff, in a browser: the school's account administrator uploads the
MIS staff list and goes through the four steps; the invitation email links to /welcome/, where the code the
administrator was shown and a new password open the account; the person then signs in with that password
and sees their school's school-level reports, and nothing of pupils or of another school."""

from __future__ import annotations

import re

from django.contrib.auth.models import User
from playwright.sync_api import expect

from rollbook.web.accounts.models import Membership, Role

STAFF_LIST = (
    "Title,Forename,Surname,Staff Code,Email,Role/Post\n"
    "Ms,Claire,Jones,CJO,CJones@alder.sch.uk,Class Teacher\n"
    "Mr,Craig,Smith,CSM,,Teaching Assistant\n"
)
NEW_PASSWORD = "a walnut ferry in April"


def test_an_imported_member_of_staff_is_invited_sets_a_password_and_signs_in(
    world, page, context, sign_in, sign_in_with_the_form, tmp_path, mailoutbox
):
    head = User.objects.create_user("head@alder.sch.uk")
    Membership.objects.create(user=head, school=world.alder, role=Role.SENIOR_LEADER, account_setup=True)
    staff_list = tmp_path / "staff.csv"
    staff_list.write_text(STAFF_LIST)

    # The administrator: upload, then the four steps.
    sign_in(head)
    page.goto("/schools/100001/users/")
    page.get_by_role("link", name="Create multiple users").click()
    page.get_by_label("Staff list (CSV)").set_input_files(staff_list)
    page.get_by_role("button", name="Import school staff").click()
    expect(page.get_by_text("Step 1 of 4")).to_be_visible()
    page.get_by_label("Create a user for Claire Jones").check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Step 2 of 4")).to_be_visible()
    expect(page.get_by_label("School role for Claire Jones")).to_have_value("teacher")
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Step 3 of 4")).to_be_visible()
    expect(page.get_by_label("School-level reports for Claire Jones")).to_be_checked()
    expect(page.get_by_label("Pupil-level reports for Claire Jones")).not_to_be_checked()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Step 4 of 4")).to_be_visible()
    page.get_by_role("button", name="Create 1 user").click()
    expect(page.get_by_role("heading", name="1 user created")).to_be_visible()
    code = page.locator("code.access-code").inner_text()
    assert re.fullmatch(r"[A-Z2-9]{5}-[A-Z2-9]{5}", code)

    # Claire, on her own computer: the email's link, her username and the code she was handed.
    context.clear_cookies()
    (email,) = mailoutbox
    assert email.to == ["cjones@alder.sch.uk"] and code not in email.body
    welcome = re.search(r"http://\S+/welcome/", email.body).group()
    page.goto(welcome)
    page.get_by_label("Username").fill("cjones@alder.sch.uk")
    page.get_by_label("Access code").fill(code)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Welcome, Claire Jones.")).to_be_visible()
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New password again").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Set password and sign in").click()
    page.wait_for_url("**/schools/100001/")

    # Signed out and in again with the password she chose: her school, school-level reports only.
    page.get_by_role("button", name="Sign out").click()
    sign_in_with_the_form("cjones@alder.sch.uk", NEW_PASSWORD)
    assert page.url.endswith("/schools/100001/")
    page.goto("/schools/100001/attendance/")
    tabs = page.get_by_role("navigation", name="Attendance reports").get_by_role("link")
    expect(tabs).to_have_text(
        [
            "360",
            "Summary",
            "Year groups",
            "Pupil groups",
            "Registration groups",
            "Absence",
            "Weekday",
            "Data check",
        ]  # fmt: skip
    )
    assert page.goto("/schools/100001/attendance/pupil-list/").status == 403
    assert page.goto("/schools/100002/attendance/").status == 404
    assert page.goto("/schools/100001/users/").status == 404
