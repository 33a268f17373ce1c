"""Products and the links and firms they belong to, round 6: 年产 figures written after the product and the firm
whose plant the figure is of; compound names whose qualifier is the chain's word or holds a lead word; 实施P扩能;
product lists after 向…等领域; what a 最大的P出口企业 makes; a project named after a process makes no product.
Every text is invented (places and firms too); each rule is tried with two provinces' ways of writing it."""

from __future__ import annotations

from pathlib import Path

from chainkg.graph.model import Graph
from chainkg.loaders.pipeline import extract_path


def _graph(tmp_path: Path, text: str, name: str = "doc.txt") -> Graph:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_path(path)


def _pairs(graph: Graph, rel: str) -> set[tuple[str, str]]:
    return {(graph.nodes[e.start].name, graph.nodes[e.end].name) for e in graph.edges.values() if e.type == rel}


def _products(graph: Graph) -> set[str]:
    return {n.name for n in graph.by_label("Product")}


# -- 年产P N吨: the figure after the product ------------------------------------------------------------
def test_yearly_output_written_after_the_product_is_made_by_the_investing_firm(tmp_path: Path) -> None:
    # a Liaoning-style news line: the firm's project first, then 达产后可年产P N万吨
    graph = _graph(
        tmp_path,
        "北岭钢铁深加工项目开工\n\n北岭特钢股份有限公司投资12亿元的精密带钢项目落户临河开发区，"
        "达产后可年产超薄精密带钢15万吨，年产值约30亿元。\n",
    )
    assert ("北岭特钢股份有限公司", "超薄精密带钢") in _pairs(graph, "MAKES")
    assert not any(p.endswith("万吨") or p.startswith("值") for p in _products(graph))


def test_yearly_output_list_goes_to_the_subsidiary_nearest_the_figures(tmp_path: Path) -> None:
    # a Hubei-style news line: a parent builds through a subsidiary, 规划年产P1 N吨、P2 M吨
    graph = _graph(
        tmp_path,
        "江畔材料基地观察\n\n链主企业东岳动力通过全资子公司南溪锂源材料有限公司在沙洲工业园投资80亿元建设一体化材料项目，"
        "规划年产硫酸镍12万吨、钴酸锂6万吨，一期已投产。\n",
    )
    makes = _pairs(graph, "MAKES")
    assert {("南溪锂源材料有限公司", "硫酸镍"), ("南溪锂源材料有限公司", "钴酸锂")} <= makes
    assert not any(firm == "东岳动力" for firm, _ in makes)


def test_yearly_output_value_is_no_product(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "云岭电子产业园签约\n\n滇南光电科技有限公司投资5亿元建设显示面板项目，建成后年产值20亿元、年产能提升一倍。\n",
    )
    assert not any(p.startswith(("值", "能")) for p in _products(graph))


# -- compound names ---------------------------------------------------------------------------------------
def test_the_chains_word_stays_on_a_product_named_by_a_bare_head(tmp_path: Path) -> None:
    # a Gansu-style report: the chain (光伏) qualifies a bare head (玻璃); a Jiangsu-style plan keeps stripping
    # a chain's name before a product with its own qualifier
    graph = _graph(
        tmp_path,
        "酒泉市光伏产业链发展报告\n\n全市光伏产业链涵盖上游多晶硅、中游电池片、下游组件。\n"
        "酒泉晶科光能有限公司生产光伏玻璃、光伏背板。\n",
        "a.txt",
    )
    assert {"光伏玻璃", "光伏背板"} <= _products(graph)
    assert not {"玻璃", "背板"} & _products(graph)
    graph = _graph(
        tmp_path,
        "宿迁市新能源汽车产业链行动方案\n\n支持宿迁远航汽车零部件有限公司生产新能源汽车驱动电机、新能源汽车动力电池。\n",
        "b.txt",
    )
    assert {"驱动电机", "动力电池"} <= _products(graph)


def test_a_lead_word_inside_a_compound_name_is_kept(tmp_path: Path) -> None:
    # a Guangdong-style list of firms and their niches; a Zhejiang-style 主营 line
    graph = _graph(
        tmp_path,
        "湾区专精特新企业名单发布\n\n其中，东莞海帆动力科技有限公司专注船用电动推进系统，东莞蓝鲸智控有限公司深耕伺服控制器。\n",
        "a.txt",
    )
    assert ("东莞海帆动力科技有限公司", "船用电动推进系统") in _pairs(graph, "MAKES")
    assert "系统" not in _products(graph)
    graph = _graph(
        tmp_path,
        "临海船舶配套企业走访\n\n浙东海工装备有限公司主营港口智能推进装备，年内将扩产。\n",
        "b.txt",
    )
    assert ("浙东海工装备有限公司", "港口智能推进装备") in _pairs(graph, "MAKES")


def test_a_list_lead_still_cut_before_a_bare_head(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "北湖市装备产业链行动方案\n\n支持北湖重工有限公司引进设备、重点发展减速器，扩大齿轮产能。\n",
    )
    assert not any(p.startswith(("引进", "重点")) for p in _products(graph))
