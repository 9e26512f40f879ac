"""A family's settings are in the page's address: the address FamilySettings.query() writes opens the same
family as the analytics give, and the page's own controls (a region ticked, a distance) choose the same
family as the filters written out."""

from __future__ import annotations

from rollbook.analytics.public.similar import family
from rollbook.rules.public.family import FamilySettings

MICHAELA = 140862


def urns(response) -> list[int]:
    return [row["member"].urn for row in response.context["members"]]


def test_the_address_of_a_family_opens_that_family(world, public_data):
    settings = FamilySettings.choose(MICHAELA, 2019, ["FSM6, %", "EAL, %"], ["Distance=10"], top=5)
    response = world.client_for(world.carol).get(f"/explore/similar/?{settings.query()}")
    assert response.status_code == 200
    assert urns(response) == [member.urn for member in family(settings).members]
    assert len(urns(response)) == 6 and urns(response)[0] == MICHAELA


def test_the_pages_controls_choose_the_same_family_as_filters_written_out(world, public_data):
    client = world.client_for(world.carol)
    ticked = client.get(f"/explore/similar/?school={MICHAELA}&region=London&region=South+East&distance=15")
    written = FamilySettings.choose(MICHAELA, 2019, filters=["Region=London|South East", "Distance=15"])
    assert urns(ticked) == [member.urn for member in family(written).members]
    assert "only Region=London|South East; Distance=15" in ticked.content.decode()


def test_a_name_typed_lists_the_schools_to_choose_from(world, public_data):
    page = world.client_for(world.carol).get("/explore/similar/?school=michaela").content.decode()
    assert f"school={MICHAELA}" in page and "Michaela Community School" in page
