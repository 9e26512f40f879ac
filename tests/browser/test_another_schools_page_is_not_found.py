"""A member of one school asking for another school's page is told it is not found, in the browser too."""

from __future__ import annotations


def test_another_schools_page_is_not_found(world, page, sign_in):
    sign_in(world.alice)

    assert page.goto("/schools/100001/attendance/").status == 200
    response = page.goto("/schools/100002/attendance/")

    assert response.status == 404
    assert "Birch" not in page.content()
