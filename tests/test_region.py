"""The region rule (chainkg.queries.region) on a graph of one chain two cities speak of (tests/region_graph.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chainkg import queries
from chainkg.graph.store import GraphStore, StoreConfig, open_store
from chainkg.queries.region import Regions, regions
from tests import region_graph
from tests.region_graph import CHAIN, uid


@pytest.fixture
def store(tmp_path: Path) -> GraphStore:
    s = open_store(StoreConfig(path=tmp_path / "g.json"))
    for graph in region_graph.build():
        s.write_document(graph)
    s.flush()
    return s


@pytest.fixture
def rg(store: GraphStore) -> Regions:
    return regions(lambda name, params: queries.run(store, name, params))


def _named(store: GraphStore, rg: Regions, label: str, region: str) -> set[str]:
    rows = queries.run(store, "region_facts", {})
    return {r["name"] for r in rows if r["label"] == label and rg.contains(uid("District", region), r["uid"])}


def test_a_firm_is_in_its_platform_district_city_and_province(rg: Regions) -> None:
    firm = uid("Enterprise", "甲电池公司")
    assert rg.regions_of(firm) == {
        uid("Platform", "甲高新园区"),
        uid("District", "东区"),
        uid("District", "甲市"),
        uid("District", "测试省"),
    }
    assert not rg.contains(uid("District", "乙市"), firm)
    assert rg.unplaced(uid("Enterprise", "丙无址公司"))


def test_each_city_has_its_own_firms_measures_and_targets(store: GraphStore, rg: Regions) -> None:
    assert _named(store, rg, "Enterprise", "甲市") == {"甲电池公司"}
    assert _named(store, rg, "Enterprise", "乙市") == {"乙储能公司"}
    assert _named(store, rg, "Enterprise", "测试省") == {"甲电池公司", "乙储能公司"}
    # 甲市's measure names no place: it is 甲市's through its policy's issuer (PART_OF 甲市)
    jia_measures = _named(store, rg, "Measure", "甲市")
    yi_measures = _named(store, rg, "Measure", "乙市")
    assert len(jia_measures) == 1 and len(yi_measures) == 1 and jia_measures != yi_measures
    # 甲市's target is FOR the chain only: 甲市's through the measure that sets it; 乙市's is FOR 乙市
    assert {t for t in _named(store, rg, "Target", "甲市")} == {f"产业链产值{CHAIN}2026甲"}
    assert {t for t in _named(store, rg, "Target", "乙市")} == {f"产业链产值{CHAIN}2026乙"}
    # a city's things are not its district's
    assert _named(store, rg, "Measure", "东区") == set()


def test_documents_take_the_region_of_their_policies(rg: Regions) -> None:
    docs = {r["name"]: u for u, r in rg.rows.items() if r["label"] == "Document"}
    assert rg.contains(uid("District", "甲市"), docs["jia.txt"])
    assert not rg.contains(uid("District", "乙市"), docs["jia.txt"])
    assert rg.unplaced(docs["news.txt"])


def test_no_region_chosen_contains_everything(rg: Regions) -> None:
    assert rg.contains("", uid("Enterprise", "丙无址公司"))


def test_the_picker_lists_regions_with_things_most_general_first(rg: Regions) -> None:
    choices = rg.choices()
    names = [c["name"] for c in choices]
    assert names[0] == "测试省"
    assert set(names) == {"测试省", "甲市", "乙市", "东区", "甲高新园区"}
    jia = next(c for c in choices if c["name"] == "甲市")
    assert jia["level_zh"] == "市" and jia["firms"] == 1
    assert rg.resolve("乙市") == rg.region(uid("District", "乙市"))
    assert rg.resolve("无此地") is None


def test_a_cycle_of_part_of_ends() -> None:
    rows = [
        {"uid": "a", "label": "District", "name": "A", "level": "city", "places": ["b"], "via": []},
        {"uid": "b", "label": "District", "name": "B", "level": "city", "places": ["a"], "via": []},
        {"uid": "f", "label": "Enterprise", "name": "F", "level": None, "places": ["a"], "via": []},
    ]
    assert Regions.from_rows(rows).regions_of("f") >= {"a"}


def test_a_part_of_a_name_finds_the_regions_that_hold_it(rg: Regions) -> None:
    assert rg.find("乙市") == [rg.region(uid("District", "乙市"))]  # a whole name: that region alone
    assert rg.find("高新") == [rg.region(uid("Platform", "甲高新园区"))]
    assert [r["name"] for r in rg.find("市")] == ["甲市", "乙市"]  # several: in the picker's order
    assert rg.find("无此地") == [] and rg.find("") == []
