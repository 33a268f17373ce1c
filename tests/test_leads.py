"""Firms placed by their imported 经营范围 and 所属行业, confirmed gaps, and the ranked 招商 leads of a region's gaps.

The graph (tests/leads_graph.py): 甲市 and 乙市 have imported firm lists, 丙市 none; 甲市's plan calls
自动化立体仓库 a 短板. Business scopes are in two provinces' phrasings, invented.
"""

from __future__ import annotations

from typing import Any

import pytest

from chainkg import queries
from chainkg.graph.store import GraphStore
from chainkg.queries.leads import chain_leads
from chainkg.queries.placement import Link, chain_picture, place, scope_items, scope_match, scope_words, specific
from chainkg.queries.region import Regions, regions, scoped_picture
from chainkg.templates import load_templates
from tests import leads_graph
from tests.leads_graph import CHAIN, uid

TEMPLATES = load_templates([])


def _load(store: GraphStore) -> GraphStore:
    for graph in leads_graph.build():
        store.write_document(graph)
    store.flush()
    return store


def _run(store: GraphStore) -> Any:
    return lambda name, params: queries.run(store, name, params)


def _states(store: GraphStore, region: str | None) -> dict[str, str]:
    run = _run(store)
    rg = regions(run)
    pic = chain_picture(run, CHAIN, TEMPLATES)
    assert pic is not None
    scoped = scoped_picture(pic, rg, uid("District", region) if region else None)
    return {e["link"].name: e["state"] for e in scoped["links"]}


def _link(name: str) -> Link:
    template = next(t for t in TEMPLATES if t.name == CHAIN)
    tl = next(t for t in template.links if t.name == name)
    return Link(
        key=name,
        name=name,
        origin="模板",
        position="midstream",
        order=tl.order,
        products=[{"uid": None, "name": p} for p in tl.products],
        keywords=tl.keywords,
        template_link=name,
        template_order=tl.order,
    )


# -- placement by business scope ---------------------------------------------------------------------


def test_a_guangdong_style_scope_places_a_firm_with_the_words_and_the_row() -> None:
    firm = {
        "uid": "f",
        "name": "某仓储装备有限公司",
        "business_scope": (
            "研发、生产、销售：堆垛机、穿梭车；货物及技术进出口。（依法须经批准的项目，经相关部门批准后方可开展经营活动）"
        ),
        "tables": [{"uid": "document-t", "title": "企业名单"}],
        "import_sources": ["企业名单.xlsx 第7行"],
    }
    [p] = place(firm, [_link("自动化立体仓库"), _link("物流软件")])
    assert (p.link, p.reason, p.source, p.row) == ("自动化立体仓库", "经营范围", "document-t", "企业名单.xlsx 第7行")
    assert p.words == ("堆垛机", "穿梭车")
    assert p.sentence is not None and p.sentence.startswith("经营范围：") and "堆垛机" in p.sentence


def test_a_zhejiang_style_scope_places_by_its_making_items_only() -> None:
    scope = (
        "一般项目：激光导航传感器研发；驱动轮制造；智能仓储装备销售（不含堆垛机）；堆垛机销售。"
        "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"
    )
    items = scope_items(scope)
    assert "驱动轮制造" in items and not any("销售" in i for i in items)
    assert scope_match(items, ["堆垛机"]) is None  # sold, and excluded: not made
    found = scope_match(items, ["激光导航", "驱动轮"])
    assert found is not None and found[0] == ("激光导航", "驱动轮")


def test_precision_guards_general_short_and_partial_latin_words() -> None:
    assert not specific("设备") and not specific("技术服务") and not specific("车")
    assert specific("堆垛机") and specific("AGV")
    words = scope_words([_link("物流软件"), _link("移动机器人与工业车辆")])
    assert "AGV" in words and all(specific(w) for w in words)
    assert scope_match(scope_items("MAGV 品牌服装设计、加工"), ["AGV"]) is None
    assert scope_match(scope_items("AGV小车的研发、制造"), ["AGV"]) is not None
    # software and technical services place nobody on a logistics chain
    firm = {"uid": "s", "name": "乙软件有限公司", "business_scope": "软件开发；技术服务、技术开发；信息系统集成服务。"}
    assert place(firm, [_link(n) for n in ("物流软件", "系统集成", "自动化立体仓库")]) == []


def test_industry_places_when_the_scope_does_not() -> None:
    [p] = place({"uid": "v", "name": "乙车辆有限公司", "industry": "电动叉车制造"}, [_link("移动机器人与工业车辆")])
    assert (p.reason, p.words, p.sentence) == ("所属行业", ("电动叉车",), "所属行业：电动叉车制造")


# -- gaps and leads, on both stores --------------------------------------------------------------------


def test_link_states_confirmed_unknown_and_stated(any_store: GraphStore) -> None:
    _load(any_store)
    jia = _states(any_store, "甲市")
    assert jia["自动化立体仓库"] == "stated_gap"  # the plan says so
    assert jia["输送分拣设备"] == "firms"  # 甲输送设备 by its 经营范围
    assert jia["核心零部件"] == "confirmed_gap"  # 甲市's list is imported and none of its firms is there
    assert _states(any_store, "东区")["核心零部件"] == "confirmed_gap"
    assert set(_states(any_store, "丙市").values()) == {"unknown"}  # no list imported: not known
    whole = _states(any_store, None)
    assert whole["核心零部件"] == "firms" and whole["物流软件"] == "unknown"


def test_imported_firms_join_the_map_by_scope_only(any_store: GraphStore) -> None:
    _load(any_store)
    pic = chain_picture(_run(any_store), CHAIN, TEMPLATES)
    assert pic is not None
    placed = {u: [p.reason for p in ps] for u, ps in pic["placements"].items()}
    assert placed[uid("Enterprise", "乙仓储装备有限公司")] == ["经营范围"]
    assert uid("Enterprise", "甲贸易有限公司") not in placed  # it only sells
    assert uid("Enterprise", "乙软件有限公司") not in placed
    assert uid("Enterprise", "丙机器人有限公司") not in placed  # not imported, not tied: a lead, not on the map


def _leads(store: GraphStore, region: str | None) -> list[dict[str, Any]]:
    run = _run(store)
    rg = regions(run)
    out = chain_leads(run, CHAIN, TEMPLATES, rg, uid("District", region) if region else None)
    assert out is not None
    return [lead.to_dict() for lead in out["leads"]]


def test_leads_for_a_region_rank_firms_elsewhere_with_a_reason(any_store: GraphStore) -> None:
    _load(any_store)
    leads = _leads(any_store, "甲市")
    assert [(x["name"], x["link_name"]) for x in leads] == [
        ("乙仓储装备有限公司", "自动化立体仓库"),
        ("丙机器人有限公司", "移动机器人与工业车辆"),
        ("乙导航科技有限公司", "核心零部件"),
        ("乙车辆有限公司", "移动机器人与工业车辆"),
    ]
    top = leads[0]
    assert top["reason"] == (
        "经营范围含堆垛机、穿梭车、货架、立体货架 → 补 自动化立体仓库（文件所述短板）；专精特新；注册资本 5000万元；"
        "来源：导入行 乙市企业名单.xlsx 第2行"
    )
    assert top["link_state"] == "stated_gap" and top["source_kind"] == "导入行"
    assert leads[1]["reason"] == "生产AGV → 补 移动机器人与工业车辆；上市；来源：文件《丙市新闻》"
    assert all(not x["name"].startswith("甲") for x in leads)  # 甲市's own firms are no leads for 甲市
    assert [x["score"] for x in leads] == sorted((x["score"] for x in leads), reverse=True)


def test_leads_elsewhere_include_the_other_city_and_none_without_a_region(any_store: GraphStore) -> None:
    _load(any_store)
    yi = {x["name"] for x in _leads(any_store, "乙市")}
    assert "甲输送设备有限公司" in yi and not any(n.startswith("乙") for n in yi)
    assert _leads(any_store, None) == []


@pytest.mark.neo4j
def test_chain_leads_and_region_facts_agree_on_both_stores(embedded_store: GraphStore, neo4j_store: GraphStore) -> None:
    _load(embedded_store)
    _load(neo4j_store)
    for name, params in (
        ("chain_leads", {"chain": CHAIN, "words": "堆垛机|AGV|电动叉车|驱动轮"}),
        ("chain_leads", {"chain": CHAIN, "words": ""}),
        ("chain_leads", {"chain": "没有这条链", "words": "堆垛机"}),
        ("region_facts", {}),
    ):
        embedded = queries.run(embedded_store, name, params)
        assert embedded == queries.run(neo4j_store, name, params), f"{name} {params}"
    rows = queries.run(embedded_store, "chain_leads", {"chain": CHAIN, "words": "堆垛机|AGV|电动叉车|驱动轮"})
    # 甲贸易 sells 堆垛机: the query finds it, the placement rule does not place it
    assert {r["name"] for r in rows} >= {"甲贸易有限公司", "乙仓储装备有限公司", "丙机器人有限公司", "乙车辆有限公司"}
    assert any(r["tables"] and r["business_scope"] for r in rows)


def test_a_firm_list_covers_its_districts_and_the_regions_above(tmp_path: Any) -> None:
    rows = [
        {"uid": "d-city", "label": "District", "name": "市", "level": "city", "places": [], "via": []},
        {"uid": "d-a", "label": "District", "name": "A区", "level": "county", "places": ["d-city"], "via": []},
        {"uid": "d-b", "label": "District", "name": "B区", "level": "county", "places": ["d-city"], "via": []},
        {"uid": "doc", "label": "Document", "name": "名单", "kind": "firm_table", "places": ["d-a"], "via": []},
    ]
    rg = Regions.from_rows(rows)
    assert rg.has_firm_list("d-a") and rg.has_firm_list("d-city")
    assert not rg.has_firm_list("d-b") and not rg.has_firm_list(None)


@pytest.mark.neo4j
@pytest.mark.parametrize("region", ["甲市", "乙市"])
def test_leads_are_the_same_on_both_stores(embedded_store: GraphStore, neo4j_store: GraphStore, region: str) -> None:
    assert _leads(_load(embedded_store), region) == _leads(_load(neo4j_store), region)
