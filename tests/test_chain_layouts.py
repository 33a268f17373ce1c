"""Chain layouts: links in order with positions and products, firms placed in links and what they make.

The phrasings are invented (firms, places and chains are made up), each shape in the wording of at least
two kinds of document (a plan's 为…制定本方案 opening, a news report's 已形成/已打通 sentence).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chainkg.loaders.extract.chain_layouts import link_of, positional, positions, sequences, stages
from chainkg.loaders.pipeline import extract_path


def _names(layout) -> list[str]:
    return [link.name for link in layout.links]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "为构建上游电极材料、中游储能电站建设、下游储能运营服务融合发展的产业链条，制定本方案。",
            ["电极材料", "储能电站建设", "储能运营服务"],
        ),
        (
            "全县已形成上游竹材采伐、中游竹板加工、下游竹制家居销售的完整链条。",
            ["竹材采伐", "竹板加工", "竹制家居销售"],
        ),
        (
            "智能传感产业链涵盖上游敏感元件、中游传感模组封装、下游场景应用三大环节。",
            ["敏感元件", "传感模组封装", "场景应用"],
        ),
    ],
)
def test_positions_in_one_sentence(text: str, names: list[str]) -> None:
    layout = positional(text)
    assert layout is not None
    assert _names(layout) == names
    assert [link.position for link in layout.links] == ["upstream", "midstream", "downstream"]


def test_link_with_products_by_deng_and_brackets() -> None:
    listed = link_of("陶瓷粉体、电子浆料等基础材料")
    assert listed is not None and listed.name == "基础材料" and listed.products == ["陶瓷粉体", "电子浆料"]
    bracketed = link_of("整车制造（轻卡、重卡）")
    assert bracketed is not None and bracketed.name == "整车制造" and bracketed.products == ["轻卡", "重卡"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("园区已打通“石英砂—光伏玻璃—组件封装—电站应用”全流程。", ["石英砂", "光伏玻璃", "组件封装", "电站应用"]),
        ("重点壮大“铝土矿——氧化铝——铝型材——铝制品”产业链。", ["铝土矿", "氧化铝", "铝型材", "铝制品"]),
        ("形成了菌种研发→食用菌种植→精深加工→冷链物流的链条。", ["菌种研发", "食用菌种植", "精深加工", "冷链物流"]),
    ],
)
def test_sequences_joined_by_dashes_and_arrows(text: str, names: list[str]) -> None:
    found = sequences(text)
    assert found and _names(found[0]) == names


def test_steps_of_a_procedure_are_no_chain() -> None:
    assert sequences("按照“申报—评审—公示—认定”程序组织实施。") == []


def test_positions_read_from_words_and_places() -> None:
    layout = sequences("已贯通“锂矿开采—锂盐提纯—正极材料—电芯制造—电池回收”各环节。")[0]
    assert positions(layout.links) == ["upstream", "upstream", "midstream", "midstream", "downstream"]


def test_stages_counted_by_huanjie() -> None:
    found = stages("签约项目集中在纺丝织造、印染整理和服装设计三个环节。")
    assert found and _names(found[0]) == ["纺丝织造", "印染整理", "服装设计"]


def _graph(tmp_path: Path, text: str):
    path = tmp_path / "news.txt"
    path.write_text(text, encoding="utf-8")
    graph = extract_path(path)
    nodes = {n.uid: n for n in graph.nodes.values()}
    edges = {(e.type, nodes[e.start].name, nodes[e.end].name) for e in graph.edges.values()}
    return graph, edges


def test_document_layout_products_and_makers(tmp_path: Path) -> None:
    text = (
        "青溪县新型储能产业链加快成势\n\n"
        "新型储能是青溪县重点培育的产业链。全县已形成上游电极材料、中游电芯制造、下游储能系统集成的产业链条。\n\n"
        "蓝澜新能源科技有限公司主要生产钠电正极材料和电解液。\n"
    )
    graph, edges = _graph(tmp_path, text)
    segments = {n.name: n.props for n in graph.nodes.values() if n.label == "ChainSegment"}
    assert set(segments) == {"电极材料", "电芯制造", "储能系统集成"}
    assert segments["电芯制造"]["position"] == "midstream"
    assert ("UPSTREAM_OF", "电极材料", "电芯制造") in edges
    assert ("MAKES", "蓝澜新能源科技有限公司", "电解液") in edges


def test_clauses_place_firms_in_links(tmp_path: Path) -> None:
    text = (
        "龙泉市铜箔产业链调查\n\n"
        "铜箔产业链已贯通“铜矿冶炼—电解铜箔—锂电应用”全链条。"
        "上游，云岭铜业有限公司把铜精矿冶炼成阴极铜；"
        "中游，启明箔材科技有限公司生产锂电铜箔；"
        "下游，一批电池企业就地采购。\n"
    )
    _graph_, edges = _graph(tmp_path, text)
    assert ("IN_SEGMENT", "云岭铜业有限公司", "铜矿冶炼") in edges
    assert ("IN_SEGMENT", "启明箔材科技有限公司", "电解铜箔") in edges
