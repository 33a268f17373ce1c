"""Round 6 target rules: what one project states is no target (its investment before 的, its output lists, its
bracketed sizes and the yields after them), counts named by a threshold, and whose figure a chain named in it is.
Phrasings written for these tests in the manner of two provinces each (invented firms, zones and products)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chainkg.loaders.extract import policies, targets
from tests.extracted import extract_text as _graph
from tests.extracted import targets as _targets


def _values(clause: str) -> list[float]:
    return [figure.value for figure in targets.read_figures(clause, None, news=True)]


@pytest.mark.parametrize(
    "clause",
    [
        # a northern steel town's report: the firm's money is for a project named after 的
        "蓝川合金公司投资9亿元的年产25万吨精密带材项目落户本市经济开发区",
        # a south-western report: the project is named a few words after 的
        "云岭新材投资14亿元的电池隔膜生产基地项目上月已完成备案",
        "其中总投资30亿元的竹木家居智造园项目将落户某某小镇",
    ],
)
def test_one_projects_investment_named_after_de_is_no_target(clause: str) -> None:
    assert _values(clause) == []


def test_a_fund_of_a_size_named_after_de_is_still_read() -> None:
    figures = targets.read_figures("设立规模不低于20亿元的产业引导基金", None)
    assert [(f.indicator, f.value) for f in figures] == [("产业引导基金规模", 20.0)]


@pytest.mark.parametrize(
    "clause",
    [
        "规划年产正极前驱体12万吨、电解液8万吨、隔膜5亿平方米",
        "建成后可年产光伏玻璃60万吨、组件边框3万吨",
    ],
)
def test_every_item_of_a_projects_output_list_is_that_output(clause: str) -> None:
    figures = targets.read_figures(clause, None, news=True)
    assert figures and all(targets._project_figure(f.indicator, None) is None for f in figures)


@pytest.mark.parametrize(
    "clause",
    [
        "加快推进某某碳材料一体化项目（原丝8万吨、碳丝3万吨）建设",
        "支持建设年产储能电芯项目(一期20吉瓦时、二期30吉瓦时)",
    ],
)
def test_sizes_in_brackets_after_a_project_are_its_own(clause: str) -> None:
    assert _values(clause) == []


def test_a_list_of_outputs_without_a_project_is_still_read() -> None:
    figures = targets.read_figures("原丝产能达到12万吨、碳丝产能达到5万吨", None)
    assert [(f.indicator, f.value) for f in figures] == [("原丝产能", 12.0), ("碳丝产能", 5.0)]


@pytest.mark.parametrize(
    ("clause", "indicator", "value"),
    [
        ("形成3家营业收入超200亿元的龙头企业", "形成营业收入超200亿元的龙头企业", 3.0),
        ("培育产值过100亿元的配套企业6家以上", "培育产值过100亿元的配套企业", 6.0),
    ],
)
def test_a_count_named_by_a_threshold_keeps_the_threshold_in_its_name(
    clause: str, indicator: str, value: float
) -> None:
    figures = targets.read_figures(clause, None)
    assert [(f.indicator, f.value) for f in figures] == [(indicator, value)]


@pytest.mark.parametrize(
    "text",
    [
        "某某县新闻\n2024-03-02\n"
        "某某汽配智能工厂项目总投资8亿元，项目占地120亩，达产后可年产轮毂200万只，年产值约15亿元。\n",
        "某某区新闻\n2024-05-20\n"
        "某某生物发酵项目落地高新区，达产后年产氨基酸10万吨，实现年销售收入18亿元，年税收1.2亿元。\n",
    ],
)
def test_the_yields_after_a_projects_size_are_the_projects(tmp_path: Path, text: str) -> None:
    found = _targets(_graph(tmp_path, text))
    assert not [t for t in found if t[3] in (15.0, 18.0, 1.2)]


@pytest.mark.parametrize(
    ("indicator", "chain"),
    [
        ("襄阳市新能源汽车全产业链产值", "新能源汽车"),  # a city before its chain (a southern report)
        ("临沂市不锈钢新材料产业实现产值", "不锈钢新材料"),  # an eastern report: 实现 before the size
        ("全区机器人及智能制造产业规上工业产值", "机器人及智能制造"),  # a municipal district's plan
        ("储能电池产业开票销售", "储能电池"),
    ],
)
def test_a_chain_named_before_a_size_is_the_figures_scope(indicator: str, chain: str) -> None:
    assert targets.chain_named(indicator) == ("IndustryChain", chain)


@pytest.mark.parametrize(
    "indicator", ["某市八大新兴产业链营业收入占比提高", "化妆品生产企业总产值", "某市规上工业产值"]
)
def test_no_chain_is_read_from_groups_trades_or_the_economy(indicator: str) -> None:
    assert targets.chain_named(indicator) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "襄阳日报\n2024-06-01\n按照襄阳市与江岭汽车集团有限公司共同推进的三年计划，到2026年，"
            "襄阳市新能源汽车全产业链产值将达到3000亿元以上，零部件本地配套率达到60%。\n",
            {3000.0: "新能源汽车", 60.0: "新能源汽车"},
        ),
        (
            "溪城新闻\n2023-04-10\n溪城市将以溪城储能科技有限公司为核心继续延链补链，"
            "力争今年储能电池产业开票销售突破800亿元。\n",
            {800.0: "储能电池"},
        ),
        (
            "峡江新闻\n2024-09-12\n峡江市经济和信息化局负责人介绍，全市储能电池产业链目前拥有"
            "国家级专精特新小巨人企业9家、省级专精特新中小企业40家。\n",
            {9.0: "储能电池", 40.0: "储能电池"},
        ),
    ],
)
def test_a_reported_chains_figures_are_the_chains_not_the_firms_named_before(
    tmp_path: Path, text: str, expected: dict[float, str]
) -> None:
    found = {value: scope for _, scope, _, value in _targets(_graph(tmp_path, text))}
    assert {value: found.get(value) for value in expected} == expected


def test_a_figure_naming_its_own_class_of_goods_is_not_the_chains(tmp_path: Path) -> None:
    text = (
        "淄博新闻\n2024-08-03\n淄博市委主要负责人表示，力争到2025年化工新材料产业链产值突破300亿元，"
        "化工产品精深加工率提高到50%。\n"
    )
    found = {value: scope for _, scope, _, value in _targets(_graph(tmp_path, text))}
    assert found[300.0] == "化工新材料" and found[50.0] != "化工新材料"


def _plan(body: str) -> str:
    return (
        "绵阳市人民政府办公室关于印发绵阳市电子信息产业链提升行动方案（2024—2026年）的通知\n"
        "绵阳市电子信息产业链提升行动方案（2024—2026年）\n"
        "一、重点任务\n" + body + "\n"
    )


@pytest.mark.parametrize(
    ("body", "value", "zone"),
    [
        # a western province's wording: the item builds the park, then counts what enters it
        (
            "1.建设专业园区。高标准建设绵阳科创电子产业园，引育整机配套企业，三年新增入园企业40家。",
            40.0,
            "绵阳科创电子产业园",
        ),
        # a north-eastern wording: where the park is planned, then what is built in it
        ("2.完善园区配套。在绵阳高新区规划建设显示器件产业园，新建标准厂房30万平方米。", 30.0, "显示器件产业园"),
    ],
)
def test_a_plans_figures_after_building_a_zone_are_the_zones(
    tmp_path: Path, body: str, value: float, zone: str
) -> None:
    found = {v: scope for _, scope, _, v in _targets(_graph(tmp_path, _plan(body), "plan.txt"))}
    assert found[value] == zone


def test_a_count_of_the_zones_built_is_not_the_zones_own(tmp_path: Path) -> None:
    body = "3.打造承载平台。建设电子材料产业园5个，培育专精特新企业20家。"
    found = {v: scope for _, scope, _, v in _targets(_graph(tmp_path, _plan(body), "plan.txt"))}
    assert found[5.0] != "电子材料产业园"


@pytest.mark.parametrize(
    "text",
    [
        # a central province's report: the zone, its firms, then the part of them in one trade
        "芜湖新闻\n2024-07-08\n芜湖经济技术开发区以江城汽车有限公司为龙头。"
        "开发区现有规模以上工业企业300家，其中汽车零部件企业110家。\n",
        # a coastal report: the same with the count first written for the zone by name
        "芜湖新闻\n2024-07-08\n芜湖经济技术开发区以江城汽车有限公司为龙头。"
        "芜湖经济技术开发区已集聚工业企业300家，其中汽车零部件企业110家。\n",
    ],
)
def test_a_part_counted_after_qizhong_has_the_subject_of_the_whole(tmp_path: Path, text: str) -> None:
    found = {value: scope for _, scope, _, value in _targets(_graph(tmp_path, text))}
    assert found[110.0] == found[300.0] == "芜湖经济技术开发区"


def test_a_chain_the_plan_names_before_its_own_measure_is_the_figures_scope(tmp_path: Path) -> None:
    # a central plan's item on chain leaders: the item names no chain in its heading, the figure does
    body = (
        "1.落实链长制。每条产业链由一名市级领导担任链长，重点发展电子信息、轨道交通装备产业链，"
        "推动轨道交通装备本地配套率提高到55%。"
    )
    found = {v: scope for _, scope, _, v in _targets(_graph(tmp_path, _plan(body), "plan.txt"))}
    assert found[55.0] == "轨道交通装备"


def test_a_reported_chains_capacity_is_the_chains(tmp_path: Path) -> None:
    # a southern report: the chain is the paragraph's topic, the capacity is written after the chain's name
    text = (
        "肇庆新闻\n2024-10-11\n近年来，肇庆推动储能电池产业链延链补链，储能电池、新能源汽车两大产业撑起全市工业。"
        "其中，储能电池产业链已贯通材料到回收各环节，全市建成储能电池产能60吉瓦时。\n"
    )
    found = {v: scope for _, scope, _, v in _targets(_graph(tmp_path, text))}
    assert found[60.0] == "储能电池"


@pytest.mark.parametrize(
    ("title", "chain"),
    [
        # an eastern county's plan: qualifiers before the vocabulary's name are part of the chain
        ("南京市江宁区人民政府办公室关于印发江宁区新型汽车电子产业培育实施方案的通知", "新型汽车电子"),
        # a south-western city's plan
        ("泸州市人民政府关于印发泸州市高端医疗器械产业强链实施方案的通知", "高端医疗器械"),
    ],
)
def test_a_plans_items_support_the_chain_its_title_names_in_full(tmp_path: Path, title: str, chain: str) -> None:
    text = title + "\n一、主要任务\n（一）壮大骨干企业。支持骨干企业扩大产能，提升配套水平。\n"
    graph = _graph(tmp_path, text, "plan.txt")
    supported = {graph.nodes[e.end].name for e in graph.edges.values() if e.type == "SUPPORTS"}
    assert supported == {chain}


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # a central province's goal: the change against the plan's base year, then the level it reaches
        ("到2026年，全市电子信息产业营业收入较2023年增长40%以上，达到1800亿元。", "电子信息产业营业收入", 1800.0),
        # a northern wording: doubling against the base, the level after a 、
        ("到2026年，全市电子信息产业规上企业数量较2023年翻一番、达到260家。", "电子信息产业规上企业数量", 260.0),
    ],
)
def test_a_change_against_the_base_then_its_level_is_one_target_of_the_level(
    tmp_path: Path, body: str, indicator: str, value: float
) -> None:
    found = _targets(_graph(tmp_path, _plan("一、发展目标\n" + body), "plan.txt"))
    assert [(name, year, v) for name, _, year, v in found] == [(indicator, 2026, value)]


def test_a_yearly_change_before_a_level_stays_a_target_of_its_own() -> None:
    clauses = [clause for clause, _ in targets._clauses("营业收入同比增长12%，达到300亿元")]
    assert clauses == ["营业收入同比增长12%", "达到300亿元"]


@pytest.mark.parametrize(
    "clause",
    [
        "集成电路是本市16条重点产业链之一",  # a coastal report
        "生物医药是全省12条重点产业链中的领头产业",  # a northern report
        "该集群入选全国45个先进制造业集群之一",
    ],
)
def test_a_counted_set_something_belongs_to_is_no_figure(clause: str) -> None:
    assert _values(clause) == []


def test_charging_infrastructure_of_a_one_chain_plan_is_the_areas() -> None:
    assert targets.area_wide("建成充电基础设施")
    assert targets.area_wide("新建公共充电桩")


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # a south-western report: two links of a chain share one capacity
        ("截至2023年底全市多晶硅、硅片产能均超过60吉瓦", [("多晶硅产能", 60.0), ("硅片产能", 60.0)]),
        # an eastern report: three products share one output, joined by 、 and 和
        ("全市电芯、模组和电池包产量均突破20万套", [("电芯产量", 20.0), ("模组产量", 20.0), ("电池包产量", 20.0)]),
    ],
)
def test_a_measure_shared_with_jun_is_each_items(clause: str, expected: list[tuple[str, float]]) -> None:
    assert [(f.indicator, f.value) for f in targets.read_figures(clause, None)] == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # a municipality's report: the vocabulary need not know every chain of the list
        (
            "其中，光电子、车联网、海洋装备产业链增加值增速分别达到18.5%、16%、12.4%",
            [("光电子", 18.5), ("车联网", 16.0), ("海洋装备", 12.4)],
        ),
        # a central province's plan
        ("到2026年，全省氢能、储能产业链营业收入分别达到400亿元、600亿元", [("氢能", 400.0), ("储能", 600.0)]),
    ],
)
def test_a_respectively_list_of_chains_gives_each_chain_the_measure(
    clause: str, expected: list[tuple[str, float]]
) -> None:
    figures = [f for part in targets._CLAUSE.split(clause) for f in targets.read_figures(part, None)]
    assert [(f.scope[1] if f.scope else None, f.value) for f in figures] == expected
    assert all(not f.indicator.startswith(("光电子", "氢能")) for f in figures)


@pytest.mark.parametrize(
    "indicator",
    [
        "每个产业链由一名市级领导担任链长人数",
        "去年我市产业链韧性不断提升重点产业链增加值增速",
        "全力建设千亿元级产业链群数量",
    ],
)
def test_quantifiers_times_and_magnitude_classes_are_no_chain(indicator: str) -> None:
    assert targets.chain_named(indicator) is None


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # an eastern province's goals: one indicator, a value for each year
        (
            "专精特新中小企业2025年突破1.2万家、2026年突破1.5万家",
            [("专精特新中小企业", 2025, 1.2), ("专精特新中小企业", 2026, 1.5)],
        ),
        # a south-western report: the year written between a sector's measure and its value
        ("数字经济核心产业增加值2023年达到900亿元", [("数字经济核心产业增加值", 2023, 900.0)]),
    ],
)
def test_a_year_right_before_a_value_dates_it(clause: str, expected: list[tuple[str, int, float]]) -> None:
    assert [(f.indicator, f.year, f.value) for f in targets.read_figures(clause, None)] == expected


def test_a_plans_values_per_year_are_targets_of_their_years(tmp_path: Path) -> None:
    body = "到2026年，全市电子信息产业规上企业2025年达到300家、2026年达到360家。"
    found = _targets(_graph(tmp_path, _plan("一、发展目标\n" + body), "plan.txt"))
    assert sorted((year, value) for _, _, year, value in found) == [(2025, 300.0), (2026, 360.0)]


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # a central province's goals: one verb counts every item of the list
        (
            "培育3个国家级、8个省级先进制造业集群和20个市级特色产业链",
            [("培育国家级", 3.0), ("培育省级先进制造业集群", 8.0), ("培育市级特色产业链", 20.0)],
        ),
        # an eastern city's goals: items joined by 、 and 及
        (
            "新增12家链主企业、40家专精特新企业及6家上市公司",
            [("新增链主企业", 12.0), ("新增专精特新企业", 40.0), ("新增上市公司", 6.0)],
        ),
    ],
)
def test_a_count_verb_counts_every_item_of_its_list(clause: str, expected: list[tuple[str, float]]) -> None:
    assert [(f.indicator, f.value) for f in targets.read_figures(clause, None)] == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [("形成2至3个千亿级产业集群", [("形成千亿级产业集群", 3.0)]), ("每年新增5-8家上市公司", [("新增上市公司", 8.0)])],
)
def test_a_range_is_read_at_its_upper_end(clause: str, expected: list[tuple[str, float]]) -> None:
    assert [(f.indicator, f.value) for f in targets.read_figures(clause, None)] == expected


def test_a_date_range_is_no_range_of_a_figure() -> None:
    assert [f.value for f in targets.read_figures("1-8月实现产值50亿元", None)] == [50.0]


@pytest.mark.parametrize(
    "clause",
    [
        "每条产业链由1名市级领导担任链长",  # a central province's scheme
        "以1个牵头部门为责任单位，依托1个行业协会和1个研究院组建专班",  # a western wording of the same
    ],
)
def test_one_of_each_per_chain_is_how_a_scheme_runs_not_a_figure(clause: str) -> None:
    assert [f for part in targets._CLAUSE.split(clause) for f in targets.read_figures(part, None, news=True)] == []


def test_a_clause_ending_in_a_verb_with_yu_keeps_it() -> None:
    assert [f.indicator for f in targets.read_figures("累计300人次参与", None, news=True)] == ["参与"]


@pytest.mark.parametrize(
    ("text", "kind", "year"),
    [
        # a northern report on a new three-year plan: the period ahead states goals
        ("石家庄新闻\n2025-04-20\n2025—2027年，全市集群营业收入保持年均增长9%左右。\n", "target", 2027),
        # a western report looking back on a closed period
        ("兰州新闻\n2024-03-02\n2021—2023年，全市集群营业收入年均增长7%。\n", "actual", 2023),
    ],
)
def test_a_dashed_period_ahead_of_a_report_states_goals(tmp_path: Path, text: str, kind: str, year: int) -> None:
    graph = _graph(tmp_path, text)
    found = [(n.props.get("kind"), n.props.get("year")) for n in graph.by_label("Target")]
    assert found == [(kind, year)]


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # a northern report on a chain leader's suppliers
        (
            "本地配套率从2022年的18.5%提升至2024年的31.2%",
            [("本地配套率", 2022, 18.5, True), ("本地配套率", 2024, 31.2, False)],
        ),
        # a southern plan's goal: from the base year's level to the plan's last year
        (
            "研发投入强度由2023年的2.2%提高到2026年的2.9%",
            [("研发投入强度", 2023, 2.2, True), ("研发投入强度", 2026, 2.9, False)],
        ),
        ("全市规上工业产值由500亿元增长到800亿元", [("规上工业产值", None, 800.0, False)]),
    ],
)
def test_both_ends_of_a_change_from_one_year_to_another(
    clause: str, expected: list[tuple[str, int | None, float, bool]]
) -> None:
    found = [(f.indicator, f.year, f.value, f.baseline) for f in targets.read_figures(clause, None)]
    assert found == expected


def test_a_reports_change_to_a_past_year_is_what_was_done(tmp_path: Path) -> None:
    text = "太原新闻\n2025-03-01\n某某钢铁集团协作配套率从2022年的10.5%提升至2024年的20.5%。\n"
    found = sorted((n.props.get("year"), n.props.get("kind")) for n in _graph(tmp_path, text).by_label("Target"))
    assert found == [(2022, "actual"), (2024, "actual")]


@pytest.mark.parametrize(
    "sentence",
    [
        "按照全市重点产业链“一链一方案”的要求，制定本方案。",  # a south-western city's preamble
        "对链主企业实行“一企一策”精准服务，落实《某某市制造业高质量发展若干政策》。",  # an eastern wording
    ],
)
def test_a_distributive_slogan_in_quotes_is_no_cited_policy(sentence: str) -> None:
    cited = [title for title, _, _ in policies._cited(sentence)]
    assert not [title for title in cited if title.startswith("一")]
    assert cited == [] or cited == ["某某市制造业高质量发展若干政策"]


@pytest.mark.parametrize(
    "text",
    [
        # a central report: firms listed as owners of a batch of projects in a zone
        "芜湖新闻\n2024-04-02\n今年以来，芜湖经济技术开发区迎来开工热潮，江城汽车有限公司、芜湖精工科技有限公司等一批"
        "新能源汽车产业链项目相继动工，总投资合计超过30亿元。\n",
        # a south-western report: the batch counted, the sum after it
        "芜湖新闻\n2024-04-02\n芜湖经济技术开发区一季度新开工项目多，江城汽车有限公司、芜湖精工科技有限公司等8个"
        "项目集中开工，总投资合计30亿元。\n",
    ],
)
def test_a_batch_of_projects_sum_is_not_the_last_firms(tmp_path: Path, text: str) -> None:
    found = {value: scope for _, scope, _, value in _targets(_graph(tmp_path, text))}
    assert found[30.0] == "芜湖经济技术开发区"


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # a western plan's list of goals: the threshold qualifies what is counted after 的
        ("产值超50亿元的重点项目突破10个", [("产值超50亿元的重点项目", 10.0)]),
        ("营业收入过20亿元的骨干企业达到15家", [("营业收入过20亿元的骨干企业", 15.0)]),
        # a northern plan: 累计 before the bridge is no part of the indicator
        ("省级以上企业技术中心累计达到80家", [("省级以上企业技术中心", 80.0)]),
    ],
)
def test_noun_phrases_before_a_bridge_name_the_indicator(clause: str, expected: list[tuple[str, float]]) -> None:
    assert [(f.indicator, f.value) for f in targets.read_figures(clause, None)] == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("1.地区生产总值增长5.5%左右", [("地区生产总值", 5.5)]),  # a north-eastern list of yearly goals
        ("（2）规模以上工业增加值增长6%", [("规模以上工业增加值", 6.0)]),  # a western one
    ],
)
def test_a_lists_numbering_is_no_part_of_the_indicator(clause: str, expected: list[tuple[str, float]]) -> None:
    assert [(f.indicator, f.value) for f in targets.read_figures(clause, None)] == expected


@pytest.mark.parametrize(
    "clause",
    [
        "我市将围绕12条重点产业链",  # a municipality's report
        "提出围绕全市21个重大产业",  # a southern report
        "聚焦全省8个优势产业集群",
        "其中3个营业收入超2000亿元",  # some of the clusters counted before: a threshold, no figure
    ],
)
def test_the_set_a_plan_works_on_is_no_goal(clause: str) -> None:
    assert targets.read_figures(clause, None) == []


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # an eastern plan: qualities listed before what is counted
        ("重点培育30条具有较强带动性、根植性的特色产业链", [("重点培育特色产业链", 30.0)]),
        # a western plan
        ("培育20家创新能力强、成长性好的专精特新企业", [("培育专精特新企业", 20.0)]),
    ],
)
def test_what_is_counted_follows_a_list_of_its_qualities(clause: str, expected: list[tuple[str, float]]) -> None:
    assert [(f.indicator, f.value) for f in targets.read_figures(clause, None)] == expected


@pytest.mark.parametrize(
    "heading",
    [
        "1.高端医疗器械",  # an eastern plan of several chains, each a numbered heading
        "（二）高端医疗器械",  # a central plan's heading style
    ],
)
def test_a_heading_naming_a_chain_with_a_qualifier_scopes_its_items_figures(tmp_path: Path, heading: str) -> None:
    text = (
        "常州市人民政府关于印发常州市重点产业提质三年行动方案（2024-2026年）的通知\n"
        "常州市重点产业提质三年行动方案（2024-2026年）\n"
        "一、重点产业\n" + heading + "\n提质目标：力争到2026年，产业规模突破800亿元。\n"
    )
    found = {value: scope for _, scope, _, value in _targets(_graph(tmp_path, text, "plan.txt"))}
    assert found[800.0] == "医疗器械"


@pytest.mark.parametrize("title", ["加快医疗器械", "重点医疗器械", "培育医疗器械"])
def test_a_verb_or_group_word_before_a_chain_is_no_qualifier(title: str) -> None:
    assert not targets._qualified_chain(title, "医疗器械")


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("储能变流器已形成80万台产能", [("储能变流器产能", 80.0)]),  # an eastern report
        ("全县已形成300亿元产值", [("产值", 300.0)]),  # a central report
    ],
)
def test_a_size_written_after_its_value_names_the_indicator(clause: str, expected: list[tuple[str, float]]) -> None:
    assert [(f.indicator, f.value) for f in targets.read_figures(clause, None)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # an eastern report: what a chain's product has now, then the goal for a later year
        "嘉兴新闻\n2023-11-02\n嘉兴新能源汽车产业链加快壮大。全市新能源汽车驱动电机已形成150万台产能，到2025年将突破400万台。\n",
        # a northern report: the same, with 力争
        "嘉兴新闻\n2023-11-02\n嘉兴新能源汽车产业链加快壮大。全市新能源汽车驱动电机已形成150万台产能，到2025年力争达到400万台。\n",
    ],
)
def test_what_is_there_before_a_goals_year_is_actual_and_the_goal_goes_on_with_it(tmp_path: Path, text: str) -> None:
    graph = _graph(tmp_path, text)
    found = sorted((n.props.get("year"), n.props.get("kind"), n.props.get("value")) for n in graph.by_label("Target"))
    assert found == [(2023, "actual", 150.0), (2025, "target", 400.0)]
    scopes = {scope for _, scope, _, _ in _targets(graph)}
    assert scopes == {"新能源汽车"}


def test_a_level_reached_after_an_addition_is_the_whole() -> None:
    added = targets.read_figures("新增多晶硅产能20万吨", None)[0]
    assert [(f.indicator, f.value) for f in targets._continued("达到50万吨", added)] == [("多晶硅产能", 50.0)]
    assert targets._continued("达到50亿元", added) == []  # another unit: not the same indicator


@pytest.mark.parametrize(
    "text",
    [
        # a south-eastern county report on its leading trade
        "德化县陶瓷产业链延链补链\n2024-06-18\n陶瓷产业是德化县的首位产业。德化县已形成完整的陶瓷产业链，"
        "现有陶瓷企业3000余家、从业人员10余万人。\n",
        # a central county's wording
        "德化县陶瓷产业链延链补链\n2024-06-18\n陶瓷产业是德化县的首位产业。全县现有陶瓷相关企业3000余家、"
        "从业人员10余万人。\n",
    ],
)
def test_a_reports_count_of_its_chains_firms_is_the_chains(tmp_path: Path, text: str) -> None:
    found = {value: scope for _, scope, _, value in _targets(_graph(tmp_path, text))}
    assert found[3000.0] == found[10.0] == "陶瓷"


def test_a_chains_firms_counted_for_a_town_are_the_towns(tmp_path: Path) -> None:
    text = "吴兴区童装产业链\n2023-09-01\n童装产业是吴兴区的特色产业。织里镇现有童装企业1.2万家，年产童装14亿件。\n"
    found = {value: scope for _, scope, _, value in _targets(_graph(tmp_path, text))}
    assert found[1.2] == "织里镇"


@pytest.mark.parametrize(
    ("clause", "value", "comparator"),
    [("已吸引甲、乙等上百家配套企业集聚", 100.0, ">"), ("带动近千家中小企业协同发展", 1000.0, "about")],
)
def test_round_counts_written_as_words_are_read(clause: str, value: float, comparator: str) -> None:
    figures = targets.read_figures(clause, None, news=True)
    assert [(f.value, f.comparator) for f in figures] == [(value, comparator)]
    assert not figures[0].indicator.startswith(("甲", "乙"))  # the firms named are examples of those counted


@pytest.mark.parametrize(
    "text",
    [
        # an eastern report: a park, then firms named as examples of those it drew
        "福安新闻\n2025-02-14\n如今，以青拓集团有限公司为链主，湾坞临港产业园已吸引福建甬达金属有限公司、"
        "福建宏达实业有限公司等上百家上下游企业集聚。\n",
        # a central report: the same shape with a count in digits
        "福安新闻\n2025-02-14\n湾坞临港产业园已吸引福建甬达金属有限公司、福建宏达实业有限公司等120家上下游企业集聚。\n",
    ],
)
def test_firms_named_as_examples_of_a_count_are_not_its_subject(tmp_path: Path, text: str) -> None:
    graph = _graph(tmp_path, text)
    scopes = {scope for _, scope, _, _ in _targets(graph)}
    assert scopes == {"湾坞临港产业园"}


@pytest.mark.parametrize(
    "text",
    [
        # a central report: the quote, then the zone's bureau that speaks it
        "芜湖新闻\n2025-03-10\n芜湖经济技术开发区（以下简称“芜湖经开区”）位于芜湖市。江城汽车有限公司是开发区龙头。"
        "“我们瞄准配套缺口精准招商，今年计划新签约亿元以上项目30个。”芜湖经开区招商局负责人介绍。\n",
        # a northern wording: 相关负责人表示
        "芜湖新闻\n2025-03-10\n芜湖经济技术开发区（以下简称“芜湖经开区”）位于芜湖市。江城汽车有限公司是开发区龙头。"
        "“今年力争新签约亿元以上项目30个。”芜湖经开区经济发展局相关负责人表示。\n",
    ],
)
def test_a_quoted_figure_is_the_speakers_zones(tmp_path: Path, text: str) -> None:
    found = {value: scope for _, scope, _, value in _targets(_graph(tmp_path, text))}
    assert found[30.0] == "芜湖经济技术开发区"


@pytest.mark.parametrize(
    "goals",
    [
        # a northern plan: a line of goals per year, the year opening the line
        "2024年，全市电子信息产业营业收入达到900亿元。规上企业数量达到120家。\n"
        "到2026年，全市电子信息产业营业收入达到1200亿元。\n",
        # a western plan: the year followed by a colon
        "2024年：全市电子信息产业营业收入达到900亿元。规上企业数量达到120家。\n"
        "到2026年，全市电子信息产业营业收入达到1200亿元。\n",
    ],
)
def test_a_year_opening_a_plans_line_dates_its_goals(tmp_path: Path, goals: str) -> None:
    found = _targets(_graph(tmp_path, _plan("一、发展目标\n" + goals), "plan.txt"))
    assert sorted((value, year) for _, _, year, value in found) == [(120.0, 2024), (900.0, 2024), (1200.0, 2026)]


@pytest.mark.parametrize(
    "text",
    [
        # a south-western report: one indicator, a value for two years, then its yearly growth
        "昆明新闻\n2018-03-01\n全市生物医药产业主营业务收入2018年达到600亿元左右，2020年达到900亿元左右，年均增长20%左右。\n",
        # a northern report with 力争 before the later year's value
        "昆明新闻\n2018-03-01\n全市生物医药产业主营业务收入2018年达到600亿元，2020年力争达到900亿元，年均增长20%。\n",
    ],
)
def test_a_second_year_value_pair_and_the_yearly_growth_keep_the_indicator(tmp_path: Path, text: str) -> None:
    found = sorted((year, value, name) for name, _, year, value in _targets(_graph(tmp_path, text)))
    assert [(year, value) for year, value, _ in found] == [(2018, 600.0), (2020, 20.0), (2020, 900.0)]
    assert all(name.startswith("生物医药产业主营业务收入") for _, _, name in found)


@pytest.mark.parametrize(
    ("body", "share"),
    [
        # an eastern municipality's plan: a level, then its share of the economy in the next clause
        ("到2026年，全市工业增加值超过2000亿元，占地区生产总值比重达30%以上。", "工业增加值占地区生产总值比重"),
        # a central plan: the same with the share of all industry
        ("到2026年，全市电子信息产业营业收入达到1200亿元，占规上工业营业收入比重达到25%。", None),
    ],
)
def test_a_share_after_a_level_is_that_levels_share(tmp_path: Path, body: str, share: str | None) -> None:
    found = {
        value: name for name, _, _, value in _targets(_graph(tmp_path, _plan("一、发展目标\n" + body), "plan.txt"))
    }
    name = found[30.0] if 30.0 in found else found[25.0]
    assert name == (share or "电子信息产业营业收入占规上工业营业收入比重")


def test_a_plans_industry_at_large_is_the_areas() -> None:
    assert targets.area_wide("工业劳动生产率") and targets.area_wide("工业机器人使用密度")


@pytest.mark.parametrize(
    "rows",
    [
        # a central county's work plan: numbered rows, the indicator in the second cell
        "1\t轨道交通装备产业链产值\t亿元\t500\t县工信局\n2\t电子信息产业链产值\t亿元\t300\t县工信局\n",
        # a western wording: no numbering column
        "轨道交通装备产业链产值\t亿元\t500\n电子信息产业链产值\t亿元\t300\n",
    ],
)
def test_the_goals_item_supports_the_chains_its_table_names(tmp_path: Path, rows: str) -> None:
    text = (
        "株洲县2024年产业链建设工作要点\n"
        "一、主要目标\n全县规模工业总产值增长8%。主要指标如下：\n" + rows + "二、重点工作\n"
        "（一）开展精准招商。引进关键零部件企业。\n附：1. 主要指标表\n序号\t指标\n1\t新材料产业链产值\t亿元\t100\n"
    )
    graph = _graph(tmp_path, text, "plan.txt")
    supports = {
        (graph.nodes[e.start].name, graph.nodes[e.end].name) for e in graph.edges.values() if e.type == "SUPPORTS"
    }
    assert {chain for measure, chain in supports if measure == "主要目标"} == {"轨道交通装备", "电子信息"}
    assert not {chain for measure, chain in supports if measure == "开展精准招商"}


@pytest.mark.parametrize(
    ("row", "indicator"),
    [
        ("轨道交通装备产业链产值", "产值"),
        ("储能电池产业营业收入", "营业收入"),
        ("新能源汽车产业链", "新能源汽车产业链"),
    ],
)
def test_a_table_rows_chain_is_its_scope_not_its_indicator(row: str, indicator: str) -> None:
    assert targets._after_chain(row) == indicator


def test_two_chains_rows_of_one_measure_share_one_indicator(tmp_path: Path) -> None:
    # a central county's work plan and its table of chain figures (two rows, one measure)
    text = (
        "株洲县2024年产业链建设工作要点\n一、主要目标\n主要指标如下：\n"
        "序号\t指标名称\t单位\t2024年目标\t责任单位\n"
        "1\t轨道交通装备产业链产值\t亿元\t500\t县工信局\n2\t电子信息产业链产值\t亿元\t300\t县工信局\n"
        "二、重点工作\n（一）开展精准招商。引进关键零部件企业。\n"
    )
    graph = _graph(tmp_path, text, "plan.txt")
    assert sorted((name, scope, value) for name, scope, _, value in _targets(graph)) == [
        ("产值", "电子信息", 300.0),
        ("产值", "轨道交通装备", 500.0),
    ]


@pytest.mark.parametrize("title", ["强龙头壮产业行动方案", "龙头企业产业链协同行动方案"])
def test_a_slogan_of_firms_in_a_title_names_no_chain(title: str) -> None:
    assert targets.plan_chain(title, None) is None
