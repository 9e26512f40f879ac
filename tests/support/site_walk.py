"""Walking the site: every route of the URL configuration, and each school's objects to fill them with.

Routes are found from the URL configuration itself, so a new route is walked without anyone remembering to
add it; a route with a parameter a walk cannot fill fails its test until it is taught it.
"""

from __future__ import annotations

import re

from django.contrib.auth.models import User
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from rollbook.analytics import reports
from rollbook.web.accounts.invitations import invite
from rollbook.web.exchange.models import ExchangeToken
from rollbook.web.imports.models import ImportRecord, Upload


def routes(patterns=None, prefix: str = ""):
    """Every route of the site as text, the admin's apart (it is the operator's, checked as a whole)."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if str(pattern.pattern) != "admin/":
                yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def filled(route: str, objects: dict[str, list[str] | dict[str, list[str]]]) -> list[str]:
    """The route with each parameter replaced by each of its values; KeyError for one not known. Values
    given by report domain (a report's name) are those of the domain the route names."""
    addresses = [route]
    for parameter in re.findall(r"<(?:\w+:)?(\w+)>", route):
        values = objects[parameter]
        if isinstance(values, dict):
            values = next(names for domain, names in values.items() if f"/{domain}/" in route)
        addresses = [
            re.sub(rf"<(?:\w+:)?{parameter}>", value, address, count=1)
            for address in addresses
            for value in values
        ]
    return ["/" + address for address in addresses]


def objects_of(world, school, member) -> dict[str, list[str] | dict[str, list[str]]]:
    """A school's objects, as URL parameters: its URN, a member, an invitation, an import, an upload and
    an API token; every report by name."""
    newcomer = User.objects.create_user(f"new-{school.urn}", email=f"new{school.urn}@example.org")
    invite(newcomer, school, world.operator)
    record = ImportRecord.objects.create(
        school=school, actor="cli:operator", files=["pupils.csv"], outcome=ImportRecord.LANDED,
        started=timezone.now(),
    )  # fmt: skip
    upload = Upload.objects.create(school=school, user=member, files=["marks.csv"], size=1)
    token, _ = ExchangeToken.make(school, "connector", member)
    return {
        "urn": [str(school.urn)],
        "name": {domain: [report.name for report in reports.of(domain)] for domain in reports.DOMAINS},
        "user_id": [str(member.pk)],
        "pk": [str(newcomer.invitation.pk)],
        "import_id": [str(record.pk)],
        "upload_id": [str(upload.pk)],
        "token_id": [str(token.pk)],
    }
