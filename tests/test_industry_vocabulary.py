"""Industry vocabularies (national classifications, plans' chain names), X产业链 / X产业集群 for unseen X, and
链主 statements. Every sentence is invented (firms and places made up or swapped for others), in the shapes
plans and news of several provinces use."""

from __future__ import annotations

from chainkg.loaders.extract.chain_owners import owners_in
from chainkg.loaders.extract.findings import CHAIN, CLUSTER
from chainkg.loaders.extract.industries import find_industries
from chainkg.loaders.text import industry_terms


def _chains(text: str, scope: str | None = None) -> set[str]:
    return {m.name for m in find_industries(text, scope) if m.label == CHAIN}


def _clusters(text: str, scope: str | None = None) -> set[str]:
    return {m.name for m in find_industries(text, scope) if m.label == CLUSTER}


def test_classifications_are_read_as_data_with_codes() -> None:
    assert industry_terms.GBT_4754["C"] == ("门类", "制造业")
    assert industry_terms.SEI_2018["1"][1] == "新一代信息技术产业"
    assert industry_terms.industry_code("白酒") == "GB C1512"


def test_plan_names_used_in_two_provinces_are_strong_and_others_need_a_head_word() -> None:
    assert "应急装备" in industry_terms.PLAN_STRONG_TERMS
    assert "车联网" in industry_terms.PLAN_WEAK_TERMS
    assert "应急装备" in _chains("全区加快培育应急装备，拓展消防救援场景。")  # a Hunan-style plan
    assert "车联网" in _chains("推动车联网产业链与整车企业协同。")  # a Tianjin-style plan


def test_unseen_chain_before_its_head_word() -> None:
    assert "钨钼合金" in _chains("钨钼合金产业链是全市重点打造的产业链。", "洛阳市")
    assert "锆铪新材料" in _chains("围绕锆铪新材料产业链招引配套项目。", "锦州市")
    assert "碳化硅及功率器件" in _chains("加快碳化硅及功率器件产业链延伸。")


def test_no_chain_from_a_region_a_kind_or_an_action() -> None:
    for text in (
        "深度融入长三角产业链分工。",
        "主动对接京津冀产业链供应链。",
        "壮大主导产业链，培育特色产业链。",
        "实行产业链链长制。",
        "力争产值占全产业链的三成。",
        "构建“政府+链主+园区”产业链推进机制。",
    ):
        assert not _chains(text) - {"供应链"}, text


def test_cluster_named_after_its_industry_and_place() -> None:
    assert "铜陵市铜基新材料产业集群" in _clusters("我市铜基新材料产业集群入选国家级名单。", "铜陵市")
    assert "株洲市轨道交通装备产业集群" in _clusters("服务株洲打造世界级轨道交通装备产业集群。", "株洲市")
    assert not _clusters("争创省级特色产业集群和千亿级产业集群。", "湖州市")


def test_chain_owners_listed_before_the_cue() -> None:
    chains = find_industries("支持海州的蓝鲸重工、远帆机械和淮北的恒拓股份等链主企业做强工程机械产业。")
    found = owners_in("支持海州的蓝鲸重工、远帆机械和淮北的恒拓股份等链主企业做强工程机械产业。", 0, chains, None)
    assert found == [("蓝鲸重工", "工程机械"), ("远帆机械", "工程机械"), ("恒拓股份", "工程机械")]
    sentence = "星海科技、云岭智造共同担任工业机器人产业链链主，牵头编制配套清单。"
    assert owners_in(sentence, 0, find_industries(sentence), None) == [
        ("星海科技", "工业机器人"),
        ("云岭智造", "工业机器人"),
    ]


def test_chain_owners_after_the_cue_go_to_the_documents_chain() -> None:
    assert owners_in("链主企业为晨光光电、北辰显示；牵头部门为市工信局。", 0, [], "新型显示") == [
        ("晨光光电", "新型显示"),
        ("北辰显示", "新型显示"),
    ]
    sentence = "支持链主企业秦岭钛业有限公司（以下简称秦岭钛业）建设宽幅钛带生产线。"
    assert owners_in(sentence, 0, [], "钛及钛合金") == [("秦岭钛业有限公司", "钛及钛合金")]
    assert owners_in("以闽江钢铁为链主，园区已集聚上下游企业百余家。", 0, [], "不锈钢") == [("闽江钢铁", "不锈钢")]
    sentence = "甲辰信息有限公司和乙巳软件有限公司是这条产业链的两家链主企业。"
    assert owners_in(sentence, 0, [], "信创") == [("甲辰信息有限公司", "信创"), ("乙巳软件有限公司", "信创")]


def test_no_chain_owner_from_counts_slogans_or_headings() -> None:
    for sentence in (
        "链主企业达到8家、链核企业达到25家。",
        "构建“链长+链主+专精特新”协同推进机制。",
        "第二条　支持链主企业扩能增效。",
        "引导链主企业向本地配套企业开放采购清单。",
        "建立以市领导为“链长”、龙头企业为“链主”等工作机制。",
    ):
        assert owners_in(sentence, 0, [], "汽车") == [], sentence
