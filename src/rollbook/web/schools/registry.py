"""Finding and registering schools from what an import's header says about them."""

from __future__ import annotations

from collections.abc import Callable

from rollbook.rules import local_authorities
from rollbook.rules.calendar import SchoolCalendar, england_default
from rollbook.web.schools.models import School


def find_urn(la_code: int, estab: int) -> int | None:
    school = School.objects.filter(la_code=la_code, estab=estab).only("urn").first()
    return school.urn if school else None


def register(urn: int, la_code: int, estab: int, name: str, phase: str = "") -> tuple[School, bool]:
    """The school with this URN, created from the header's details when not seen before."""
    try:
        authority = local_authorities.by_code(la_code)
    except KeyError:  # an LA code we do not list: keep the school, leave its authority blank
        authority = None
    return School.objects.get_or_create(
        urn=urn,
        defaults={
            "la_code": la_code,
            "estab": estab,
            "name": name or f"School {urn}",
            "phase": phase,
            "local_authority": authority.name if authority else "",
            "region": authority.region if authority else "",
        },
    )


def calendar_of(urn: int) -> Callable[[int], SchoolCalendar]:
    """The school's calendar for a given year: its own term dates, or England's defaults if not registered."""
    school = School.objects.filter(urn=urn).prefetch_related("half_terms").first()
    return school.calendar if school is not None else england_default


def consecutive_days_of(urn: int) -> int:
    """The school's threshold for days absent in a row (the default when it is not registered)."""
    school = School.objects.filter(urn=urn).only("consecutive_absence_days").first()
    return (
        school.consecutive_absence_days
        if school
        else School._meta.get_field("consecutive_absence_days").default
    )
