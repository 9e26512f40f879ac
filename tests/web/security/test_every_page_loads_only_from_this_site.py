"""Every kind of page sends a Content-Security-Policy that names no other site and allows no inline script,
so a page with pupils' data can neither load from elsewhere nor run script smuggled into its HTML."""

from __future__ import annotations

import pytest
from django.test import Client

from rollbook.analytics import reports

ATTENDANCE_REPORTS = [report.name for report in reports.of("attendance")]

#: Source expressions that stay on this site. Anything else (a host, a scheme like https:, *) is another's.
OURS = {"'self'", "'none'", "'strict-dynamic'", "'report-sample'"}


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = [part.split() for part in header.split(";") if part.strip()]
    return {name: sources for name, *sources in directives}


def assert_only_this_site(response) -> None:
    assert response.status_code < 500
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    for name, sources in directives.items():
        elsewhere = [s for s in sources if s not in OURS and not s.startswith(("'nonce-", "'sha256-"))]
        assert elsewhere == [], f"{name} allows {elsewhere}"
    for name in ("script-src", "script-src-elem", "script-src-attr"):
        assert "'unsafe-inline'" not in directives.get(name, [])
        assert "'unsafe-eval'" not in directives.get(name, [])
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]


@pytest.mark.parametrize("path", ["/login/", "/no-such-page/"])
def test_pages_for_visitors(world, path):
    assert_only_this_site(Client().get(path))


@pytest.mark.parametrize("name", ATTENDANCE_REPORTS)
def test_every_report_page(world, name):
    assert_only_this_site(world.client_for(world.pam).get(f"/schools/100001/attendance/{name}/"))


@pytest.mark.parametrize(
    "path", ["/", "/schools/100002/attendance/", "/api/v1/docs", "/api/v1/openapi.json", "/two-factor/"]
)
def test_other_signed_in_pages(world, path):
    assert_only_this_site(world.client_for(world.alice).get(path))


def test_the_admin(world):
    assert_only_this_site(world.client_for(world.operator).get("/admin/"))


def test_the_lockout_page(world, settings):
    settings.AXES_ENABLED = True
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post("/login/", {"username": "alice", "password": "wrong guess"})
    assert response.status_code == 429
    assert_only_this_site(response)


def test_the_two_factor_code_page(world):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=world.alice, name="Authenticator app", confirmed=True)
    assert_only_this_site(world.client_for(world.alice).get("/two-factor/code/"))
