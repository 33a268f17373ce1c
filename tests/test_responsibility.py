"""Who leads and who takes part in a measure, in the shapes plans of many provinces use.

Every sentence here is invented; the scopes are real divisions so that level prefixes can be read.
"""

from __future__ import annotations

import pytest

from chainkg.loaders.extract import departments, responsible_units
from chainkg.loaders.extract.measures import parse


def _read(text: str, scope: str) -> tuple[str | None, list[str]] | None:
    found = responsible_units.read(text, scope)
    if found is None:
        return None
    return (found.lead.name if found.lead else None), [o.name for o in found.others]


@pytest.mark.parametrize(
    ("text", "scope", "lead", "others"),
    [
        # tortoise-shell brackets, later units without the province prefix
        (
            "（三）培育龙头企业。扶持骨干企业扩产。〔责任单位：省工信厅、财政厅、发展改革委〕",
            "河南省",
            "河南省工业和信息化厅",
            ["河南省财政厅", "河南省发展和改革委员会"],
        ),
        # square brackets, city units, later ones without 市
        (
            "2.建设中试基地。新建两个中试平台。【责任单位：市经信局、科技局、市场监管局】",
            "绍兴市",
            "绍兴市经济和信息化局",
            ["绍兴市科学技术局", "绍兴市市场监督管理局"],
        ),
        # half-width brackets and colon, lead and supporting labels
        (
            "(二)壮大配套。引进配套企业。(牵头单位:市商务局;配合单位:市投促局、市自然资源和规划局)",
            "南昌市",
            "南昌市商务局",
            ["南昌市投资促进局", "南昌市自然资源和规划局"],
        ),
        # 牵头部门 / 协同部门
        (
            "（四）拓展应用场景。开放一批示范场景。（牵头部门：市大数据局；协同部门：市工信局、市应急局）",
            "贵阳市",
            "贵阳市大数据发展管理局",
            ["贵阳市工业和信息化局", "贵阳市应急管理局"],
        ),
        # several leads: the first leads, the others take part
        (
            "（五）强化金融支持。设立产业基金。（牵头单位：省财政厅、省地方金融监管局）",
            "湖南省",
            "湖南省财政厅",
            ["湖南省地方金融监督管理局"],
        ),
    ],
)
def test_labelled_brackets(text: str, scope: str, lead: str, others: list[str]) -> None:
    assert _read(text, scope) == (lead, others)


@pytest.mark.parametrize(
    ("text", "scope", "lead", "others"),
    [
        # role words instead of a label
        (
            "（一）做强材料。扩大产能。（市工信局牵头，市发改委、市生态环境局配合）",
            "太原市",
            "太原市工业和信息化局",
            ["太原市发展和改革委员会", "太原市生态环境局"],
        ),
        (
            "（二）稳定供给。保障原料。（自治区工信厅牵头，自治区国资委按职责分工负责）",
            "广西壮族自治区",
            "广西壮族自治区工业和信息化厅",
            ["广西壮族自治区人民政府国有资产监督管理委员会"],
        ),
        # units only, with the duty formula: the first listed leads
        (
            "（三）推进回收。建设回收网点。（省商务厅、省生态环境厅按职责分工负责）",
            "福建省",
            "福建省商务厅",
            ["福建省生态环境厅"],
        ),
        # two groups split by a semicolon, a collective unit keeping its inner 、
        (
            "（四）优化布局。引导集聚。（省发展改革委、省工信厅牵头；省自然资源厅、各州、市人民政府配合）",
            "云南省",
            "云南省发展和改革委员会",
            ["云南省工业和信息化厅", "云南省自然资源厅", "云南省各州、市人民政府"],
        ),
        # a bracket holding one unit, closing the measure
        (
            "5．健全机制。每月调度一次。（省工业和信息化厅）",
            "黑龙江省",
            "黑龙江省工业和信息化厅",
            [],
        ),
    ],
)
def test_role_words_in_brackets(text: str, scope: str, lead: str, others: list[str]) -> None:
    assert _read(text, scope) == (lead, others)


@pytest.mark.parametrize(
    ("text", "scope", "lead", "others"),
    [
        # a 责任单位 line with a （牵头） mark and comma-separated units, the last without prefix
        (
            "1.提升配套率。组织供需对接。\n责任单位：市科技局（牵头），市商务局，卫生健康委",
            "保定市",
            "保定市科学技术局",
            ["保定市商务局", "保定市卫生健康委员会"],
        ),
        # a block: a person line, a lead line, a list of others with 等 and a collective unit
        (
            "（一）培育集群。打造基地。\n牵头领导：李 明\n牵头单位：省发展改革委\n"
            "责任单位：省工信厅、省商务厅等，各市人民政府",
            "吉林省",
            "吉林省发展和改革委员会",
            ["吉林省工业和信息化厅", "吉林省商务厅", "吉林省各市人民政府"],
        ),
        # no bracket, a half-width colon
        (
            "3.招引项目。引进整机企业。\n责任单位:县工信局、县商务局",
            "合肥市肥西县",
            "肥西县工业和信息化局",
            ["肥西县商务局"],
        ),
    ],
)
def test_unit_lines(text: str, scope: str, lead: str, others: list[str]) -> None:
    assert _read(text, scope) == (lead, others)


@pytest.mark.parametrize(
    ("text", "scope", "lead", "others"),
    [
        ("（一）搭建平台。由市发展改革委牵头，市财政局、市人社局配合，建立服务平台。", "无锡市",
         "无锡市发展和改革委员会", ["无锡市财政局", "无锡市人力资源和社会保障局"]),
        ("（二）开展招商。省商务厅会同省工信厅、省投促局，组织专题招商。", "江西省",
         "江西省商务厅", ["江西省工业和信息化厅", "江西省投资促进局"]),
        ("（三）落实政策。市财政局、市税务局按职责分工负责，确保资金到位。", "襄阳市",
         "襄阳市财政局", ["国家税务总局襄阳市税务局"]),
    ],
)  # fmt: skip
def test_prose(text: str, scope: str, lead: str, others: list[str]) -> None:
    assert _read(text, scope) == (lead, others)


def test_no_units_no_responsibility() -> None:
    assert responsible_units.read("（一）健全机制。由链长牵头建立工作清单。", "济南市") is None
    assert responsible_units.read("（二）扶持企业。支持某某科技（以下简称“某某”）扩产。", "济南市") is None
    assert responsible_units.read("（三）引导集聚。由某某集团牵头组建产业联盟。", "济南市") is None


def test_units_after_sub_items_belong_to_the_parent() -> None:
    text = (
        "1.做强主导环节\n（1）扩大产能。建设新产线。\n（2）提升品质。推广新工艺。\n"
        "责任单位：市工业和信息化局（牵头），市科技局\n2.夯实原料\n（1）整合资源。保障供应。\n"
    )
    first = parse(text)[0]
    found = responsible_units.of_item(first, "遵义市")
    assert found is not None and found.lead is not None
    assert found.lead.name == "遵义市工业和信息化局"
    assert [o.name for o in found.others] == ["遵义市科学技术局"]
    assert responsible_units.of_item(first.children[-1], "遵义市") is None


@pytest.mark.parametrize(
    ("surface", "scope", "expected"),
    [
        ("省工信厅", "山西省", "山西省工业和信息化厅"),
        ("自治区工信厅", "宁夏回族自治区", "宁夏回族自治区工业和信息化厅"),
        ("市经合局", "汉中市", "汉中市经济合作局"),
        ("区科委", "北京市海淀区", "北京市海淀区科学技术委员会"),
        ("县发改局", "郑州市中牟县", "中牟县发展和改革局"),
        ("市国资委", "株洲市", "株洲市人民政府国有资产监督管理委员会"),
        ("区规划资源局", "上海市闵行区", "上海市闵行区规划和自然资源局"),
        ("州发展改革委", "凉山彝族自治州", "凉山彝族自治州发展和改革委员会"),
    ],
)
def test_department_forms_at_every_level(surface: str, scope: str, expected: str) -> None:
    unit = departments.read_unit(surface, scope)
    assert unit is not None and unit.name == expected


@pytest.mark.parametrize(
    ("surface", "scope", "expected"),
    [
        ("株洲高新区管委会", "株洲市", "株洲高新技术产业开发区管理委员会"),
        ("临空经开区管委会", "郑州市", "郑州临空经济技术开发区管理委员会"),
        ("桃源镇人民政府", "郑州市中牟县", "中牟县桃源镇人民政府"),
        ("西山镇政府", "北京市海淀区", "北京市海淀区西山镇人民政府"),
        ("各区县政府", "株洲市", "株洲市各区县人民政府"),
    ],
)
def test_zones_towns_and_collective_units(surface: str, scope: str, expected: str) -> None:
    unit = departments.read_unit(surface, scope)
    assert unit is not None and unit.name == expected


def test_collective_units_only_in_unit_lists() -> None:
    """A notice's addressee line (各市人民政府，省直各部门：) names no unit of a measure."""
    assert departments.find_departments("各市人民政府，省直各部门：", "河北省") == []


@pytest.mark.parametrize(
    ("text", "scope", "lead", "others"),
    [
        ("一、工作机制\n本链实行专班推进。牵头部门为市经信局，市投促局、市科技局为协同部门。", "绵阳市",
         "绵阳市经济和信息化局", ["绵阳市投资促进局", "绵阳市科学技术局"]),
        ("（一）机制。省商务厅为牵头单位，配合单位为省财政厅。", "甘肃省", "甘肃省商务厅", ["甘肃省财政厅"]),
    ],
)  # fmt: skip
def test_prose_naming_roles(text: str, scope: str, lead: str, others: list[str]) -> None:
    assert _read(text, scope) == (lead, others)
