"""Whoever sets up a school's accounts without seeing its reports still finds the school's user pages from
the home page, rather than being told their account is linked to no school."""

from __future__ import annotations

from django.contrib.auth.models import User

from rollbook.web.accounts.models import Membership, Role


def test_an_administrator_without_report_access_reaches_the_user_pages_from_home(world):
    admin = User.objects.create_user("office@alder.sch.uk")
    Membership.objects.create(
        user=admin, school=world.alder, role=Role.DATA_MANAGER, account_setup=True, school_reports=False
    )

    response = world.client_for(admin).get("/")

    assert response.status_code == 200
    page = response.content.decode()
    assert 'href="/schools/100001/users/"' in page
    assert "/schools/100001/attendance/" not in page
    assert "not linked to a school" not in page


def test_one_school_with_reports_still_opens_straight_away(world):
    assert world.client_for(world.dora).get("/")["Location"] == "/schools/100001/"
