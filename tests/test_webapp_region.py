"""The viewer for a chosen region: one chain two cities speak of shows each city's firms, measures, targets and
gaps under its own region, and the region chosen is remembered (tests/region_graph.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient

from chainkg.graph.store import GraphStore, StoreConfig
from chainkg.webapp import create_app
from tests import region_graph
from tests.region_graph import CHAIN, uid

JIA, YI = uid("District", "甲市"), uid("District", "乙市")


def _config(store: GraphStore) -> StoreConfig:
    path = getattr(store, "path", None)
    return StoreConfig(path=path) if path is not None else store.config  # type: ignore[attr-defined]


@pytest.fixture
def client(any_store: GraphStore) -> Iterator[FlaskClient]:
    for graph in region_graph.build():
        any_store.write_document(graph)
    any_store.flush()
    app = create_app(_config(any_store), {"TESTING": True})
    yield app.test_client()
    app.extensions["chainkg_store"].close()


def _map(client: FlaskClient, query: str = "") -> dict:
    response = client.get(f"/api/chains/{CHAIN}{query}")
    assert response.status_code == 200
    return response.get_json()


def _firms(data: dict) -> set[str]:
    return {f["name"] for c in data["columns"] for s in c["segments"] for f in s["firms"]}


def test_the_same_chain_shows_each_citys_firms_measures_and_targets(client: FlaskClient) -> None:
    everything = _map(client)
    assert _firms(everything) == {"甲电池公司", "乙储能公司", "丙无址公司"}
    jia, yi = _map(client, f"?region={JIA}"), _map(client, "?region=乙市")  # by uid or by name
    assert jia["region"]["name"] == "甲市" and yi["region"]["uid"] == YI
    assert _firms(jia) == {"甲电池公司"}
    assert _firms(yi) == {"乙储能公司"}
    assert [t["value"] for t in jia["targets"]] == [50]
    assert [t["value"] for t in yi["targets"]] == [80]
    assert len(jia["measures"]) == 1 and len(yi["measures"]) == 1
    assert jia["measures"][0]["uid"] != yi["measures"][0]["uid"]
    # 甲市's policy calls 运维服务 a 短板: red in 甲市, grey (待梳理) in 乙市
    states = {
        d["region"]["name"]: {s["name"]: s["state"] for c in d["columns"] for s in c["segments"]} for d in (jia, yi)
    }
    assert states["甲市"]["运维服务"] == "stated_gap" and states["乙市"]["运维服务"] == "unknown"
    assert states["甲市"]["系统集成"] == "unknown" and states["乙市"]["系统集成"] == "firms"
    # the province holds both cities' firms
    assert _firms(_map(client, "?region=测试省")) == {"甲电池公司", "乙储能公司"}
    # a part of a name only one region has chooses it; a part several share chooses none
    assert _map(client, "?region=乙")["region"]["uid"] == YI
    assert _map(client, "?region=市")["region"] is None


def test_the_region_is_remembered_in_a_cookie(client: FlaskClient) -> None:
    response = client.get(f"/chains/{CHAIN}?region={YI}")
    assert response.status_code == 200
    assert f"region={YI}" in response.headers["Set-Cookie"]
    html = client.get(f"/chains/{CHAIN}").get_data(as_text=True)  # no parameter: the cookie decides
    assert "乙储能公司" in html and "甲电池公司" not in html
    assert f'<option value="{YI}" selected>' in html
    assert _firms(_map(client)) == {"乙储能公司"}  # the JSON twin too
    home = client.get("/api/overview").get_json()
    chain = next(c for c in home["chains"] if c["name"] == CHAIN)
    assert chain["firms"] == 1 and chain["stated_gaps"] == 0
    assert client.get("/api/lists/firms", query_string={"chain": CHAIN}).get_json()["total"] == 1
    # region= forgets it
    forget = client.get(f"/chains/{CHAIN}?region=")
    assert "region=;" in forget.headers["Set-Cookie"] or "Expires=Thu, 01 Jan 1970" in forget.headers["Set-Cookie"]
    assert _firms(_map(client)) == {"甲电池公司", "乙储能公司", "丙无址公司"}


def test_home_ranks_chains_for_the_region_and_the_picker_lists_regions(client: FlaskClient) -> None:
    html = client.get(f"/?region={JIA}").get_data(as_text=True)
    for name in ("测试省", "甲市", "乙市", "东区", "甲高新园区"):
        assert f">{name}（" in html
    assert "（市）" in html and "（省）" in html
    home = client.get("/api/overview", query_string={"region": JIA}).get_json()
    chain = next(c for c in home["chains"] if c["name"] == CHAIN)
    assert chain["firms"] == 1 and chain["stated_gaps"] == 1
    assert [d["title"] for d in home["documents"]] == ["甲市储能测试装备产业链行动方案"]
    gaps = client.get("/api/lists/gaps", query_string={"chain": CHAIN, "region": YI}).get_json()["rows"]
    assert {(g["kind"], g["segment"]) for g in gaps} >= {("unknown", "电芯制造"), ("unknown", "运维服务")}
    yi_home = client.get("/api/overview", query_string={"region": YI}).get_json()
    assert [d["title"] for d in yi_home["documents"]] == ["乙市储能测试装备产业链实施意见"]
    targets = client.get("/api/lists/targets", query_string={"region": YI}).get_json()["rows"]
    assert [t["value"] for t in targets] == [80]
