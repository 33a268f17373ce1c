"""The placement rule (chainkg.queries.placement): links from documents and templates, firms on links with reasons."""

from __future__ import annotations

from typing import Any

from chainkg.queries.placement import Link, link_state, merge_links, place, split_sentences, stated_gaps
from chainkg.templates import load_templates, match


def _fact(rel_type: str, uid: str, name: str, sentence: str | None, source: str = "doc-1") -> dict[str, Any]:
    return {"type": rel_type, "uid": uid, "name": name, "sources": [source], "evidences": [sentence]}


def _segment(uid: str, name: str, position: str | None, products: list[tuple[str, str]] = ()) -> dict[str, Any]:
    return {
        "uid": uid,
        "name": name,
        "position": position,
        "order": 1,
        "products": [{"uid": u, "name": n} for u, n in products],
        "downstream": [],
    }


LOGISTICS = match("智能物流装备", load_templates())


def test_document_links_first_then_the_template_links_none_covers() -> None:
    segments = [
        _segment("s1", "关键零部件", "upstream"),  # covers 核心零部件 (same ending, same position)
        _segment("s2", "仓储设备", "midstream", [("p1", "堆垛机")]),  # covers 自动化立体仓库 by a product
    ]
    links = merge_links(segments, LOGISTICS)
    by_name = {link.name: link for link in links}
    assert [link.origin for link in links[:2]] == ["文件", "文件"]
    assert by_name["关键零部件"].template_link == "核心零部件"
    assert by_name["仓储设备"].template_link == "自动化立体仓库"
    assert "核心零部件" not in by_name and "自动化立体仓库" not in by_name
    assert by_name["物流软件"].origin == "模板" and by_name["物流软件"].uid is None
    assert by_name["物流软件"].position == "upstream"
    assert "WMS" in by_name["物流软件"].words()
    assert merge_links([], None) == []


def test_a_firm_is_placed_by_segment_then_product_then_keyword_with_its_sentence() -> None:
    links = merge_links([_segment("s1", "整机", "midstream", [("p1", "AGV")])], LOGISTICS)
    by_name = {link.name: link for link in links}
    firm = {
        "uid": "e1",
        "name": "甲机器人有限公司",
        "facts": [
            _fact("MAKES", "p1", "AGV", "甲机器人有限公司生产AGV。"),
            _fact("IN_CHAIN", "c1", "智能物流装备", "甲机器人有限公司是WMS软件供应商。乙公司生产堆垛机。"),
        ],
    }
    placements = {p.link: p for p in place(firm, links)}
    on_segment = placements["s1"]
    assert (on_segment.reason, on_segment.words, on_segment.sentence) == ("产品", ("AGV",), "甲机器人有限公司生产AGV。")
    software = placements[by_name["物流软件"].key]
    assert software.reason == "关键词" and software.words == ("WMS",)
    assert software.sentence == "甲机器人有限公司是WMS软件供应商。"  # its own sentence, not 乙's
    assert by_name["自动化立体仓库"].key not in placements  # 堆垛机 is in 乙's sentence only
    in_segment = {**firm, "facts": [_fact("IN_SEGMENT", "s1", "整机", "甲机器人有限公司在整机环节。")]}
    assert [p.reason for p in place(in_segment, links) if p.link == "s1"] == ["环节"]


def test_document_links_without_a_template_place_by_graph_facts_only() -> None:
    links = merge_links([_segment("s1", "整机", None, [("p1", "测试整机")])], None)
    firm = {"uid": "e1", "name": "甲", "facts": [_fact("IN_CHAIN", "c1", "链", "甲生产测试整机。")]}
    assert place(firm, links) == []


def test_stated_gaps_need_a_gap_word_the_link_and_the_chain() -> None:
    link = Link("k", "运维服务", "文件", "downstream", 5, products=[{"uid": None, "name": "远程运维"}])
    docs = [
        {"uid": "d1", "title": "某产业链行动方案", "text": "补齐远程运维短板。运维服务很好。"},
        {"uid": "d2", "title": "新闻", "text": "推动测试装备延链补链强链，发展运维服务。测试装备运维服务仍是空白。"},
    ]
    found = stated_gaps(link, docs, ["测试装备"])
    assert [(g["source"], g["sentence"]) for g in found] == [("d2", "测试装备运维服务仍是空白。")]
    assert [g["sentence"] for g in stated_gaps(link, docs, ["某产业链"])] == ["补齐远程运维短板。"]
    assert link_state([], found) == "stated_gap" and link_state(["e1"], []) == "firms"
    assert link_state([], []) == "unknown"


def test_split_sentences() -> None:
    assert split_sentences("甲。乙！\n丙；") == ["甲。", "乙！", "丙；"]
