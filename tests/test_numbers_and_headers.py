"""Figures written in words and large units, the scope of a one-chain plan's figures, year-column tables and
government-site headers (phrasings of several provinces, written for these tests)."""

from __future__ import annotations

from chainkg.loaders.extract import policy_sections
from chainkg.loaders.extract.indicator_tables import read_tables
from chainkg.loaders.extract.targets import chain_named, plan_chain, read_figures
from chainkg.loaders.text import numbers


def test_chinese_numerals_before_units_become_digits() -> None:
    assert numbers.arabic_figures("营业收入达到五千亿元") == "营业收入达到5000亿元"
    assert numbers.arabic_figures("培育三十家链主企业") == "培育30家链主企业"
    assert numbers.arabic_figures("产量达到两万辆") == "产量达到2万辆"


def test_articles_and_bare_magnitudes_stay_words() -> None:
    assert numbers.arabic_figures("打造一个千亿级产业集群") == "打造一个千亿级产业集群"
    assert numbers.arabic_figures("营收过百亿元的企业") == "营收过百亿元的企业"
    assert numbers.arabic_figures("十四五期间") == "十四五期间"


def test_milestones_are_thresholds_in_yi_yuan() -> None:
    assert numbers.arabic_figures("产值突破千亿大关") == "产值突破1000亿元"
    assert numbers.arabic_figures("规模迈上3000亿元大关") == "规模迈上3000亿元"


def test_large_and_energy_units() -> None:
    figures = read_figures("全区光伏组件产能达到40吉瓦")
    assert [(f.value, f.unit) for f in figures] == [(40.0, "吉瓦")]
    figures = read_figures("整车年产量突破80万辆")
    assert [(f.value, f.unit, f.comparator) for f in figures] == [(80.0, "万辆", ">")]
    figures = read_figures("储能装机规模达到3GWh")
    assert [(f.value, f.unit) for f in figures] == [(3.0, "GWh")]
    figures = read_figures("产业规模达到1.2万亿元")
    assert [(f.value, f.unit) for f in figures] == [(1.2, "万亿元")]


def test_words_and_bare_yi() -> None:
    figures = read_figures("全省装备产业营收达到三千亿元以上")
    assert [(f.value, f.unit, f.comparator) for f in figures] == [(3000.0, "亿元", ">=")]
    figures = read_figures("园区总产值突破500亿")
    assert [(f.value, f.unit) for f in figures] == [(500.0, "亿元")]


def test_one_chain_plan_titles() -> None:
    assert plan_chain("南通市氢能产业链高质量发展三年行动方案（2024—2026年）", "江苏省南通市") == (
        "IndustryChain",
        "氢能",
    )
    assert plan_chain("关于加快推进低空经济产业发展的实施意见", None) == ("IndustryChain", "低空经济")
    assert plan_chain("某县2025年产业链建设工作要点", None) is None
    assert plan_chain("聚焦六大新兴产业链打造先进制造业基地行动方案", None) is None


def test_indicators_that_open_with_a_chain() -> None:
    assert chain_named("全市光伏产业链企业数量") == ("IndustryChain", "光伏")
    assert chain_named("纺织服装产业产值") == ("IndustryChain", "纺织服装")
    assert chain_named("数字经济核心产业增加值") is None
    assert chain_named("集聚产业链上下游企业") is None
    assert chain_named("孵化型产业链数量") is None


def test_year_column_table() -> None:
    table = (
        "指标\t单位\t2023年\t2027年\t责任单位\n氢燃料电池产值\t亿元\t45\t200\t市发改委\n加氢站\t座\t6\t20\t市住建局\n"
    )
    values = {(v.indicator, v.year, v.value, v.unit) for v in read_tables(table, None, 2027)}
    assert values == {
        ("氢燃料电池产值", 2023, 45.0, "亿元"),
        ("氢燃料电池产值", 2027, 200.0, "亿元"),
        ("加氢站", 2023, 6.0, "座"),
        ("加氢站", 2027, 20.0, "座"),
    }


def test_site_header_fields_are_no_titles() -> None:
    for line in (
        "索引号：000014349/2024-00123",
        "发文机关:某省人民政府办公厅",
        "成文日期：2024年3月1日",
        "主题分类:工业",
    ):
        assert policy_sections.SITE_HEADER.match(line)
    assert not policy_sections.SITE_HEADER.match("某市氢能产业链高质量发展三年行动方案")
