"""For 2024/25, which has no KS2 and so no Progress 8, a school that supplied another baseline sees Rollbook
value added on its KS4 headline, in a block under the rule's label, never called Progress 8 and never among
the headline measures; its pupils report gives each pupil's in columns of its own and the downloads."""

from __future__ import annotations

import csv
import io
import re

import pytest

from rollbook import config
from rollbook.analytics.results import national
from tests.support.ks4_baselines import CAT4, upn, write_baseline_nation

HEADLINE, PUPILS = "/schools/100001/ks4/headline/", "/schools/100001/ks4/pupils/"
LABEL = "Rollbook value added (not Progress 8)"


@pytest.fixture
def baseline_world(world):
    write_baseline_nation(world.lake)
    national.publish(world.lake, config.ks4_national_root())
    return world


def test_the_headline_shows_the_labelled_block_and_no_progress8(baseline_world):
    client = baseline_world.client_for(baseline_world.alice)

    page = client.get(HEADLINE).content.decode()

    (block,) = re.findall(r'<section class="value-added".*?</section>', page, re.S)
    assert f'<h2 id="value-added-heading">{LABEL}</h2>' in block
    assert f"<h3>From {CAT4}</h3>" in block and "<strong>+0.16</strong>" in block
    assert "(95% interval -0.01 to +0.33) · in line" in block  # 0.16 ± 1.96 × 0.1916 / √5
    assert "No Progress 8 for 2024/25." in page
    assert page.count('class="headline-figure') == 1  # only value added's: no P8 figure
    data = client.get(HEADLINE, {"format": "json"}).json()
    assert data["measures"]["progress8"] is None and "value_added" not in data["measures"]
    (cat4, reading) = data["value_added"]
    assert (cat4["label"], cat4["baseline"], cat4["pupils"]) == (LABEL, CAT4, 5)
    assert cat4["value_added"] == pytest.approx(0.16)
    assert (reading["calculated"], reading["value_added"]) == (False, None)


def test_the_pupils_report_has_each_pupils_value_added(baseline_world):
    client = baseline_world.client_for(baseline_world.pam)

    data = client.get(PUPILS, {"format": "json"}).json()

    pupils = {pupil["upn"]: pupil for pupil in data["pupils"]}
    assert pupils[upn("A1")]["value_added"][CAT4] == {"score": 92.0, "estimate": 8.0,
                                                       "value_added": pytest.approx(0.8)}  # fmt: skip
    assert pupils[upn("A7")]["value_added"] == {} and pupils[upn("A1")]["progress8"] is None
    page = client.get(PUPILS).content.decode()
    assert f'<th scope="col" class="num">{LABEL}: {CAT4}</th>' in page
    rows = {
        row["UPN"]: row
        for row in csv.DictReader(io.StringIO(client.get(PUPILS, {"format": "csv"}).content.decode()))
    }
    assert (rows[upn("A2")][f"{CAT4} score"], rows[upn("A2")][f"{LABEL} from {CAT4}"]) == ("92.0", "-0.8")
