"""Round 3 target rules: municipal districts, area-wide figures of one-chain plans, zones' short forms,
places after 位于, and signing events. Phrasings written for these tests (invented firms and zones)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chainkg.loaders.extract import targets
from chainkg.loaders.text import divisions
from tests.extracted import extract_text as _graph
from tests.extracted import targets as _targets


@pytest.mark.parametrize(
    ("written", "scope", "canonical"),
    [
        ("重庆市渝北区", None, "重庆市渝北区"),
        ("渝北区", "重庆市渝北区", "重庆市渝北区"),
        ("重庆市江北区", None, "重庆市江北区"),
        ("北京市顺义区", None, "北京市顺义区"),
        ("天津市西青区", None, "天津市西青区"),
    ],
)
def test_every_district_of_a_municipality_is_read(written: str, scope: str | None, canonical: str) -> None:
    place = divisions.leading_district(written, scope)
    assert place is not None and place.name == canonical and place.level == "county"


@pytest.mark.parametrize(
    "indicator",
    ["统筹县级产业发展专项资金", "设立产业引导基金规模", "培训产业技能工人", "引进高层次人才", "新增新型储能装机"],
)
def test_funds_training_talent_and_storage_are_the_areas(indicator: str) -> None:
    assert targets.area_wide(indicator)


def test_a_parts_plan_speaks_of_its_chain_by_the_parts_short_name() -> None:
    plan = ("IndustryChain", "高端装备零部件")
    assert targets._within_plan_chain(("IndustryChain", "零部件"), plan) == plan
    assert targets._within_plan_chain(("IndustryChain", "生物医药"), plan) == ("IndustryChain", "生物医药")
    assert targets._within_plan_chain(None, plan) is None


@pytest.mark.parametrize(
    ("name", "scope", "shorts"),
    [
        ("成都锦岭高新技术产业开发区", "四川省成都市", ["锦岭高新区"]),
        ("江西青溪经济技术开发区", "江西省", ["青溪经开区", "青溪开发区"]),
        ("南湖片区光电产业园", None, []),
    ],
)
def test_a_zone_is_written_short_by_its_core_and_kind(name: str, scope: str | None, shorts: list[str]) -> None:
    assert targets.platform_short_forms(name, scope) == shorts


@pytest.mark.parametrize(
    ("text", "zone", "value"),
    [
        (
            "2024年4月2日，郴州市苏仙区举办招商会。郴州青溪高新技术产业开发区位于苏仙区，目前有规模以上工业企业88家。\n",
            "郴州青溪高新技术产业开发区",
            88.0,
        ),
        (
            "2024年5月，株洲栗园经济开发区已成为全省重点园区。栗园经开区现有新材料企业140家。\n",
            "株洲栗园经济开发区",
            140.0,
        ),
    ],
)
def test_a_zone_named_short_or_before_where_it_lies_is_the_subject(
    tmp_path: Path, text: str, zone: str, value: float
) -> None:
    found = _targets(_graph(tmp_path, text))
    assert {scope for _, scope, _, v in found if v == value} == {zone}, found


@pytest.mark.parametrize(
    ("clause", "before", "chain", "count", "sums"),
    [
        ("推介会上9个生物医药产业链配套项目集中签约", "", ("IndustryChain", "生物医药"), 9, []),
        (
            "会上6个项目现场签约",
            "5月8日,郴州市有色金属产业链专场对接会在郴州高新区举行。",
            ("IndustryChain", "有色金属"),
            6,
            [],
        ),
        ("签约18个重点项目", "7月1日，绍兴市柯桥区举行重大项目集中签约仪式，", None, 18, []),
    ],
)
def test_a_signing_event_counts_its_projects_for_its_chain_or_area(
    clause: str, before: str, chain: tuple[str, str] | None, count: int, sums: list[str]
) -> None:
    signed = targets.signing_figures(clause, before + clause, [], None)
    assert signed is not None
    assert (signed[0].indicator, signed[0].value, signed[0].scope, signed[0].settled) == (
        targets.SIGNED_COUNT,
        count,
        chain,
        True,
    )


def test_no_signing_is_read_where_none_is_stated() -> None:
    assert targets.signing_figures("新建标准厂房12万平方米", "", [], None) is None


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        (
            "2024年6月3日，绵阳市涪城区第三批重点项目集中签约活动举行，12个项目签约落户绵阳临园经济开发区，总投资64.5亿元。\n",
            "绵阳市涪城区",
        ),
        (
            "2024年3月9日，徐州市工程机械产业链招商推介会在徐州青桥高新技术产业开发区举行。会上7个项目集中签约，协议总投资38亿元。\n",
            "工程机械",
        ),
    ],
)
def test_a_signing_events_sum_is_its_projects_not_the_venues(tmp_path: Path, text: str, scope: str) -> None:
    found = _targets(_graph(tmp_path, text))
    counts = [(name, s) for name, s, _, v in found if name == targets.SIGNED_COUNT]
    sums = [(name, s) for name, s, _, v in found if name.startswith("签约项目") and "投资" in name]
    assert counts == [(targets.SIGNED_COUNT, scope)], found
    assert len(sums) == 1 and sums[0][1] == scope, found
