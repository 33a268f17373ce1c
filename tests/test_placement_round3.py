"""Where news places firms and projects (round 3): a verb after a list places every item, 分别 pairs items with
places, 落户 reaches the finest place of 镇的园区, a figures clause may stand between a project and 落户, 在园区
refers back to the park named before, 聚集了 introduces firms, and a project no cue places lies in the zone the
news is about. Every text is invented (firms, parks, sentences), in the phrasings of two provinces each."""

from __future__ import annotations

from pathlib import Path

from chainkg.graph.model import Graph
from tests.extracted import extract_text as _graph


def _places(graph: Graph, name: str) -> set[str]:
    node = next(n for n in graph.nodes.values() if n.name == name and n.label in ("Enterprise", "Project"))
    return {graph.nodes[e.end].name for e in graph.edges.values() if e.type == "LOCATED_IN" and e.start == node.uid}


def test_a_verb_after_a_list_places_every_item(tmp_path: Path) -> None:
    # a Guangxi-style signing list closed by 等N个项目, a Jiangsu-style roster closed by 先后
    graph = _graph(
        tmp_path,
        "溪口区：零部件项目加速集聚\n\n1月10日，溪口区举行签约活动，青石模具年产50套冲压模具项目、"
        "蓝湾制动管搬迁项目、银杉电控项目等6个项目签约落户溪口高新技术产业开发区。",
    )
    for project in ("青石模具年产50套冲压模具项目", "蓝湾制动管搬迁项目", "银杉电控项目"):
        assert _places(graph, project) == {"溪口高新技术产业开发区"}
    graph = _graph(
        tmp_path,
        "滨江新闻\n\n跟随链主而来的华凯新材料有限公司、启明精密股份有限公司先后落户滨江经济开发区。",
    )
    assert _places(graph, "华凯新材料有限公司") == {"滨江经济开发区"}
    assert _places(graph, "启明精密股份有限公司") == {"滨江经济开发区"}


def test_respectively_pairs_items_with_places(tmp_path: Path) -> None:
    # a Hubei-style 分别在X、Y建设, a Heilongjiang-style 分别落户X和Y
    graph = _graph(
        tmp_path, "江城新闻\n\n11月5日，桐川新材料有限公司、云溪电子有限公司分别在枝江市、猇亭区建设电解液项目。"
    )
    assert _places(graph, "桐川新材料有限公司") == {"宜昌市枝江市"}
    assert _places(graph, "云溪电子有限公司") == {"宜昌市猇亭区"}
    graph = _graph(tmp_path, "油城新闻\n\n北湖化工有限公司、松原塑业有限公司分别落户林甸县和肇州县。")
    assert _places(graph, "北湖化工有限公司") == {"大庆市林甸县"}
    assert _places(graph, "松原塑业有限公司") == {"大庆市肇州县"}


def test_settling_reaches_the_park_of_a_town_and_a_later_clause(tmp_path: Path) -> None:
    # a Liaoning-style 总投资…，落户X镇的Y开发区 and 落户同在X的Y; a Henan-style 落户位于X的Y
    graph = _graph(
        tmp_path,
        "鞍城签约\n\n此次签约的北岭集团年产8万吨镁砂项目总投资9亿元，落户海城市牌楼镇的海城经济开发区；"
        "金石材料股份有限公司投资6亿元的年产5万吨耐火材料项目落户同在海城市的腾鳌经济开发区。",
    )
    assert _places(graph, "北岭集团年产8万吨镁砂项目") == {"海城经济开发区"}
    assert _places(graph, "年产5万吨耐火材料项目") == {"腾鳌经济开发区"}
    graph = _graph(
        tmp_path,
        "洛城新闻\n\n新锐储能有限公司投资20亿元的年产10GWh储能电池项目落户位于伊川县的洛阳伊川经济开发区。",
    )
    assert _places(graph, "年产10GWh储能电池项目") == {"洛阳伊川经济开发区"}


def test_the_park_word_alone_refers_back(tmp_path: Path) -> None:
    # a Jiangsu-style 在园区， frame and a Zhejiang-style A在该园区投产; a co-investor in 与B合资的 is not placed
    graph = _graph(
        tmp_path,
        "溧城新闻\n\n2019年，星辰电池有限公司在江苏中关村科技产业园建成基地。\n\n"
        "在园区，星辰电池有限公司与江海集团合资的江海星辰动力电池项目已形成产能。",
    )
    assert _places(graph, "江海星辰动力电池项目") == {"江苏中关村科技产业园"}
    assert not _places(graph, "江海集团")
    graph = _graph(
        tmp_path,
        "南浔新闻\n\n南浔经济开发区今年新签约项目12个。\n\n浔美电梯有限公司已在该园区投产，年产电梯5000台。",
    )
    assert _places(graph, "浔美电梯有限公司") == {"南浔经济开发区"}


def test_a_place_that_gathers_firms_places_them(tmp_path: Path) -> None:
    # a Guangxi-style 聚集了A、B, a Qinghai-style 汇聚了A、B等
    graph = _graph(tmp_path, "柳南区新闻\n\n柳南区聚集了龙城汽车集团、桂中重工集团两家主机厂和工程机械龙头山岭集团。")
    for firm in ("龙城汽车集团", "桂中重工集团", "山岭集团"):
        assert _places(graph, firm) == {"柳州市柳南区"}
    graph = _graph(tmp_path, "平安区新闻\n\n平安区汇聚了华能电子股份有限公司、鼎立微电子有限公司等一批链主企业。")
    assert _places(graph, "鼎立微电子有限公司") == {"海东市平安区"}


def test_a_project_without_a_cue_lies_in_the_zone_the_news_is_about(tmp_path: Path) -> None:
    # an Anhui-style lead (位于X县的Y经济开发区迎来…), a Hunan-style headline naming the zone
    graph = _graph(
        tmp_path,
        "肥东经开区：项目接连开工\n2025年3月10日\n\n3月以来，位于合肥市肥东县的安徽肥东经济开发区迎来开工热潮。\n\n"
        "晨光汽车部件有限公司投资5亿元建设的电驱总成项目于2月底开工。",
    )
    assert _places(graph, "电驱总成项目") == {"安徽肥东经济开发区"}
    graph = _graph(
        tmp_path,
        "浏阳经开区一季度项目建设提速\n\n4月2日，浏阳经济技术开发区举行项目集中开工仪式。\n\n"
        "湘联生物科技有限公司年产5000吨酶制剂项目计划年内投产。",
    )
    assert _places(graph, "湘联生物科技有限公司年产5000吨酶制剂项目") == {"浏阳经济技术开发区"}
    # a lead naming two zones speaks for neither: the project falls back to the text's area
    graph = _graph(
        tmp_path,
        "两区签约\n\n4月2日，长沙市在浏阳经济技术开发区和宁乡经济技术开发区举行项目集中签约。\n\n"
        "年产5000吨酶制剂项目计划年内投产。",
    )
    assert not {"浏阳经济技术开发区", "宁乡经济技术开发区"} & _places(graph, "年产5000吨酶制剂项目")
