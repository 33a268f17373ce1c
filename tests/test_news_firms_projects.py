"""Firms and projects in news: short names by general cues, defined short names, chains and places only where the
sentence ties them. Every text here is invented (firms and sentences), in the phrasings of several provinces."""

from __future__ import annotations

from pathlib import Path

from chainkg.graph.model import Graph
from chainkg.loaders.extract import enterprises
from tests.extracted import extract_text as _graph


def _firms(graph: Graph) -> set[str]:
    return {name for n in graph.by_label("Enterprise") for name in (n.name, *n.alias_rules)}


def _ends(graph: Graph, rel: str, name: str) -> set[str]:
    node = next(n for n in [*graph.by_label("Enterprise"), *graph.by_label("Project")] if n.name == name)
    return {graph.nodes[e.end].name for e in graph.edges.values() if e.type == rel and e.start == node.uid}


def test_lists_introduced_by_a_firm_noun_or_closed_by_a_count() -> None:
    # a Sichuan-style roster and a Hubei-style count closing the list
    text = "链主企业为星河光显、蓝晶微电；牵头部门为市经信局。在电芯环节，云帆储能、北辰锂能两家电池企业已形成规模。"
    assert {"星河光显", "蓝晶微电", "云帆储能", "北辰锂能"} <= set(enterprises._introduced_names(text)) | set(
        enterprises._listed_names(text)
    )
    # a Hunan-style roster with 包括, a Shandong-style single firm before 等企业
    text = "本地骨干企业包括湘江重工、岳麓智造。下游,泰山钢管等企业生产不锈钢管材。"
    found = set(enterprises._introduced_names(text)) | set(enterprises._listed_names(text))
    assert {"湘江重工", "岳麓智造", "泰山钢管"} <= found


def test_subjects_of_doing_and_lead_firms_without_sentence_specific_words() -> None:
    text = "近日，华岳新材于去年落户的二期工程投产。支持江海动力扩大燃料电池产能。以北疆电驱为龙头集聚配套企业。"
    found = set(enterprises._subject_names(text)) | set(enterprises._introduced_names(text))
    assert {"华岳新材", "江海动力", "北疆电驱"} <= found
    # 协议总投资 is a figure, not a firm 协议总; an industry before 是 is no firm
    text = "会上10个项目集中签约，协议总投资30亿元。化工新材料是本市的主导产业。"
    assert not set(enterprises._subject_names(text))


def test_kinds_of_product_before_a_firm_noun_are_not_firms() -> None:
    text = "引进电驱、热管理、光伏玻璃等关键零部件企业。"
    assert enterprises._listed_names(text) == []


def test_legal_names_after_a_firm_noun_and_their_defined_short_names(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "泉城：装备产业提速\n\n支持链主企业齐鲁星耀装备股份有限公司（以下简称“星耀装备”）扩建生产线。"
        '陇原新能源集团有限公司(简称"陇原新能")投资8亿元建设年产5万吨正极材料项目。',
    )
    firms = _firms(graph)
    assert "齐鲁星耀装备股份有限公司" in firms and "星耀装备" in firms
    assert "陇原新能源集团有限公司" in firms and "陇原新能" in firms
    assert not any(name.startswith(("链主", "企业", "支持")) for name in firms)


def test_in_chain_only_for_the_chain_the_sentence_ties_a_firm_to(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "滨江：信创产业再上台阶\n\n滨江信创产业链链主企业为江潮软件有限公司。"
        "江潮软件有限公司的产品已在政务、金融、能源等领域规模化应用。",
    )
    assert not {"政务", "金融", "能源"} & _ends(graph, "IN_CHAIN", "江潮软件有限公司")


def test_a_firm_is_placed_where_it_builds_not_where_its_project_lands(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "江城：新能源电池产业集聚\n\n11月5日，在宜昌高新区白洋工业园，楚天能源相关负责人介绍新产品。"
        "黑土高分子材料有限公司投资6亿元的年产8万吨改性塑料项目落户大庆高新技术产业开发区。",
    )
    assert _ends(graph, "LOCATED_IN", "楚天能源") == {"白洋工业园"}  # the finer of 在X Y
    assert "大庆高新技术产业开发区" not in _ends(graph, "LOCATED_IN", "黑土高分子材料有限公司")
