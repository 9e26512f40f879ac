"""The scatterplot plots every school with both figures chosen, and picks out the school searched for by
name or URN; schools matching besides are offered as links."""

from __future__ import annotations


def picked(response) -> list[int]:
    return [row["urn"] for row in response.context["chart"]["data"]["values"] if row["picked"]]


def test_a_school_found_by_part_of_its_name(world, public_data):
    response = world.client_for(world.carol).get("/explore/scatter/?find=michaela&x=fsm6_rate&y=progress8")
    assert picked(response) == [140862]
    assert "Picked out: <strong>Michaela Community School</strong>" in response.content.decode()


def test_a_school_found_by_its_urn_and_others_offered(world, public_data):
    client = world.client_for(world.carol)
    assert picked(client.get("/explore/scatter/?find=140862")) == [140862]
    several = client.get("/explore/scatter/?area=region:London&find=grammar")
    assert len(picked(several)) == 1
    assert "other school" in several.content.decode()


def test_every_school_with_both_figures_is_plotted(world, public_data):
    response = world.client_for(world.carol).get("/explore/scatter/?x=fsm6_rate&y=attainment8")
    schools = response.context["found"].schools
    both = [
        row
        for row in schools
        if row.measures["fsm6_rate"] is not None and row.measures["attainment8"] is not None
    ]
    assert len(response.context["chart"]["data"]["values"]) == len(both) == response.context["plotted"]
