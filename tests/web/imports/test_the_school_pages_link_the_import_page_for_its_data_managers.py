"""A school's report pages, and the page of a school with no data yet, link its import page for those who
manage its data there, and for nobody else."""

from __future__ import annotations

from rollbook.web.accounts.models import Membership
from rollbook.web.schools.models import School
from tests.support.uploads import PAGE

LINK = f'<a href="{PAGE}">Imports</a>'


def test_the_report_pages_link_imports_for_data_managers_only(world):
    assert LINK in world.client_for(world.dora).get("/schools/100001/attendance/").content.decode()
    for user in (world.alice, world.pam, world.trudy, world.lara):
        assert "/imports/" not in world.client_for(user).get("/schools/100001/attendance/").content.decode()


def test_a_school_with_no_data_yet_links_its_import_page(world):
    new = School.objects.create(urn=100003, la_code=823, estab=4003, name="Cedar School")
    Membership.objects.create(user=world.dora, school=new, manage_data=True)
    Membership.objects.create(user=world.alice, school=new)
    page = world.client_for(world.dora).get("/schools/100003/attendance/").content.decode()
    assert '<a href="/schools/100003/imports/">Import</a> a Common Transfer File' in page
    assert (
        "/imports/" not in world.client_for(world.alice).get("/schools/100003/attendance/").content.decode()
    )
