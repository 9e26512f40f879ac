"""A school's users see their school and nobody else's; being the operator gives no access to pupils' data."""

from __future__ import annotations

import pytest


def test_a_member_sees_their_school(world):
    response = world.client_for(world.alice).get("/schools/100001/attendance/")
    assert response.status_code == 200
    assert b"Alder School" in response.content


@pytest.mark.parametrize("who", ["bob", "carol", "operator"])
def test_anyone_else_is_told_there_is_no_such_page(world, who):
    response = world.client_for(getattr(world, who)).get("/schools/100001/attendance/")
    assert response.status_code == 404
    assert b"Alder School" not in response.content


def test_home_lists_only_the_users_schools(world):
    world.alder.memberships.create(user=world.bob)
    response = world.client_for(world.bob).get("/")
    assert response.status_code == 200
    assert [school.urn for school, _ in response.context["schools"]] == [100001, 100002]
    response = world.client_for(world.carol).get("/")
    assert list(response.context["schools"]) == []
    assert b"not linked to a school" in response.content


def test_a_member_of_one_school_goes_straight_to_it(world):
    response = world.client_for(world.bob).get("/")
    assert response.status_code == 302
    assert response["Location"] == "/schools/100002/"
