"""A staff list with a bad line is refused whole, the line and its fault named, and nobody is created."""

from __future__ import annotations

from django.contrib.auth.models import User

from rollbook.web.accounts.models import Invitation, Membership
from tests.support.staff_lists import upload


def test_a_bad_staff_file_is_refused_naming_the_line(world, admin):
    before = (User.objects.count(), Membership.objects.count())
    response = upload(
        admin, "Forename,Surname,Email\nClaire,Jones,cjones@alder.sch.uk\nGeorge,,g@alder.sch.uk\n"
    )
    assert response.status_code == 400
    assert b"Line 3: the surname is blank." in response.content
    assert (User.objects.count(), Membership.objects.count()) == before
    assert not Invitation.objects.exists()
    assert admin.get("/schools/100001/users/import/choose/")["Location"] == "/schools/100001/users/import/"


def test_a_file_without_names_says_which_columns_it_needs(admin):
    response = upload(admin, "Email,Post\nc@alder.sch.uk,Teacher\n")
    assert b"Line 1: the header needs a Forename and Surname column; it has Email, Post." in response.content
