"""Firms and their places, round 4: names listed with a firm the text already knows are firms too; a list of firms
split by 和/与 and opened by a place (济南的A、B和青岛的C); a capacity glued to a firm's name in a list of its
projects. Every text is invented; each rule is tried on phrasings of two provinces."""

from __future__ import annotations

from pathlib import Path

from chainkg.graph.model import Graph
from tests.extracted import extract_text as _graph


def _firms(graph: Graph) -> set[str]:
    return {n.name for n in graph.by_label("Enterprise")}


def _ends(graph: Graph, rel: str, name: str) -> set[str]:
    node = next(n for n in graph.by_label("Enterprise") if n.name == name)
    return {graph.nodes[e.end].name for e in graph.edges.values() if e.type == rel and e.start == node.uid}


def test_a_name_listed_with_a_known_firm_is_a_firm(tmp_path: Path) -> None:
    # a Hebei-style measure (集团 known, its sibling and a later list of the sibling) and a Shaanxi-style one (与)
    graph = _graph(
        tmp_path,
        "沧州市绿色化工产业链工作要点\n\n1.支持渤海化学集团、旭峰药业在临港经开区建设中试平台和研发中心。"
        "2.推动旭峰药业、云帆新材扩大原料药产能。\n3.推动秦川钛业集团与宝鸡的西凯钛材、鑫诺新材对接。",
        "policy.txt",
    )
    assert {"旭峰药业", "云帆新材", "西凯钛材", "鑫诺新材"} <= _firms(graph)


def test_a_list_of_products_or_a_clause_after_a_firm_names_no_firm(tmp_path: Path) -> None:
    # what a firm builds (A建设X、Y生产线), what each of two firms works on (A围绕X、B围绕Y), what a firm has (有A的B)
    graph = _graph(
        tmp_path,
        "钛产业提升方案\n\n支持秦川钛业集团建设宽幅钛带、大规格钛锭生产线。"
        "鼓励秦川钛业集团围绕医用钛材、云帆新材围绕航空紧固件带动本地配套。"
        "中游有华岳数码的服务器和天枢软件有限公司的数据库。",
        "policy.txt",
    )
    assert not {"宽幅钛带", "大规格钛锭", "医用钛材", "服务器"} & _firms(graph)


def test_kinds_of_actor_listed_with_a_firm_are_no_firms(tmp_path: Path) -> None:
    # a Shanxi-style list of kinds of firm, a Jilin-style list of a university and a firm
    graph = _graph(
        tmp_path,
        "链主企业名单公布\n\n确定省属企业、驻晋央企和有实力的民营企业等12户企业为链主企业。"
        "支持高校与北辰化纤集团、松原碳材合作攻关。",
    )
    firms = _firms(graph)
    assert "松原碳材" in firms
    assert not {"省属企业", "驻晋央企", "有实力", "高校"} & firms


def test_a_place_before_a_list_places_its_firms(tmp_path: Path) -> None:
    # a Shandong-style measure (济南的A、B和青岛的C、D等链主企业) and a Jilin-style one (与长春的A、B对接)
    graph = _graph(
        tmp_path,
        "新能源汽车产业链行动方案\n\n支持济南的泉城重卡、历下新能源和青岛的海湾汽车、崂山动力有限公司等链主企业扩能。"
        "组织北辰化纤集团与长春的净月客车、南关车身对接。",
        "policy.txt",
    )
    assert {"泉城重卡", "历下新能源", "海湾汽车", "崂山动力有限公司", "净月客车", "南关车身"} <= _firms(graph)
    for firm, city in [
        ("泉城重卡", "济南市"),
        ("历下新能源", "济南市"),
        ("海湾汽车", "青岛市"),
        ("崂山动力有限公司", "青岛市"),
    ]:
        assert _ends(graph, "LOCATED_IN", firm) == {city}
    assert _ends(graph, "LOCATED_IN", "净月客车") == _ends(graph, "LOCATED_IN", "南关车身") == {"长春市"}


def test_a_list_of_the_areas_own_firms_or_universities_lies_in_its_scope(tmp_path: Path) -> None:
    # a Beijing-district policy (区内链主企业A（以下简称…）、B、C) and a Sichuan-county one (A、B等驻县高校)
    graph = _graph(
        tmp_path,
        "北京市昌平区医药健康产业若干措施\n\n支持区内链主企业燕山生物医疗股份有限公司（以下简称“燕山生物”）、"
        "沙河医疗、南口器械新建生产线。",
        "policy.txt",
    )
    for firm in ("燕山生物医疗股份有限公司", "沙河医疗", "南口器械"):
        assert _ends(graph, "LOCATED_IN", firm) == {"北京市昌平区"}
    graph = _graph(
        tmp_path,
        "成都市郫都区电子信息产业行动方案\n\n支持西南电子科技大学、蜀都工程学院等驻区高校与企业共建创新中心。",
        "policy.txt",
    )
    placed = {
        graph.nodes[e.start].name: graph.nodes[e.end].name for e in graph.edges.values() if e.type == "LOCATED_IN"
    }
    assert placed.get("西南电子科技大学") == placed.get("蜀都工程学院") == "成都市郫都区"


def test_a_capacity_glued_to_a_firm_in_a_project_list_is_cut_off(tmp_path: Path) -> None:
    # a Ningxia-style list of firms with their capacities, a Guangxi-style list of projects named with theirs
    graph = _graph(
        tmp_path,
        "宁东基地化工新材料项目加速集聚\n\n贺兰化学30万吨聚氨酯、沙湖新材10万吨己二腈及灵武材料年产50万吨BDO等大项目纷纷落户。"
        "荆江制动年产200套模具项目、鹿寨精工汽车门板项目等6个项目签约。",
    )
    firms = _firms(graph)
    assert {"贺兰化学", "沙湖新材", "灵武材料"} <= firms
    assert not any(any(ch.isdigit() for ch in name) for name in firms)


def _platforms(graph: Graph) -> set[str]:
    return {n.name for n in graph.by_label("Platform")}


def test_a_park_named_by_its_trade_and_one_character(tmp_path: Path) -> None:
    # a Hubei-style plan (…生物医药园, …医疗器械城) and a Sichuan-style news item (…数据谷, …医药港)
    graph = _graph(
        tmp_path,
        "武汉市生物医药产业链行动方案\n\n支持汤逊湖国际生物医药园、金银湖医疗器械城建设公共中试平台。",
        "policy.txt",
    )
    assert {"汤逊湖国际生物医药园", "金银湖医疗器械城"} <= _platforms(graph)
    graph = _graph(
        tmp_path, "天府新区大数据产业加速集聚\n\n今年以来，锦江大数据谷新增企业40家，岷江医药港签约项目8个。"
    )
    assert {"锦江大数据谷", "岷江医药港"} <= _platforms(graph)


def test_one_character_carriers_are_no_parks_after_other_words(tmp_path: Path) -> None:
    # the same characters in ordinary words: a city, a port, a garden
    graph = _graph(
        tmp_path,
        "临港新区推进智慧城市建设\n\n推进新型城镇化和智慧城市建设，完善港口物流设施，建设城市公园。",
    )
    assert not {name for name in _platforms(graph) if name.endswith(("城", "港", "园", "谷", "岛"))}


def test_a_park_named_after_a_narrow_trade(tmp_path: Path) -> None:
    # a Liaoning-style news item (激光产业园) and a Hebei-style measure (中药产业园); a proper name before 建设
    graph = _graph(tmp_path, "鞍山高新区激光产业园再添新成员\n\n目前，激光产业园已集聚激光企业50余家。")
    assert "激光产业园" in _platforms(graph)
    graph = _graph(
        tmp_path,
        "石家庄市生物医药产业链实施方案\n\n推动栾城区建设现代中药产业园，支持沙河医疗产业园建设共享车间。",
        "policy.txt",
    )
    assert {"现代中药产业园", "沙河医疗产业园"} <= _platforms(graph)


def _includes(graph: Graph) -> set[tuple[str, str]]:
    return {(graph.nodes[e.start].name, graph.nodes[e.end].name) for e in graph.edges.values() if e.type == "INCLUDES"}


def test_a_product_belongs_to_the_one_link_whose_name_it_holds(tmp_path: Path) -> None:
    # a Sichuan-style news item (a display chain's links, panels named later) and a Liaoning-style one (镁砂及耐火材料)
    graph = _graph(
        tmp_path,
        "绵州新型显示产业链观察\n\n全市新型显示产业链已贯通“玻璃基板—面板制造—模组组装”各环节。"
        "今年，涪城光电扩大折叠OLED面板、车规级显示面板产能。",
    )
    assert {("面板制造", "折叠OLED面板"), ("面板制造", "车规级显示面板")} <= _includes(graph)
    graph = _graph(
        tmp_path,
        "营口菱镁产业链加快延伸\n\n营口菱镁新材料产业链已打通“菱镁矿开采—镁砂及耐火材料—镁基新材料”全链条。"
        "辽南耐材集团投资8亿元，年产电熔镁砂、无碳耐火材料等产品。",
    )
    assert ("镁砂及耐火材料", "电熔镁砂") in _includes(graph)
    assert ("镁砂及耐火材料", "无碳耐火材料") in _includes(graph)


def test_a_product_holding_only_the_chains_word_or_two_links_words_stays_unplaced(tmp_path: Path) -> None:
    # 电池 is the chain's own word (every product holds it); 热轧冷轧复合板 holds two links' words
    graph = _graph(
        tmp_path,
        "江城动力电池产业链观察\n\n全市动力电池产业链已贯通“正极材料—电芯制造—电池回收利用”各环节；"
        "不锈钢产业链已贯通“热轧—冷轧”两个环节。汉水新材生产电池铝箔、热轧冷轧复合板等产品。",
    )
    assert not {pair for pair in _includes(graph) if pair[1] in ("电池铝箔", "热轧冷轧复合板")}


def test_a_list_of_projects_told_by_capacities_names_no_chain(tmp_path: Path) -> None:
    # a Ningxia-style and an Inner-Mongolia-style list of projects closed by a chain word: the items are no chains
    graph = _graph(
        tmp_path,
        "宁东基地新材料项目落地\n\n贺兰化学年产30万吨聚氨酯、沙湖光伏材料等一批补齐产业链短板项目落地投产。"
        "阴山稀土年产5万吨磁材、黄河铝业等填补产业链空白项目开工。",
    )
    chains = {n.name for n in graph.by_label("IndustryChain")}
    assert not {name for name in chains if "年产" in name or "吨" in name}
    assert {"贺兰化学", "阴山稀土"} <= _firms(graph)


def test_a_firm_named_only_as_a_projects_investor_is_not_placed_by_the_scope(tmp_path: Path) -> None:
    # Heilongjiang- and Liaoning-style news: outside firms invest in projects placed elsewhere; a local firm is not
    graph = _graph(
        tmp_path,
        "大庆市化工新材料项目集中签约\n\n松江化学科技有限公司投资12亿元的年产20万吨改性材料项目，选址大庆高新区。"
        "辽河耐材股份有限公司计划投资6亿元，在林甸县建设耐火材料项目。大庆油城科技负责人表示将扩大产能。",
    )
    assert _ends(graph, "LOCATED_IN", "松江化学科技有限公司") == set()
    assert _ends(graph, "LOCATED_IN", "辽河耐材股份有限公司") == set()
    assert _ends(graph, "LOCATED_IN", "大庆油城科技") == {"大庆市"}


def test_a_firm_noun_before_a_listed_name_says_it_is_a_firm(tmp_path: Path) -> None:
    # a Jiangsu-style report (结构件企业A、隔膜企业B after a legal name) and a Guangdong-style one (配套企业 count)
    graph = _graph(
        tmp_path,
        "天目湖畔电池产业链观察\n\n跟随链主而来的有：天目紫晶新材料科技有限公司、壳体企业锐达、隔膜企业卓新先后在园区投产。"
        "东江石化、西江炼化两家链主企业每年可外供乙烯、丙烯等原料。",
    )
    firms = _firms(graph)
    assert {"锐达", "卓新", "东江石化", "西江炼化"} <= firms
    assert not {name for name in firms if "乙烯" in name or "企业" in name}


def test_the_niches_of_a_chain_are_no_chains(tmp_path: Path) -> None:
    # a Shaanxi-style measure and a Guangdong-style one: firms pushed into niches of the plan's one chain
    graph = _graph(
        tmp_path,
        "宝鸡市钛及钛合金产业链提升方案\n\n1.围绕钛及钛合金产业链配套需求，推动秦岭钛材、渭滨钛业等民营企业向钛合金丝材、"
        "钛合金紧固件等细分领域发展。\n2.引导顺德智控、容桂电器等企业向变频驱动器、伺服电机等细分领域延伸。",
        "policy.txt",
    )
    chains = {n.name for n in graph.by_label("IndustryChain")}
    assert not {"钛合金丝材", "钛合金紧固件", "变频驱动器", "伺服电机"} & chains
    assert _ends(graph, "IN_CHAIN", "秦岭钛材") == {"钛及钛合金"}


def _hosted(graph: Graph, platform: str) -> set[str]:
    node = next(n for n in graph.by_label("Platform") if n.name == platform)
    return {graph.nodes[e.end].name for e in graph.edges.values() if e.type == "HOSTS" and e.start == node.uid}


def test_a_park_relied_on_hosts_the_chains_its_clause_gathers(tmp_path: Path) -> None:
    # a Chongqing-style measure (依托X集聚A企业) and a Hunan-style one (立足X，重点发展A、B) in one-chain plans
    graph = _graph(
        tmp_path,
        "两江新区汽车零部件产业强链方案\n\n汽车零部件产业是新区首位产业。汽车零部件企业超过300家。"
        "1.依托鱼复智能网联产业园集聚汽车电子企业，推动汽车零部件本地配套。",
        "policy.txt",
    )
    assert "汽车电子" in _hosted(graph, "鱼复智能网联产业园")
    graph = _graph(
        tmp_path,
        "株洲市先进装备产业发展方案\n\n立足荷塘轨道交通产业园，重点发展轨道交通装备、航空动力等产业。",
        "policy.txt",
    )
    assert {"轨道交通装备", "航空动力"} <= _hosted(graph, "荷塘轨道交通产业园")


def _makes(graph: Graph, firm: str) -> set[str]:
    return _ends(graph, "MAKES", firm)


def test_a_firm_turning_its_input_into_a_product_makes_it(tmp_path: Path) -> None:
    # a Fujian-style report (A、B把X加工成P) and a Guangxi-style one (A将X冶炼成P)
    graph = _graph(
        tmp_path,
        "罗源湾不锈钢产业链观察\n\n中游，闽东精工科技有限公司、鉴江金属有限公司把热轧卷加工成精密冷轧板带。"
        "北部湾铝业有限公司将进口铝土矿冶炼成高纯铝锭。",
    )
    assert "精密冷轧板带" in _makes(graph, "闽东精工科技有限公司")
    assert "精密冷轧板带" in _makes(graph, "鉴江金属有限公司")
    assert "高纯铝锭" in _makes(graph, "北部湾铝业有限公司")
    assert "热轧卷" not in _makes(graph, "闽东精工科技有限公司")


def _placed(graph: Graph, name: str) -> set[str]:
    node = next(n for n in graph.nodes.values() if n.name == name and n.label in ("Enterprise", "Institute"))
    return {graph.nodes[e.end].name for e in graph.edges.values() if e.type == "LOCATED_IN" and e.start == node.uid}


def test_partners_are_not_placed_where_they_work_with_others(tmp_path: Path) -> None:
    # a Heilongjiang-style news item (A与B共建的中试基地) and a Shanxi-style measure (深化与A的合作; 与驻地高校A共建)
    graph = _graph(
        tmp_path,
        "松花江化工新材料产业观察\n\n在松北经济开发区，松花石油大学与龙江石化有限公司共建的新材料中试基地今年投运。",
    )
    assert _placed(graph, "松花石油大学") == set()
    assert "新材料中试基地" not in _placed(graph, "龙江石化有限公司")
    graph = _graph(
        tmp_path,
        "长治市中医药产业链工作要点\n\n支持太行药业集团在上党区建设中药颗粒生产线，深化与三晋中医药大学的产学研合作。"
        "太行药业集团还将与驻地高校漳河理工大学共建联合实验室。",
        "policy.txt",
    )
    assert _placed(graph, "三晋中医药大学") == set()
    assert _placed(graph, "漳河理工大学") == set()
    assert _placed(graph, "太行药业集团") == {"长治市上党区"}


def _developed_in(graph: Graph, chain: str) -> set[str]:
    node = next(n for n in graph.by_label("IndustryChain") if n.name == chain)
    return {graph.nodes[e.end].name for e in graph.edges.values() if e.type == "DEVELOPED_IN" and e.start == node.uid}


def test_a_place_inside_a_firms_name_or_a_cited_title_develops_no_chain(tmp_path: Path) -> None:
    # an Anhui-style news item (a Ningbo firm's project in 肥西) and a Shanghai-district policy citing a city plan
    graph = _graph(
        tmp_path,
        "肥西经开区项目集中开工\n\n位于合肥市肥西县的安徽肥西经济开发区迎来开工热潮，"
        "宁波华辰、苏州精锻等一批新能源汽车产业链项目相继动工。",
    )
    assert not {"宁波市", "苏州市"} & _developed_in(graph, "新能源汽车")
    graph = _graph(
        tmp_path,
        "宝山区机器人产业若干政策\n\n根据《上海市促进服务机器人产业高质量发展行动方案》，结合本区实际，制定本政策。"
        "为打造机器人产业高地，推动上游减速器等核心零部件发展。",
        "policy.txt",
    )
    assert "上海市" not in _developed_in(graph, "机器人")


def test_what_a_project_does_names_no_firm(tmp_path: Path) -> None:
    # a Shandong-style list of projects joined by 及 and a Henan-style one joined by 和
    graph = _graph(
        tmp_path,
        "峄山高新区项目集中开工\n\n总投资10亿元的康远高端原料药及中间体生产等项目落地建设。"
        "嵩岳新材年产5万吨碳化硅和配套材料加工等项目同步开工。",
    )
    assert not {name for name in _firms(graph) if name.endswith(("生产", "加工"))}
