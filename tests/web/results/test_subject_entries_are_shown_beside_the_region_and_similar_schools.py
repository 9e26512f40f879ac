"""The entries page sets Alder beside its region and its similar schools as the latest attendance
comparators have them: once a snapshot places Alder and Birch in one region (and Birch as Alder's one
similar school), English literature is 66.7% in the region (A1 and B1 of three pupils) and 100% among
similar schools (B1); before any snapshot, the page says why neither is shown."""

from __future__ import annotations

import pytest

from rollbook.web.publishing.service import publish_snapshot
from rollbook.web.schools.models import School

ENTRIES = "/schools/100001/subjects/"


def literature(entries: dict) -> dict:
    return {row["subject"]: row for row in entries["subjects"]}["english_literature"]


def test_without_a_snapshot_no_group_is_shown(ks4_world):
    client = ks4_world.client_for(ks4_world.alice)
    assert client.get(ENTRIES, {"format": "json"}).json()["entries"]["beside"] == []
    assert "not in the published attendance comparators yet" in client.get(ENTRIES).content.decode()


def test_the_region_and_similar_schools_of_the_latest_snapshot(ks4_world, monkeypatch):
    monkeypatch.setenv("ROLLBOOK_MIN_COMPARATOR_SCHOOLS", "1")
    School.objects.filter(urn__in=[100001, 100002]).update(region="East of England")
    publish_snapshot()
    client = ks4_world.client_for(ks4_world.alice)
    found = client.get(ENTRIES, {"format": "json"}).json()["entries"]
    assert literature(found)["region_share"] == pytest.approx(200 / 3)
    assert literature(found)["similar_share"] == 100
    assert [group["name"] for group in found["beside"]] == ["East of England", "Similar schools"]
    page = client.get(ENTRIES).content.decode()
    assert "<strong>East of England</strong> (region): 2 schools holding results, 3 pupils" in page
    assert "66.7%" in page


def test_a_region_of_too_few_schools_is_not_shown(ks4_world, monkeypatch):
    monkeypatch.setenv("ROLLBOOK_MIN_COMPARATOR_SCHOOLS", "3")
    School.objects.filter(urn__in=[100001, 100002]).update(region="East of England")
    publish_snapshot()
    found = ks4_world.client_for(ks4_world.alice).get(ENTRIES, {"format": "json"}).json()["entries"]
    assert [group["shown"] for group in found["beside"]] == [False, False]
    assert literature(found)["region_share"] is None and literature(found)["similar_share"] is None
