"""Enumerations of chains and clusters, and places named only inside bodies' names (invented sentences)."""

from __future__ import annotations

from chainkg.loaders.extract.districts import named_places
from chainkg.loaders.extract.industries import find_industries
from chainkg.loaders.text.divisions import find_districts


def _chains(text: str, scope: str | None) -> set[str]:
    return {m.name for m in find_industries(text, scope) if m.label == "IndustryChain"}


def _clusters(text: str, scope: str | None) -> set[str]:
    return {m.name for m in find_industries(text, scope) if m.label == "Cluster"}


def test_a_note_in_brackets_is_no_second_chain() -> None:
    text = "全县将做强纺织服装（含家纺）、食品加工（包括粮油加工）、电子元器件3条优势产业链。"
    assert _chains(text, "绍兴市") == {"纺织服装", "食品加工", "电子元器件"}
    text = "全市围绕汽车零配件(含摩托车)、新型建材、绿色化工等产业链精准招商。"
    assert _chains(text, "襄阳市") == {"汽车零配件", "新型建材", "绿色化工"}


def test_lists_split_by_ascii_commas_and_led_by_lead_in_words() -> None:
    text = "我市聚焦光学仪器、智能家居2条主导产业链,以及氢燃料电池、北斗导航2条新兴产业链。"
    assert _chains(text, "芜湖市") >= {"光学仪器", "智能家居", "氢燃料电池", "北斗导航"}
    text = "园区形成了农机装备、户外用品两大产业，同时布局生物制造、储能材料等新兴产业。"
    found = _chains(text, "潍坊市")
    assert {"农机装备", "户外用品", "生物制造", "储能材料"} <= found
    assert not any(name.startswith(("了", "同时")) for name in found)


def test_a_count_inside_an_item_closes_the_list() -> None:
    text = "全市培育光纤光缆、特种纸、数控刀具等产业链，其中特种纸、数控刀具2条链已纳入全省12条重点产业链。"
    found = _chains(text, "宜宾市")
    assert "数控刀具" in found
    assert not any("条" in name for name in found)


def test_a_group_counted_in_units_after_a_place_is_a_cluster() -> None:
    assert "宜宾市9条重点产业链" in _clusters("光纤光缆产业链是宜宾市9条重点产业链之一。", "宜宾市")
    assert "安徽省16条重点产业链" in _clusters("智能家电是全省16条重点产业链之一。", "安徽省")
    assert "芜湖市六个千亿级产业" in _clusters("新能源汽车是我市确定的六个千亿级产业之一。", "芜湖市")


def test_a_count_closing_a_list_is_no_cluster() -> None:
    text = "全县做强农机装备、户外用品、特种纸3条卓越型产业链。"
    assert _clusters(text, "潍坊市") == set()


def test_projects_of_a_chain_are_no_industry_list() -> None:
    text = "甲乙重工、丙丁科技等一批智能装备产业链项目相继开工。"
    assert _chains(text, "潍坊市") <= {"智能装备"}


def test_a_place_opening_a_firm_or_body_name_is_no_district() -> None:
    text = "浙江某某新材料科技有限公司与内蒙古科技大学签约，广东省工业和信息化厅公示名单。项目落户湖州市吴兴区。"
    names = {m.name for m in named_places(text, find_districts(text, "湖州市"), [])}
    assert names == {"湖州市吴兴区"}


def test_a_place_in_a_cited_title_is_no_district_but_a_locative_place_is() -> None:
    text = "根据《江苏省促进机器人产业发展行动方案》，在丁桥镇原某某机械公司厂房建设产业园。"
    mentions = find_districts(text, "海宁市")
    kept = {m.surface for m in named_places(text, mentions, [])}
    assert "江苏省" not in kept


def test_development_zones_with_a_board_are_no_districts() -> None:
    text = "责任单位：市发展改革委、临江高新区管委会、滨湖新区管委会。"
    zones = {m.surface for m in find_districts(text, "宜昌市") if m.level == "zone"}
    assert "临江高新区" not in zones
    assert "滨湖新区" in zones


def test_fields_a_product_is_used_in_are_no_chains() -> None:
    assert _chains("在环卫、物流配送、园林等领域加快氢能车辆替代。", "佛山市") <= {"氢能"}
    assert _chains("该系统已在电力、交通、水利等领域规模化应用。", "贵阳市") == set()
