"""Round 7: chain lists and groups in real text (short sector names in counted lists)."""

from chainkg.loaders.extract import industries


def _names(text: str) -> list[str]:
    return [m.name for m in industries._lists(text, None)]


def test_one_character_sectors_counted_by_the_list() -> None:
    # a western province's farm plan: four one-character sectors, counted 4
    assert _names("到2030年，全区羊、牛、薯、麦4个产业建成百亿级产业集群。") == ["羊", "牛", "薯", "麦"]
    # a northern region's pastoral sectors, counted with 大
    assert _names("力争乳、肉、绒3大产业产值五年翻番。") == ["乳", "肉", "绒"]


def test_one_character_items_need_the_count() -> None:
    # ordinal numbers and an uncounted list of single characters are not sectors
    assert _names("推动一、二、三产业融合发展。") == []
    assert _names("支持乳、肉、薯、菜等产业发展。") == []
    # the count disagrees with the items: no one-character names
    assert "茶" not in _names("做强茶、果、菌5个产业。")


def test_items_before_a_named_industry_are_its_kinds() -> None:
    # north-west news: uses of one equipment chain, listed before it
    assert _names("围绕风电、矿山、纺织等专用设备产业链，形成整机集群。") == []
    # eastern city plan: products of one accessories chain
    assert _names("重点壮大耳机、充电器等电子配件产业链。") == []


def test_items_before_a_rank_or_a_sector_stay_chains() -> None:
    assert _names("推动新能源、新材料等战略性新兴产业发展。") == ["新能源", "新材料"]
    assert _names("围绕光伏、储能等产业链招商。") == ["光伏", "储能"]
    # 工业行业 groups the items, no one industry
    assert "智能物流" in _names("聚焦纺机、智能物流等工业行业产业大脑建设。")
    # a family of the national classification of strategic emerging industries groups the chains listed before
    # it: a southern district's news (等新一代信息技术产业) and a northern plan (等新材料产业)
    assert _names("做强网络通讯、智能终端等新一代信息技术产业。") == ["网络通讯", "智能终端"]
    assert _names("重点发展碳纤维、特种合金等新材料产业。") == ["碳纤维", "特种合金"]


def test_a_whole_sector_before_the_head_word_is_no_chain() -> None:
    def by_head(text: str) -> list[str]:
        return [m.name for m in industries._by_head(text, None)]

    assert by_head("推动本省农业产业转型升级。") == []
    assert by_head("全区重点工业产业链由8条调整为10条。") == []
    assert by_head("延伸本县食用菌产业链。") == ["食用菌"]
