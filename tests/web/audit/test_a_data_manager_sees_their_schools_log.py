"""A school's data manager sees its audit log (its pupil-level reads, its staff's sign-ins, its permission
changes) and downloads it; nobody else's, and other staff not at all."""

from __future__ import annotations

import csv
import io

from django.test import Client

from rollbook.web.audit.models import AccessRecord
from tests.support.worlds import PASSWORD

LOG = "/schools/100001/audit/"


def test_the_log_shows_the_schools_reads_and_its_staffs_sign_ins(world):
    world.client_for(world.pam).get("/schools/100001/attendance/pupil-list/")
    Client().post("/login/", {"username": "pam", "password": PASSWORD})
    Client().post("/login/", {"username": "alice", "password": "a guess"})
    Client().post("/login/", {"username": "bob", "password": PASSWORD})  # Birch's: not Alder's business
    Client().post("/login/", {"username": "bob", "password": "a guess"})
    page = world.client_for(world.dora).get(LOG)
    assert page.status_code == 200
    shown = {(record.actor, record.what) for record in page.context["page"]}
    assert ("pam", "attendance pupil-list (page)") in shown
    assert ("pam", "signed in") in shown
    assert ("alice", "failed sign-in as 'alice'") in shown
    assert not any(actor == "bob" for actor, _ in shown)


def test_the_log_downloads_as_csv(world):
    world.client_for(world.pam).get("/schools/100001/attendance/pupil-list/", {"format": "csv"})
    response = world.client_for(world.dora).get(LOG, {"kind": "read", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(row["who"], row["what"], row["kind"]) for row in rows] == [
        ("pam", "attendance pupil-list (csv)", "Pupil-level read")
    ]
    assert rows[0]["when"][2] == "/" and rows[0]["school URN"] == "100001"


def test_other_staff_and_other_schools_get_nothing(world):
    for user in (world.alice, world.pam, world.bob, world.carol, world.operator, world.trudy):
        assert world.client_for(user).get(LOG).status_code == 404, user
    assert world.client_for(world.dora).get("/schools/100002/audit/").status_code == 404


def test_the_operator_exports_the_whole_log_from_the_admin(world):
    world.client_for(world.pam).get("/schools/100001/attendance/pupil-list/")
    selected = list(AccessRecord.objects.values_list("pk", flat=True))
    response = world.client_for(world.operator).post(
        "/admin/audit/accessrecord/", {"action": "export_csv", "_selected_action": selected}
    )
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == len(selected) and any(row["what"] == "attendance pupil-list (page)" for row in rows)


def test_report_pages_link_the_users_and_audit_pages_for_those_who_may_open_them(world):
    dora = world.client_for(world.dora).get("/schools/100001/attendance/").content.decode()
    assert 'href="/schools/100001/users/"' in dora and 'href="/schools/100001/audit/"' in dora
    alice = world.client_for(world.alice).get("/schools/100001/attendance/").content.decode()
    assert "/users/" not in alice and "/audit/" not in alice
