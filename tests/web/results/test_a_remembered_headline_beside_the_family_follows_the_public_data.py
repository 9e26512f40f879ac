"""A KS4 headline beside the school's public family is remembered only until the public data changes: the
family's figures after a new import are the new ones."""

from __future__ import annotations

from rollbook import config
from rollbook.analytics.results import national
from tests.support.ks4 import write_ks4_nation
from tests.support.public_world import sly_school
from tests.support.public_world import world as public_world

HEADLINE = "/schools/100001/ks4/"


def test_the_familys_figures_follow_a_new_import(world, data_dir):
    write_ks4_nation(world.lake)
    national.publish(world.lake, config.ks4_national_root())
    sly = [sly_school(100001, 20, 500), sly_school(200001, 22, 100)]
    client = world.client_for(world.alice)

    for attainment8 in (40.0, 50.0):
        public_world(data_dir, [{"urn": 200001, "ks4_pupils": 100, "attainment8": attainment8}], sly=sly)
        data = client.get(HEADLINE, {"beside": "family", "format": "json"}).json()
        assert data["national_measures"]["attainment8"] == attainment8
