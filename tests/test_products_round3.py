"""Products of chain links and of firms, round 3: a measure heading that names a link gives the link the
products its body names; 等 lists headed by a kind of goods; 甲公司的P; A、B分别生产P1、P2 in text order;
上游有A… clauses that place firms; the chain a sentence's subject names. Every text is invented."""

from __future__ import annotations

from pathlib import Path

from chainkg.graph.model import Graph
from tests.extracted import extract_text as _graph
from tests.extracted import pairs as _pairs


def _products(graph: Graph) -> set[str]:
    return {n.name for n in graph.by_label("Product")}


# -- a heading that names a link ------------------------------------------------------------------------
def test_heading_naming_a_link_gives_it_the_products_of_its_body(tmp_path: Path) -> None:
    # a Sichuan-style plan: layout first, then one measure per link
    graph = _graph(
        tmp_path,
        "锦城市光电显示产业链行动方案\n\n全市已形成上游基础材料、中游模组制造、下游终端应用的光电显示产业链。\n"
        "（一）补强基础材料环节。围绕本地所需的石英基板、光学膜片和封装胶膜，开展精准招商。\n"
        "（二）做大模组制造规模。引进背光模组、触控模组等项目。\n",
    )
    includes = _pairs(graph, "INCLUDES")
    assert {("基础材料", "石英基板"), ("基础材料", "光学膜片")} <= includes
    assert ("模组制造", "石英基板") not in includes


def test_heading_link_takes_a_supplied_product_with_no_firm(tmp_path: Path) -> None:
    # an Inner-Mongolia-style measure: 保障P稳定供应 under a heading naming the upstream link
    graph = _graph(
        tmp_path,
        "北川市稀土新材料产业链行动方案\n\n全市形成上游矿山冶炼、中游合金加工、下游器件应用的稀土新材料产业链。\n"
        "（一）夯实上游矿山冶炼。依托本地矿区资源保障稀土氧化物稳定供应，推动冶炼工艺升级。\n"
        "（二）拓展下游器件应用。推动电子器件企业扩大产能。\n",
    )
    assert ("矿山冶炼", "稀土氧化物") in _pairs(graph, "INCLUDES")


def test_heading_naming_no_link_gives_none(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "北川市稀土新材料产业链行动方案\n\n全市形成上游矿山冶炼、中游合金加工、下游器件应用的稀土新材料产业链。\n"
        "（一）夯实上游矿山冶炼。推动冶炼工艺升级。\n"
        "（二）强化要素保障。保障氧化铈稳定供应。\n",
    )
    assert not any(p == "氧化铈" for _, p in _pairs(graph, "INCLUDES"))


# -- lists headed by a kind of goods ---------------------------------------------------------------------
def test_list_headed_by_a_kind_of_goods_names_products_with_no_product_word(tmp_path: Path) -> None:
    # a Heilongjiang-style news sentence and a Ningxia-style one: basic chemicals have no product word
    graph = _graph(
        tmp_path,
        "北湖石化带动新材料项目落地\n\n北湖石化有限公司每年可外供甲醇、丁二烯等基础化工原料200万吨以上。\n"
        "西原煤化有限公司主要供应合成氨、尿素等产品。\n",
        "news.txt",
    )
    makes = _pairs(graph, "MAKES")
    assert {("北湖石化有限公司", "甲醇"), ("北湖石化有限公司", "丁二烯")} <= makes
    assert {("西原煤化有限公司", "合成氨"), ("西原煤化有限公司", "尿素")} <= makes


def test_list_headed_by_firms_is_no_product_list(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "项目签约\n\n南江集团引进甲醇、丁二烯等企业入园。\n",
        "news.txt",
    )
    assert not {"甲醇", "丁二烯"} & _products(graph)


# -- firms' products --------------------------------------------------------------------------------------
def test_a_firms_product_written_with_de(tmp_path: Path) -> None:
    # a Tianjin-style and a Hubei-style clause: 甲公司的P
    graph = _graph(
        tmp_path,
        "信创产业链上下游协同\n\n华辰科技有限公司的服务器和云栖软件股份有限公司的数据库都进入了目录。"
        "江汉新能源有限公司的储能电池已批量出口。\n",
        "news.txt",
    )
    makes = _pairs(graph, "MAKES")
    assert ("华辰科技有限公司", "服务器") in makes
    assert ("江汉新能源有限公司", "储能电池") in makes
    assert ("华辰科技有限公司", "数据库") not in makes


def test_firms_and_products_paired_in_order_by_fenbie(tmp_path: Path) -> None:
    # a Jiangsu-style and a Guangdong-style sentence: firms in one clause, 分别生产 in the next
    graph = _graph(
        tmp_path,
        "锂电配套企业落户\n\n青岚新材料有限公司、远舟电子有限公司先后投产，分别生产负极材料和电池隔膜。"
        "粤海精工有限公司与南岭电机有限公司，分别生产精密齿轮、伺服电机。\n",
        "news.txt",
    )
    makes = _pairs(graph, "MAKES")
    assert {("青岚新材料有限公司", "负极材料"), ("远舟电子有限公司", "电池隔膜")} <= makes
    assert ("青岚新材料有限公司", "电池隔膜") not in makes
    assert {("粤海精工有限公司", "精密齿轮"), ("南岭电机有限公司", "伺服电机")} <= makes
    assert ("粤海精工有限公司", "伺服电机") not in makes


# -- chains and firms of layouts -------------------------------------------------------------------------
def test_position_clauses_with_you_place_firms_in_links(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "津港信创产业链\n\n全市打通上游芯片设计、中游整机与软件、下游行业应用的信创产业链。"
        "上游有华辰科技有限公司提供处理器，中游有云栖软件股份有限公司的操作系统和北辰电脑有限公司的服务器，"
        "下游有海河数安公司提供安全服务。\n",
        "news.txt",
    )
    in_segment = _pairs(graph, "IN_SEGMENT")
    assert ("北辰电脑有限公司", "整机与软件") in in_segment
    assert ("北辰电脑有限公司", "服务器") in _pairs(graph, "MAKES")


def test_subject_of_sentence_names_the_chain_of_its_layout(tmp_path: Path) -> None:
    # a Liaoning-style news paragraph: X是…，全市已形成上游A、中游B、下游C
    graph = _graph(
        tmp_path,
        "重点项目签约\n\n本次签约项目涉及钢铁深加工、硼镁新材料等领域。鞍北钢铁公司的冷轧项目落户开发区。\n\n"
        "硼镁是本市的另一张名片，全市已形成上游硼镁矿开采、中游硼化工、下游硼镁制品的产业链条。\n",
        "news.txt",
    )
    chains = {c for c, _ in _pairs(graph, "HAS_SEGMENT")}
    assert "硼镁新材料" in chains
    assert "钢铁深加工" not in chains
