"""Where places lie (round 6): a county's or city's plan builds its parks in its own area, the place that builds
a carrier (X镇建设Y园) is where it lies, and more shapes added below. Every text here is invented (places are real
divisions, parks, firms and sentences are made up), in the phrasings of two provinces each."""

from __future__ import annotations

from pathlib import Path

from chainkg.graph.model import Graph
from tests.extracted import extract_text as _graph
from tests.extracted import names as _names


def _ends(graph: Graph, rel: str, label: str, name: str) -> set[str]:
    node = next(n for n in graph.by_label(label) if n.name == name or name in n.alias_rules)
    return {graph.nodes[e.end].name for e in graph.edges.values() if e.type == rel and e.start == node.uid}


def test_a_county_plan_builds_its_parks_in_its_own_area(tmp_path: Path) -> None:
    # a Chongqing-style district plan (依托X谷集聚…), a Beijing-style one (支持A园、B园建设…)
    graph = _graph(
        tmp_path,
        "重庆市江北区软件产业提质行动方案\n\n一、重点任务\n（一）壮大工业软件。依托寸滩软件产业园集聚工业软件企业，"
        "到2026年营业收入突破100亿元。（牵头单位：区经济信息委）\n",
    )
    assert _ends(graph, "LOCATED_IN", "Platform", "寸滩软件产业园") == {"重庆市江北区"}
    graph = _graph(
        tmp_path,
        "昌平区医疗器械产业发展实施方案\n\n一、重点任务\n（一）扩大产业空间。支持回龙观生物医药园、"
        "北清医药产业园建设共享中试车间。（牵头单位：区科委）\n",
    )
    assert _ends(graph, "LOCATED_IN", "Platform", "回龙观生物医药园") == {"北京市昌平区"}
    assert _ends(graph, "LOCATED_IN", "Platform", "北清医药产业园") == {"北京市昌平区"}


def test_a_park_in_a_rule_title_or_a_province_plan_is_not_placed_by_the_scope(tmp_path: Path) -> None:
    # a park named inside a book title (a rule on a class of parks), a province's plan naming a park
    graph = _graph(
        tmp_path,
        "嘉兴市人才强企行动方案\n\n一、重点任务\n（一）完善园区管理。制定《“禾城英才”产业园管理办法》，"
        "认定人才产业园5家。（牵头单位：市委人才办）\n",
    )
    assert _ends(graph, "LOCATED_IN", "Platform", "禾城英才产业园") == set()
    graph = _graph(
        tmp_path,
        "江西省锂电产业链提升行动方案\n\n一、重点任务\n（一）建强载体。依托锂都新能源产业园集聚电池企业。"
        "（牵头单位：省工业和信息化厅）\n",
    )
    assert _ends(graph, "LOCATED_IN", "Platform", "锂都新能源产业园") == set()


def test_the_place_that_builds_a_carrier_is_where_it_lies(tmp_path: Path) -> None:
    # a Hunan-style 支持X镇建设Y园, a Hebei-style 推动X区加快建设Y园
    graph = _graph(
        tmp_path,
        "长沙县新材料产业链行动方案\n\n一、重点任务\n（一）建设专业园区。支持福临镇建设先进陶瓷产业园，"
        "推动企业与高校共建研发中心。（牵头单位：县工业和信息化局）\n",
    )
    assert _ends(graph, "LOCATED_IN", "Platform", "先进陶瓷产业园") == {"福临镇"}
    graph = _graph(
        tmp_path,
        "石家庄市中医药产业链行动方案\n\n一、重点任务\n（一）建设专业园区。推动鹿泉区加快建设道地药材产业园，"
        "三年新增入园项目20个。（牵头单位：市发展改革委）\n",
    )
    assert _ends(graph, "LOCATED_IN", "Platform", "道地药材产业园") == {"石家庄市鹿泉区"}


def _districts(graph: Graph) -> set[str]:
    """The districts the text names (a parent added from the divisions data is not MENTIONED_IN it)."""
    named = {e.start for e in graph.edges.values() if e.type == "MENTIONED_IN"}
    return {n.name for n in graph.by_label("District") if n.uid in named}


def test_a_three_character_town_after_a_verb_of_lying_keeps_its_first_character(tmp_path: Path) -> None:
    # a Beijing-style 加快位于X镇的Y建设, a Guangdong-style Y地处X镇
    graph = _graph(
        tmp_path,
        "昌平区生物医药产业发展实施方案\n\n一、重点任务\n（一）建设产业空间。加快位于羊坊店镇的康宁医药产业园建设。"
        "（牵头单位：区科委）\n",
    )
    assert "羊坊店镇" in _districts(graph) and "坊店镇" not in _districts(graph)
    assert _ends(graph, "LOCATED_IN", "Platform", "康宁医药产业园") == {"羊坊店镇"}
    graph = _graph(tmp_path, "东莞新闻\n\n6月3日，地处石龙坑镇的华辰电子有限公司新厂房投产。")
    assert "石龙坑镇" in _districts(graph) and "龙坑镇" not in _districts(graph)


def test_a_short_place_inside_a_carrier_name_is_no_district_of_the_text(tmp_path: Path) -> None:
    # a Jiangsu-style park opening with its province's short form, a Guizhou-style zone committee
    graph = _graph(
        tmp_path,
        "溧阳新闻\n\n3月2日，溧阳市在江苏天目湖科技产业园举行签约仪式，5个电池材料项目落户。",
    )
    assert "江苏省" not in _districts(graph) and "常州市溧阳市" in _districts(graph)
    graph = _graph(
        tmp_path,
        "铜仁市新材料产业链行动方案\n\n各区（县）人民政府，贵州松桃经济开发区管委会，市政府各工作部门：\n"
        "一、重点任务\n（一）扩大产能。支持企业扩建锰酸锂产线。（责任单位：市工业和信息化局）\n",
    )
    assert "贵州省" not in _districts(graph)
    graph = _graph(
        tmp_path,
        "大庆新闻\n\n9月1日，龙凤区化工新材料产业园新开工项目3个。",
    )
    assert "大庆市龙凤区" in _districts(graph)  # written with its level, the place says where the park lies


def test_a_research_institute_is_not_placed_by_its_name_a_school_is(tmp_path: Path) -> None:
    # a Shaanxi-style city plan naming a trade institute after its city, a Jilin-style academy institute
    graph = _graph(
        tmp_path,
        "汉中市钛材料产业链行动方案\n\n一、重点任务\n（一）强化创新。支持汉中钛合金研究院与高校合作开展技术攻关，"
        "依托汉中职业技术学院培养技工。（牵头单位：市科技局）\n",
    )
    assert _ends(graph, "LOCATED_IN", "Institute", "汉中钛合金研究院") == set()
    assert _ends(graph, "LOCATED_IN", "Institute", "汉中职业技术学院") == {"汉中市"}
    graph = _graph(
        tmp_path,
        "吉林省新材料产业链行动方案\n\n一、重点任务\n（一）强化创新。依托中国科学院长春光学精密机械研究所组建创新联合体。"
        "（牵头单位：省科技厅）\n",
    )
    assert _ends(graph, "LOCATED_IN", "Institute", "中国科学院长春光学精密机械研究所") == set()


def test_news_does_not_place_an_uncued_research_institute_in_its_area(tmp_path: Path) -> None:
    # a Fujian-style county report, a Tianjin-style city report: the lab is named with no place cue
    for title, lab in (("霞浦新闻", "海峡冶金新材料研究院"), ("天津新闻", "渤海信创实验室")):
        graph = _graph(tmp_path, f"{title}\n\n5月6日，{lab}研发的超薄不锈钢带材实现批量供货。")
        assert _ends(graph, "LOCATED_IN", "Institute", lab) == set()


def test_a_park_named_after_a_town_of_the_text_lies_in_that_town(tmp_path: Path) -> None:
    # a Fujian-style county report, a Guangdong-style one: the town is written in full once, the park by its stem
    graph = _graph(
        tmp_path,
        "霞浦县新闻\n\n十年前，溪南镇还是一片渔村。如今，溪南不锈钢精深加工产业园已集聚上下游企业60余家。",
    )
    assert _ends(graph, "LOCATED_IN", "Platform", "溪南不锈钢精深加工产业园") == {"溪南镇"}
    graph = _graph(
        tmp_path,
        "佛山新闻\n\n南海区狮山镇加快发展智能装备。狮山机器人产业园今年新增入园企业15家。",
    )
    assert _ends(graph, "LOCATED_IN", "Platform", "狮山机器人产业园") == {"狮山镇"}


def test_a_placing_verb_of_another_clause_or_with_a_partner_does_not_place_a_firm(tmp_path: Path) -> None:
    # a Chongqing-style 围绕A、B的需求，在X布局…，引进…项目; a Hunan-style 推动A、B等企业与高校共建…
    graph = _graph(
        tmp_path,
        "重庆市江北区汽车零部件行动方案\n\n一、重点任务\n（一）补强配套。围绕赛力斯、长城精工等整车企业的配套需求,"
        "在鱼嘴工业园区布局一批电驱项目,力争每年引进零部件项目10个。（牵头单位：区经济信息委）\n",
    )
    assert _ends(graph, "LOCATED_IN", "Enterprise", "赛力斯") == set()
    graph = _graph(
        tmp_path,
        "长沙县电子信息产业链行动方案\n\n一、重点任务\n（一）建设园区。支持星沙镇建设新型显示产业园，"
        "推动湘江光电、麓谷微电等企业与高校共建研发中心。（牵头单位：县工业和信息化局）\n",
    )
    assert _ends(graph, "LOCATED_IN", "Enterprise", "湘江光电") == set()


def test_a_park_written_again_by_its_proper_words_and_kind_is_the_same_park(tmp_path: Path) -> None:
    # a Heilongjiang-style 选址X高新区Y化工园区 … 在Y园区投产; a Jiangsu-style X装备产业园 … X产业园
    graph = _graph(
        tmp_path,
        "油城新闻\n\n9月2日，北湖新材料有限公司年产5万吨树脂项目选址松原高新区红岗化工园区。"
        "此前在红岗园区投产的聚丙烯项目已满产。",
    )
    assert "红岗园区" not in _names(graph, "Platform") and "红岗化工园区" in _names(graph, "Platform")
    graph = _graph(
        tmp_path,
        "如皋新闻\n\n长江装备制造产业园今年新签约项目12个。目前，长江产业园已集聚装备企业80家。",
    )
    assert "长江产业园" not in _names(graph, "Platform")


def test_a_frame_closed_by_de_places_the_noun_it_describes_only(tmp_path: Path) -> None:
    # a Heilongjiang-style 在X投产的P由A投资; a Hubei-style 在X建成的P采用B的…
    graph = _graph(
        tmp_path,
        "油城新闻\n\n9月2日，此前在红岗化工园区投产的年产8万吨树脂项目由北湖新材料有限公司投资，"
        "原料由南岭炼化有限公司供应。",
    )
    assert _ends(graph, "LOCATED_IN", "Project", "年产8万吨树脂项目") == {"红岗化工园区"}
    assert "红岗化工园区" not in _ends(graph, "LOCATED_IN", "Enterprise", "南岭炼化有限公司")
    graph = _graph(
        tmp_path,
        "江城新闻\n\n11月3日，在猇亭化工园区建成的年产10万吨电解液项目投产，设备由楚天智能装备有限公司提供。",
    )
    assert _ends(graph, "LOCATED_IN", "Project", "年产10万吨电解液项目") == {"猇亭化工园区"}
    assert "猇亭化工园区" not in _ends(graph, "LOCATED_IN", "Enterprise", "楚天智能装备有限公司")


def test_a_bare_kind_word_after_a_verb_of_place_refers_back_to_the_zone(tmp_path: Path) -> None:
    # a Tianjin-style 走进高新区的X产业园; a Jiangxi-style X产业园位于开发区…
    graph = _graph(
        tmp_path,
        "津城新闻\n\n8月2日，信创大会在天津渤海高新区开幕。走进高新区的软件安全产业园，几家企业正在做适配测试。",
    )
    assert _ends(graph, "LOCATED_IN", "Platform", "软件安全产业园") == {"天津渤海高新技术产业开发区"}
    graph = _graph(
        tmp_path,
        "赣州新闻\n\n5月9日，章江经济开发区举行项目签约活动。位于开发区的赣南家具产业园新增企业15家。",
    )
    assert _ends(graph, "LOCATED_IN", "Platform", "赣南家具产业园") == {"章江经济开发区"}


def test_a_village_named_town_counts_where_its_government_is_named(tmp_path: Path) -> None:
    # a Shanghai-style district rule (X村镇 as the core area, X村镇政府 among the units); a Jiangsu-style plan
    graph = _graph(
        tmp_path,
        "上海市宝山区促进智能装备产业发展若干政策\n\n第一条 本区以泗村镇智能装备产业园为核心承载区。"
        "（受理部门：区经委；协同部门：泗村镇政府）\n",
    )
    assert "泗村镇" in _districts(graph)
    assert _ends(graph, "LOCATED_IN", "Platform", "泗村镇智能装备产业园") == {"泗村镇"}
    graph = _graph(
        tmp_path,
        "常州市武进区村镇工业集聚区提升方案\n\n一、重点任务\n（一）推进村镇工业集聚区整治。支持葛村镇建设"
        "绿色建材产业园。（责任单位：葛村镇人民政府）\n",
    )
    assert "葛村镇" in _districts(graph)
    assert not any(name.endswith("村镇") and name != "葛村镇" for name in _districts(graph))


def _investors(graph: Graph, project: str) -> set[str]:
    node = next(n for n in graph.by_label("Project") if n.name == project)
    return {graph.nodes[e.start].name for e in graph.edges.values() if e.type == "INVESTS_IN" and e.end == node.uid}


def test_what_a_firm_invests_in_is_a_named_project(tmp_path: Path) -> None:
    # a Henan-style 加快A投资的P建设; a Hubei-style A在X投资约N亿元建设P
    graph = _graph(
        tmp_path,
        "洛阳市储能产业链行动方案\n\n一、重点任务\n（一）扩大产能。加快远景能源有限公司投资的伊洛储能电池产业基地项目建设。"
        "（牵头单位：市发展改革委）\n",
    )
    assert _investors(graph, "伊洛储能电池产业基地项目") == {"远景能源有限公司"}
    graph = _graph(
        tmp_path,
        "宜昌新闻\n\n11月5日，楚峡新材料有限公司在猇亭化工园区投资约60亿元建设楚峡磷酸铁一体化产业园项目。",
    )
    assert _investors(graph, "楚峡磷酸铁一体化产业园项目") == {"楚峡新材料有限公司"}
    assert _ends(graph, "LOCATED_IN", "Project", "楚峡磷酸铁一体化产业园项目") == {"猇亭化工园区"}


def test_the_firm_after_you_and_a_joint_venture_partner_invest(tmp_path: Path) -> None:
    # a Heilongjiang-style P由A投资; a Jiangsu-style A与B合资的P
    graph = _graph(
        tmp_path,
        "油城新闻\n\n9月2日，此前在红岗化工园区投产的年产8万吨树脂项目由北湖新材料有限公司投资，"
        "原料由南岭炼化有限公司供应。",
    )
    assert _investors(graph, "年产8万吨树脂项目") == {"北湖新材料有限公司"}
    graph = _graph(
        tmp_path,
        "溧阳新闻\n\n3月2日，在园区，江城电池有限公司与华东汽车集团有限公司合资的江华动力电池项目一期总投资50亿元，"
        "已形成10GWh产能。",
    )
    assert _investors(graph, "江华动力电池项目") == {"江城电池有限公司", "华东汽车集团有限公司"}


def _parents(graph: Graph, name: str) -> set[str]:
    return _ends(graph, "PART_OF", "District", name)


def test_a_town_written_after_its_county_hangs_under_that_county(tmp_path: Path) -> None:
    # a Liaoning-style city report (落户海城市X镇的…); a Jiangsu-style one (溧阳市X镇)
    graph = _graph(
        tmp_path,
        "鞍山新闻\n\n6月17日，鞍山市重点项目集中签约，北岭镁业年产5万吨镁砂项目落户海城市八里镇的海城经济开发区。",
    )
    assert _parents(graph, "八里镇") == {"鞍山市海城市"}
    graph = _graph(tmp_path, "常州新闻\n\n3月2日，常州市重点项目开工，溧阳市社渚镇的新材料项目开工建设。")
    assert _parents(graph, "社渚镇") == {"常州市溧阳市"}


def test_a_firms_plant_in_a_place_places_the_firm(tmp_path: Path) -> None:
    # a Hunan-style A、B在X的整车工厂加快扩能; a Guangdong-style A在X的生产基地投产
    graph = _graph(
        tmp_path,
        "长沙县汽车产业链行动方案\n\n一、重点任务\n（一）做强整车。湘江汽车有限公司、星城汽车有限公司在长沙经开区的"
        "整车工厂加快扩能，引进热管理企业。（牵头单位：县工业和信息化局）\n",
    )
    assert _ends(graph, "LOCATED_IN", "Enterprise", "湘江汽车有限公司") == {"长沙经济技术开发区"}
    assert _ends(graph, "LOCATED_IN", "Enterprise", "星城汽车有限公司") == {"长沙经济技术开发区"}
    graph = _graph(tmp_path, "东莞新闻\n\n6月3日，华辰电子有限公司在松山湖高新区的新生产基地正式投产。")
    assert _ends(graph, "LOCATED_IN", "Enterprise", "华辰电子有限公司") == {"松山湖高新技术产业开发区"}


def test_qi_after_a_firm_takes_the_place_given_to_it(tmp_path: Path) -> None:
    # a Shanxi-style 发挥A链主作用，支持其在X建设…; a Sichuan-style A…，推动其在X扩建…
    graph = _graph(
        tmp_path,
        "长治市医药产业链工作要点\n\n一、重点任务\n（一）壮大中药。发挥太岳药业集团有限公司链主作用，支持其在上党区建设"
        "配方颗粒生产线。（市工信局牵头）\n",
    )
    assert _ends(graph, "LOCATED_IN", "Enterprise", "太岳药业集团有限公司") == {"长治市上党区"}
    graph = _graph(
        tmp_path,
        "宜宾市动力电池产业链行动方案\n\n一、重点任务\n（一）扩大产能。做强蜀南电池有限公司，推动其在叙州区扩建电芯产线。"
        "（牵头单位：市经济和信息化局）\n",
    )
    assert _ends(graph, "LOCATED_IN", "Enterprise", "蜀南电池有限公司") == {"宜宾市叙州区"}


def test_a_zone_with_no_chain_of_its_own_hosts_its_parks_chains(tmp_path: Path) -> None:
    # a Liaoning-style X高新区Y激光产业园; a Guangdong-style park of a zone's (X高新区的Y机器人产业基地)
    graph = _graph(
        tmp_path,
        "营口新闻\n\n6月17日，营口高新区光电激光产业园再添新成员，一批激光器项目签约。目前，园区已集聚企业30余家。",
    )
    assert "营口高新技术产业开发区" in _ends(graph, "LOCATED_IN", "Platform", "光电激光产业园")
    assert (
        _ends(graph, "HOSTS", "Platform", "营口高新技术产业开发区")
        == _ends(graph, "HOSTS", "Platform", "光电激光产业园")
        != set()
    )
    graph = _graph(
        tmp_path,
        "佛山新闻\n\n9月2日，狮山高新区举行企业座谈会。位于高新区的南海机器人产业园已孵化出一批企业。",
    )
    assert _ends(graph, "HOSTS", "Platform", "狮山高新技术产业开发区") == {"机器人"}


def test_a_zone_hosts_the_one_chain_its_sentence_names(tmp_path: Path) -> None:
    # a Hunan-style 围绕A产业链，服务…在X经开区的…; a Tianjin-style news lead (A大会在X高新区开幕)
    graph = _graph(
        tmp_path,
        "长沙县产业链建设工作方案\n\n一、重点任务\n（一）精准招商。围绕工程机械产业链，服务龙头企业在星沙经开区的"
        "整机工厂扩能。（牵头单位：县商务局）\n（二）培育集群。推动生物医药、新材料企业集聚发展。（牵头单位：县科技局）\n",
    )
    assert _ends(graph, "HOSTS", "Platform", "星沙经济技术开发区") == {"工程机械"}
    graph = _graph(
        tmp_path,
        "津城新闻\n\n8月2日，2024集成电路产业大会在天津渤海高新区开幕，会上一批项目签约。"
        "新能源、生物医药等领域企业也参加了对接。",
    )
    assert _ends(graph, "HOSTS", "Platform", "天津渤海高新技术产业开发区") == {"集成电路"}


def test_a_project_named_after_its_carrier_gains_new_members_lies_there(tmp_path: Path) -> None:
    # a Liaoning-style X园再添新成员。A投资…的P…; a Jiangsu-style X园…迎来重大项目签约。P总投资…
    graph = _graph(
        tmp_path,
        "营口新闻\n\n6月17日，营口高新区光电激光产业园再添新成员。北岭光电有限公司投资8亿元的光纤激光器项目用地50亩，"
        "预计明年投产。",
    )
    assert _ends(graph, "LOCATED_IN", "Project", "光纤激光器项目") == {"光电激光产业园"}
    graph = _graph(
        tmp_path,
        "无锡新闻\n\n8月23日，惠山智能传感产业园开工，同时迎来一批重大产业项目签约。常润光学膜项目总投资约6亿元，"
        "将新上8条生产线。",
    )
    assert _ends(graph, "LOCATED_IN", "Project", "常润光学膜项目") == {"惠山智能传感产业园"}


def test_a_quoted_name_closed_by_a_one_character_carrier_is_a_platform(tmp_path: Path) -> None:
    # an Anhui-style “X声谷” built by a district; a Hubei-style “X光谷” a report names
    graph = _graph(
        tmp_path,
        "合肥新闻\n\n5月6日，蜀山区全力打造“江淮声谷”，一批语音企业落户。",
    )
    assert "江淮声谷" in _names(graph, "Platform")
    assert _ends(graph, "LOCATED_IN", "Platform", "江淮声谷") == {"合肥市蜀山区"}
    graph = _graph(tmp_path, "武汉新闻\n\n9月1日，光电企业扎堆“楚天光谷”，今年新增企业200家。")
    assert "楚天光谷" in _names(graph, "Platform")


def test_an_inland_port_is_a_platform_placed_like_a_park(tmp_path: Path) -> None:
    # a Jiangxi-style 位于X的Y国际陆港; a Yunnan-style 加快推进Y国际陆港建设
    graph = _graph(tmp_path, "赣州新闻\n\n5月8日，位于南康区的章贡国际陆港开通新的铁海联运班列。")
    assert "章贡国际陆港" in _names(graph, "Platform")
    assert _ends(graph, "LOCATED_IN", "Platform", "章贡国际陆港") == {"赣州市南康区"}
    graph = _graph(tmp_path, "红河新闻\n\n3月1日，蒙自市加快推进滇南国际陆港建设，新开通冷链班列2条。")
    assert "滇南国际陆港" in _names(graph, "Platform")


def test_a_zone_named_after_its_trade_is_a_platform(tmp_path: Path) -> None:
    # an Inner-Mongolia-style X高新区 named after its mineral; a Sichuan-style one, each with a park in it
    graph = _graph(
        tmp_path,
        "攀枝花市钒钛产业链行动方案\n\n各县（区）人民政府，钒钛高新区管委会：\n一、重点任务\n（一）建设园区。"
        "加快位于钒钛高新区的钒钛新材料产业园建设。（牵头单位：市经济和信息化局）\n",
    )
    assert _ends(graph, "LOCATED_IN", "Platform", "钒钛新材料产业园") == {"钒钛高新技术产业开发区"}
    graph = _graph(
        tmp_path,
        "景德镇市陶瓷产业链行动方案\n\n一、重点任务\n（一）壮大载体。支持陶瓷经开区集聚先进陶瓷企业。"
        "（牵头单位：市工业和信息化局）\n",
    )
    assert "陶瓷经济技术开发区" in _names(graph, "Platform")


def test_a_plans_park_lies_in_the_zone_whose_committee_is_in_charge(tmp_path: Path) -> None:
    # a Yunnan-style item (完善X产业园…。（责任单位：Y经开区管委会…）); a Guizhou-style one (牵头单位：Y开发区管委会)
    graph = _graph(
        tmp_path,
        "曲靖市光伏产业链行动方案\n\n一、重点任务\n（一）延链补链。支持企业在曲靖经开区扩建组件项目。"
        "（责任单位：市投资促进局）\n（二）园区提升。完善西城片区光伏产业园基础设施。（责任单位：曲靖经开区管委会、市工业和信息化局）\n",
    )
    assert _ends(graph, "LOCATED_IN", "Platform", "西城片区光伏产业园") == {"曲靖经济技术开发区"}
    graph = _graph(
        tmp_path,
        "铜仁市新材料产业链行动方案\n\n一、重点任务\n（一）建强园区。支持企业在贵州大龙经济开发区扩建产线。"
        "（牵头单位：市工业和信息化局）\n（二）完善配套。建设锰材料产业园标准厂房。（牵头单位：贵州大龙经济开发区管委会）\n",
    )
    assert _ends(graph, "LOCATED_IN", "Platform", "锰材料产业园") == {"贵州大龙经济开发区"}


def test_a_parent_investing_through_its_subsidiary_invests_too(tmp_path: Path) -> None:
    # a Hubei-style A通过控股子公司B（简称…）在X投资约N亿元建设P; a Sichuan-style A通过全资子公司B投资N亿元建设P
    graph = _graph(
        tmp_path,
        "宜昌新闻\n\n11月5日，江城电池有限公司通过控股子公司楚峡循环科技有限公司（简称“楚峡循环”）在猇亭化工园区"
        "投资约60亿元建设楚峡循环电池材料产业园项目。",
    )
    assert _investors(graph, "楚峡循环电池材料产业园项目") == {"江城电池有限公司", "楚峡循环科技有限公司"}
    graph = _graph(
        tmp_path,
        "宜宾新闻\n\n3月2日，蜀南能源集团有限公司通过全资子公司叙州锂电有限公司投资30亿元建设年产10GWh电芯项目。",
    )
    assert _investors(graph, "年产10GWh电芯项目") == {"蜀南能源集团有限公司", "叙州锂电有限公司"}


def test_an_institute_built_with_a_place_lies_there_not_one_built_with_partners(tmp_path: Path) -> None:
    # a Jiangsu-style 由A与溧阳共建的Y研究院; a Liaoning-style A与驻地高校B共建Y中心 after a zone is named
    graph = _graph(
        tmp_path,
        "溧阳市储能产业观察\n\n3月2日，由华东理工研究所与溧阳共建的南山储能技术研究院孵化出一批储能企业。",
    )
    assert _ends(graph, "LOCATED_IN", "Institute", "南山储能技术研究院") == {"常州市溧阳市"}
    graph = _graph(
        tmp_path,
        "鞍山新闻\n\n6月17日，北岭镁业年产5万吨镁砂项目落户腾鳌经济开发区。北岭镁业有限公司还将与驻鞍高校辽宁科技学院"
        "共建镁质材料联合研发中心。",
    )
    assert _ends(graph, "LOCATED_IN", "Institute", "镁质材料联合研发中心") == set()


def test_news_does_not_place_an_uncued_institute_in_the_zone_of_its_section(tmp_path: Path) -> None:
    # a Hubei-style report on a zone naming a lab a firm leads; a Guangxi-style one naming a lab a plan proposes
    graph = _graph(
        tmp_path,
        "宜昌新闻\n\n11月5日，在猇亭高新区，一批电池材料项目投产。由楚峡化工集团有限公司牵头组建的楚峡电池实验室聚焦磷基材料攻关。",
    )
    assert _ends(graph, "LOCATED_IN", "Institute", "楚峡电池实验室") == set()
    graph = _graph(
        tmp_path,
        "柳州新闻\n\n1月10日，柳江高新区举行项目签约活动。该工程提出共建桂中智能汽车实验室，培育一批零部件企业。",
    )
    assert _ends(graph, "LOCATED_IN", "Institute", "桂中智能汽车实验室") == set()


def test_a_market_town_counts_after_its_county_or_with_its_government(tmp_path: Path) -> None:
    # a Jiangsu-style 睢宁县X集镇 in news; an Anhui-style plan naming X集镇人民政府 among its units
    graph = _graph(tmp_path, "徐州新闻\n\n5月6日，睢宁县沙集镇的电商产业园新增网店200家。全市推进中心集镇建设。")
    assert "沙集镇" in _districts(graph)
    assert not any(name.endswith("心集镇") for name in _districts(graph))
    graph = _graph(
        tmp_path,
        "蒙城县农副产品加工产业链行动方案\n\n一、重点任务\n（一）建设园区。支持板桥集镇建设食品加工产业园。"
        "（责任单位：板桥集镇人民政府）\n",
    )
    assert "板桥集镇" in _districts(graph)


def test_a_town_written_in_full_elsewhere_is_not_cut_after_a_verb(tmp_path: Path) -> None:
    # a Guangdong-style item naming the town's government as its unit; a Hunan-style one listing it after a comma
    graph = _graph(
        tmp_path,
        "东莞市电子信息产业链行动方案\n\n一、重点任务\n（一）建设园区。支持石龙坑镇打造电子元件产业园。"
        "（责任单位：石龙坑镇人民政府）\n",
    )
    assert "石龙坑镇" in _districts(graph) and "龙坑镇" not in _districts(graph)
    assert _ends(graph, "LOCATED_IN", "Platform", "电子元件产业园") == {"石龙坑镇"}
    graph = _graph(
        tmp_path,
        "长沙县农产品加工产业链行动方案\n\n一、重点任务\n（一）建设园区。推动金井茶镇建设茶叶加工产业园，"
        "带动春华镇、金井茶镇茶农增收。（责任单位：县农业农村局）\n",
    )
    assert "金井茶镇" in _districts(graph) and "井茶镇" not in _districts(graph)


def test_a_trade_park_is_no_short_name_of_a_longer_trade_park(tmp_path: Path) -> None:
    # a Zhejiang-style report naming two parks of one trade; a Hubei-style one
    graph = _graph(tmp_path, "平湖新闻\n\n5月6日，汽车产业园和汽车零部件产业园分别新增企业8家、12家。")
    assert {"汽车产业园", "汽车零部件产业园"} <= _names(graph, "Platform")
    graph = _graph(tmp_path, "十堰新闻\n\n5月6日，新能源产业园与新能源装备产业园同日开工一批项目。")
    assert {"新能源产业园", "新能源装备产业园"} <= _names(graph, "Platform")


def test_a_university_stationed_in_the_city_written_by_one_character_lies_there(tmp_path: Path) -> None:
    # a Liaoning-style 与驻鞍高校A共建; a Zhejiang-style 驻甬高校A、B
    graph = _graph(
        tmp_path,
        "鞍山新闻\n\n6月17日，北岭镁业有限公司将与驻鞍高校鞍钢冶金学院共建镁质材料实验室。",
    )
    assert _ends(graph, "LOCATED_IN", "Institute", "鞍钢冶金学院") == {"鞍山市"}
    graph = _graph(
        tmp_path,
        "宁波市新材料产业链行动方案\n\n一、重点任务\n（一）强化创新。支持驻甬高校宁波材料大学、甬江理工学院与企业共建实验室。"
        "（牵头单位：市科技局）\n",
    )
    assert _ends(graph, "LOCATED_IN", "Institute", "宁波材料大学") == {"宁波市"}
    assert _ends(graph, "LOCATED_IN", "Institute", "甬江理工学院") == {"宁波市"}


def test_the_firm_leading_the_work_of_the_next_clause_lies_where_it_is_done(tmp_path: Path) -> None:
    # a Shanxi-style 以A为链主，在X巩固…产业链; a Jiangxi-style 以A为龙头，在X打造…基地
    graph = _graph(
        tmp_path,
        "长治市电子产业链工作要点\n\n一、重点任务\n（一）壮大LED产业链。以太行光电集团有限公司为链主，在长治高新区巩固"
        "芯片与封装的垂直产业链。（市工信局牵头）\n",
    )
    assert _ends(graph, "LOCATED_IN", "Enterprise", "太行光电集团有限公司") == {"长治高新技术产业开发区"}
    graph = _graph(
        tmp_path,
        "赣州市家具产业链行动方案\n\n一、重点任务\n（一）做强龙头。以章江家居集团有限公司为龙头，在南康区打造实木家具"
        "智能制造示范基地。（牵头单位：市工业和信息化局）\n",
    )
    assert _ends(graph, "LOCATED_IN", "Enterprise", "章江家居集团有限公司") == {"赣州市南康区"}


def test_a_three_character_town_after_a_plans_verb_keeps_its_first_character(tmp_path: Path) -> None:
    # a Sichuan-style 支持X镇建设…; a Shaanxi-style 推动X镇…; a two-character town after the same verbs stays whole
    graph = _graph(
        tmp_path,
        "凉山州清洁能源产业链行动方案\n\n一、重点任务\n（一）建设园区。支持白鹤滩镇建设水电装备产业园，"
        "支持黄花镇发展配套产业。（责任单位：州发展改革委）\n",
    )
    assert {"白鹤滩镇", "黄花镇"} <= _districts(graph)
    assert "鹤滩镇" not in _districts(graph) and "持黄花镇" not in _districts(graph)
    graph = _graph(
        tmp_path,
        "汉中市茶产业链行动方案\n\n一、重点任务\n（一）壮大基地。推动三河口镇建设茶叶加工园。（责任单位：市农业农村局）\n",
    )
    assert "三河口镇" in _districts(graph) and "河口镇" not in _districts(graph)
