"""A school that has not imported anything yet gets a plain explanation, not an error."""

from __future__ import annotations

from rollbook.web.schools.models import School


def test_the_page_says_nothing_is_imported_yet(world):
    cedar = School.objects.create(urn=100003, la_code=823, estab=4003, name="Cedar School")
    cedar.memberships.create(user=world.alice)
    response = world.client_for(world.alice).get("/schools/100003/attendance/")
    assert response.status_code == 200
    assert response.templates[0].name == "front/no_data.html"
    assert b"Cedar School" in response.content
