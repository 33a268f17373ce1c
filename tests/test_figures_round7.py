"""Round 7 figure rules for real news and reports: the goal's year a clause writes itself (力争2025年) and the
chain a plan's investment figure opens with (某某产业累计完成投资…). Phrasings written for these tests in the manner
of two provinces each (invented places, chains and figures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chainkg.loaders.extract import targets
from tests.extracted import extract_text as _graph
from tests.extracted import targets as _targets


@pytest.mark.parametrize(
    "text",
    [
        # a southern island city's report of a new plan: each chain's goal written with 力争 and no 到
        "南湾日报\n2024-03-18\n日前，南湾市出台工业提振措施，其中提出，智能装备产业力争2026年产值达到80亿元，"
        "海工材料产业力争2026年产值达到30亿元。\n",
        # a north-western province's report: 力争到 before the year, the goal follows the chain
        "西岭新闻\n2023-09-02\n近日，西岭市印发方案。方案提出，智能装备产业力争到2026年产值达到80亿元，"
        "海工材料产业力争到2026年产值达到30亿元。\n",
    ],
)
def test_a_goal_year_after_lizheng_is_the_targets_year_not_the_datelines(tmp_path: Path, text: str) -> None:
    found = {value: (indicator, scope, year) for indicator, scope, year, value in _targets(_graph(tmp_path, text))}
    for value, chain in ((80.0, "智能装备"), (30.0, "海工材料")):
        indicator, scope, year = found[value]
        assert indicator.endswith("产值") and "力争" not in indicator
        assert (scope, year) == (chain, 2026)


@pytest.mark.parametrize(
    ("indicator", "chain"),
    [
        ("光伏材料产业累计完成投资", "光伏材料"),  # a western plateau city's chain plan
        ("绿色食品产业完成投资", "绿色食品"),  # a central province's report of its chains' investment
    ],
)
def test_a_chain_named_before_its_investment_is_the_figures_scope(indicator: str, chain: str) -> None:
    assert targets.chain_named(indicator) == ("IndustryChain", chain)


def test_the_investment_of_a_chain_in_a_report_is_the_chains(tmp_path: Path) -> None:
    # a western report of a city's plan for three chains: the investment is each chain's, not the city's
    text = (
        "高原日报\n2024-05-06\n记者从雪川市工信局获悉，到2026年，锂电材料产业累计完成投资600亿元，"
        "有机农业产业累计完成投资90亿元。\n"
    )
    found = {value: (scope, year) for _, scope, year, value in _targets(_graph(tmp_path, text))}
    assert found[600.0] == ("锂电材料", 2026)
    assert found[90.0] == ("有机农业", 2026)


@pytest.mark.parametrize(
    "text",
    [
        # a southern province's report of a city's measures: the chain opens a clause of duties, the goal follows
        "南湾日报\n2024-03-18\n日前，南湾市出台措施。措施提出，海工装备产业要加快向高端转型，力争2026年产值突破80亿元。\n",
        # a south-western county's news: the chain is the item's subject after 一是, its goal two clauses later
        "山城快讯\n2023-02-10\n该县将做强工业。一是海工装备产业，重点壮大船用配件链条，力争到2026年产值达到80亿元。\n",
    ],
)
def test_a_chain_opening_a_clause_without_figures_is_the_next_figures_scope(tmp_path: Path, text: str) -> None:
    found = {value: (scope, year) for _, scope, year, value in _targets(_graph(tmp_path, text))}
    assert found[80.0] == ("海工装备", 2026)


@pytest.mark.parametrize(
    "clause",
    [
        "依托本区精密仪器产业集群",  # a means the plan builds on, not what its figures are about
        "在壮大新兴产业方面",  # a group of chains
        "全市各产业要加快转型",
    ],
)
def test_no_chain_is_read_from_a_means_or_a_group(clause: str) -> None:
    assert targets._opening_chain(clause) is None


def test_above_size_output_right_after_a_chains_investment_is_the_chains(tmp_path: Path) -> None:
    # a western plateau report: the chain's firms above size, in the clause after the chain's investment
    text = "高原日报\n2024-05-06\n到2026年，锂电材料产业累计完成投资600亿元，规上工业产值达到900亿元。\n"
    found = {value: scope for _, scope, _, value in _targets(_graph(tmp_path, text))}
    assert found[900.0] == "锂电材料"


def test_growth_of_the_areas_industry_after_a_chains_output_stays_the_areas(tmp_path: Path) -> None:
    # an eastern report: the chain's output, then the growth of the whole area's industry
    text = "江畔新闻\n2024-01-22\n去年，全市光学镜片产业产值达到120亿元，规上工业增加值达到300亿元。\n"
    found = {value: scope for _, scope, _, value in _targets(_graph(tmp_path, text))}
    assert found[120.0] == "光学镜片"
    assert found.get(300.0) != "光学镜片"


@pytest.mark.parametrize(
    "text",
    [
        # a north-western province's report: what stood at the end of a closed year, in a text naming later goals
        "青原日报\n2024-06-12\n截至2021年底，青海省格尔木市硼酸产能达到60万吨，碳酸锂产能8万吨。到2030年，全市建成世界级盐化基地。\n",
        # a northern report: 截至 and the month's end
        "北疆新闻\n2023-11-30\n截至2022年年底，新疆哈密市风电整机产能达到300万千瓦，叶片产能500套。2025年全市力争再上新台阶。\n",
    ],
)
def test_figures_as_of_a_years_end_are_that_years_reported_figures(tmp_path: Path, text: str) -> None:
    years = {year for _, _, year, _ in _targets(_graph(tmp_path, text))}
    assert years == {int(text.split("截至")[1][:4])}


@pytest.mark.parametrize(
    ("clause", "indicator"),
    [("工业硅产能接近40万吨", "工业硅产能"), ("年接待游客接近900万人次", "年接待游客")],
)
def test_jiejin_before_a_value_is_an_about_comparator_not_part_of_the_name(clause: str, indicator: str) -> None:
    (figure,) = targets.read_figures(clause, None, news=True)
    assert (figure.indicator, figure.comparator) == (indicator, "about")


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # a south-western county's report: amounts before products, 等 and a kind before 产能
        (
            "已形成8万吨硅料、30GW硅片、12GW电池片等光伏产能",
            [("硅料产能", 8.0), ("硅片产能", 30.0), ("电池片产能", 12.0)],
        ),
        # a western zone's report: the last product right before 产能, a unit led by 亿
        ("形成6万吨负极材料、2.5亿平方米铜箔产能", [("负极材料产能", 6.0), ("铜箔产能", 2.5)]),
        # a south-western firm's report: 年产 …/年 … 的生产能力
        ("已形成年产90万吨/年合成氨、40万吨/年尿素的生产能力", [("合成氨产能", 90.0), ("尿素产能", 40.0)]),
    ],
)
def test_a_list_of_capacities_is_each_products_capacity(clause: str, expected: list[tuple[str, float]]) -> None:
    assert [(f.indicator, f.value) for f in targets.capacity_list(clause)] == expected


@pytest.mark.parametrize("clause", ["形成120万台产能", "全市建成储能电池产能60吉瓦时", "新增投资20亿元、企业5家等产能"])
def test_one_capacity_or_no_goods_is_no_capacity_list(clause: str) -> None:
    assert targets.capacity_list(clause) == []


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # a north-western plan: each named chain is to become a cluster of a size (a range: its lower end)
        ("枸杞、牦牛2个产业建成200—300亿级产业集群", [("枸杞", 200.0), ("牦牛", 200.0)]),
        # an eastern province's plan: 培育形成 … N个千亿级产业集群, chains named first
        ("培育形成智能家电、精细化工2个千亿级产业集群", [("智能家电", 1000.0), ("精细化工", 1000.0)]),
        # a bracketed note inside the chain's name is no part of it
        ("把茶叶（含花茶）产业建成百亿级产业集群", [("茶叶", 100.0)]),
    ],
)
def test_chains_named_with_a_cluster_size_each_get_the_clusters_output(
    clause: str, expected: list[tuple[str, float]]
) -> None:
    figures = targets.cluster_sizes(clause)
    assert [(f.scope[1] if f.scope else None, f.value) for f in figures] == expected
    assert {f.indicator for f in figures} == {"产业集群产值"}


@pytest.mark.parametrize("clause", ["打造2个千亿级产业集群", "培育一批百亿级产业集群", "建设百亿级的产业强县10个"])
def test_a_count_of_clusters_without_chain_names_is_no_chains_output(clause: str) -> None:
    assert targets.cluster_sizes(clause) == []


def test_a_cluster_goal_without_its_own_year_takes_the_paragraphs_goal_year(tmp_path: Path) -> None:
    # a north-western report of a plan: the paragraph names the goal year, a later sentence the cluster
    text = (
        "陇原新闻\n2022-03-01\n方案的总体目标是到2025年，全省农产品加工业提质增效。"
        "把枸杞、牦牛2个产业建成200亿级产业集群。\n"
    )
    years = {year for indicator, _, year, _ in _targets(_graph(tmp_path, text)) if indicator == "产业集群产值"}
    assert years == {2025}


@pytest.mark.parametrize(
    ("clause", "count", "total"),
    [
        # a central province's report of a start-up event: the sum written before the count
        ("总投资超800亿元的95个重大项目集中开工", 95.0, 800.0),
        # a north-western city's report: the batch's kinds in quotes between the count and 项目
        ("总投资18.5亿元的9个“延链补链”产业项目和配套项目", 9.0, 18.5),
    ],
)
def test_a_batch_sized_before_it_is_counted_gives_its_count_and_sum(clause: str, count: float, total: float) -> None:
    figures = targets.sized_batch(clause)
    assert [(f.indicator, f.value) for f in figures] == [("项目数量", count), ("项目总投资", total)]


def test_one_projects_investment_is_no_sized_batch() -> None:
    assert targets.sized_batch("某某公司总投资12亿元的年产5万吨新材料项目开工") == []


@pytest.mark.parametrize(
    ("clause", "indicator", "value"),
    [
        # a southern zone's report: one firm named as an example between the verb and the count
        ("目前园区已落地北辰科技等27个项目", "落地项目", 27.0),
        # a north-eastern report: a list of examples after the verb
        ("今年新招引北辰科技、南岭材料等15个项目", "招引项目", 15.0),
    ],
)
def test_examples_between_the_verb_and_the_count_are_no_part_of_the_name(
    clause: str, indicator: str, value: float
) -> None:
    (figure,) = targets.read_figures(clause, None, news=True)
    assert figure.indicator.endswith(indicator) and "北辰" not in figure.indicator and figure.value == value


@pytest.mark.parametrize(
    "clause",
    [
        "投资3亿元的城东片区污水管网改造工程",  # a central province's start-up report: one works, named after 的
        "总投资1.6亿元的北岸快速路跨江大桥二期工程",  # a southern report: one bridge works
    ],
)
def test_one_works_investment_named_after_de_is_no_target(clause: str) -> None:
    assert targets.read_figures(clause, None, news=True) == []
