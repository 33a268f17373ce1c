"""Chains, round 6: a chain named by a compound with 产业 (稀土永磁产业, 机器人及智能制造产业) is that compound, and
the shorter forms of the text fold into it; chain systems named by a number code ("4+2+3"产业链体系) hold the chains
their counted lists name; named manufacturing clusters and "X是全省…产业链之一". Every text is invented; each rule is
tried on phrasings of two provinces."""

from __future__ import annotations

from pathlib import Path

from chainkg.graph.model import Graph
from chainkg.loaders.extract.chain_owners import owners_in
from chainkg.loaders.extract.industries import find_industries
from tests.extracted import extract_text as _graph
from tests.extracted import names as _names
from tests.extracted import pairs as _pairs


def _chains(text: str) -> set[str]:
    return {m.name for m in find_industries(text) if m.label == "IndustryChain"}


def test_a_compound_before_chanye_is_the_chain() -> None:
    # an Inner-Mongolia-style title (推进X产业延链…) and a Shanghai-style one (促进X产业高质量发展)
    title = "赤峰市关于推进钕铁硼永磁产业延链补链的若干措施\n到2026年全市钕铁硼永磁产业产值过百亿。"
    assert "钕铁硼永磁" in _chains(title)
    assert "传感器及智能制造" in _chains("嘉定区促进传感器及智能制造产业高质量发展的办法\n支持企业扩产。")


def test_chanye_modifying_a_carrier_or_a_task_force_names_no_compound() -> None:
    # X产业 before the noun it modifies (a service platform, a team for attracting firms), and a verb before X
    chains = _chains("积极打造专业化电梯产业公共服务平台，组建了现代纺织产业招商专班，现就绿色建材产业提出意见。")
    assert not {"专业化电梯", "了现代纺织", "现就绿色建材"} & chains


def test_a_zone_written_before_a_chain_is_not_part_of_its_name() -> None:
    # a Tianjin-style news line (高新区X产业营收) and a Hunan-style one (经开区X产业产值)
    assert "信创" in _chains("力争到2026年高新区信创产业营收突破800亿元。")
    assert "工程机械" in _chains("经开区工程机械产业产值增长12%。")


def test_a_time_word_and_a_place_before_a_compound_are_not_part_of_its_name() -> None:
    # a Shandong-style news line (今年+city+X产业产值) and a Jiangxi-style one (目前+county+X产业规模)
    assert "碳纤维复合材料" in _chains("今年威海碳纤维复合材料产业产值有望突破三百亿元。")
    chains = _chains("目前新余锂电新材料产业规模已居全省前列。")
    assert "锂电新材料" in chains and not any(c.startswith(("今年", "目前")) for c in chains)


def test_bare_forms_fold_into_the_longest_compound() -> None:
    # a Yunnan-style plan writing 绿色硅光伏 and its short form 硅光伏 as often, and the bare 光伏; a Sichuan-style
    # one writing 晶硅光伏 and 硅光伏
    yunnan = (
        "保山市绿色硅光伏产业三年行动计划\n\n全市绿色硅光伏产业产值突破500亿元。支持硅光伏企业上市。"
        "硅光伏企业扩产。光伏企业达到40家。打造光伏之城。"
    )
    sichuan = "乐山市晶硅光伏产业发展意见\n\n晶硅光伏产业营收翻番。硅光伏企业扩产。硅光伏企业上市。光伏企业达到30家。"
    assert _chains(yunnan) == {"绿色硅光伏"}
    assert _chains(sichuan) == {"晶硅光伏"}


def test_a_coded_system_holds_the_chains_its_counted_lists_spell_out(tmp_path: Path) -> None:
    # a Hunan-county-style plan (the code, then the lists in the next sentence) and a Henan-style one (the code and
    # its lists in one sentence, N left open)
    hunan = _graph(
        tmp_path,
        "浏阳市2025年产业链工作要点\n\n今年是全市“3+2”产业链体系建设的关键之年。全市聚焦烟花爆竹、生物医药、"
        "电子信息3条主导产业链，以及食品加工、新材料2条培育型产业链，推动链长制落地。",
        "hunan.txt",
    )
    system = next(n for n in _names(hunan, "Cluster") if n.endswith("3+2产业链体系"))
    members = {chain for chain, cluster in _pairs(hunan, "PART_OF") if cluster == system}
    assert members == {"烟花爆竹", "生物医药", "电子信息", "食品加工", "新材料"}
    henan = _graph(
        tmp_path,
        "许昌市制造业群链建设方案\n\n许昌市推进“2+5+N”群链建设，打造电力装备、节能环保2个产业集群，"
        "做强智能电网、超硬材料、发制品、再生金属、汽车零部件5条重点产业链。",
        "henan.txt",
    )
    system = next(n for n in _names(henan, "Cluster") if n.endswith("2+5+N群链"))
    members = {chain for chain, cluster in _pairs(henan, "PART_OF") if cluster == system}
    assert {"智能电网", "超硬材料", "再生金属"} <= members


def test_lists_whose_counts_are_not_the_code_hold_no_chains(tmp_path: Path) -> None:
    # the code 4+4, then lists of 3 and 5 chains: another grouping, not the system's
    graph = _graph(
        tmp_path,
        "某县工作要点\n\n全县构建“4+4”现代化产业体系。全县聚焦纺织、食品、建材3条产业链，以及光伏、储能、氢能、"
        "锂电池、电子信息5条新兴产业链。",
    )
    system = next(n for n in _names(graph, "Cluster") if n.endswith("4+4现代化产业体系"))
    assert not {chain for chain, cluster in _pairs(graph, "PART_OF") if cluster == system}


def test_a_named_manufacturing_cluster_is_a_cluster_developed_in_its_place(tmp_path: Path) -> None:
    # an Inner-Mongolia-style plan (培育壮大<place>X及应用先进制造业集群), a Jiangsu-style news line (<place>X…集群)
    mongolia = _graph(tmp_path, "意见\n\n培育壮大赤峰稀土功能材料及应用先进制造业集群，现提出如下意见。", "nm.txt")
    assert "赤峰稀土功能材料及应用先进制造业集群" in {a for n in mongolia.by_label("Cluster") for a in n.aliases}
    assert {cluster for cluster, _ in _pairs(mongolia, "DEVELOPED_IN")} == _names(mongolia, "Cluster")
    jiangsu = _graph(tmp_path, "新闻\n\n近日，打造无锡物联网先进制造业集群取得新进展。", "js.txt")
    assert any(n.endswith("物联网先进制造业集群") for n in _names(jiangsu, "Cluster"))


def test_a_zone_of_a_cluster_is_no_cluster() -> None:
    # 集群协同区 / 集群核心区: an area of a cluster's programme, not the cluster named again
    text = "建成现代纺织与服装先进制造业集群协同区和高端装备先进制造业集群核心区。"
    assert not [m for m in find_industries(text) if m.label == "Cluster"]


def test_a_chain_said_to_be_one_of_a_kind_of_chain_is_part_of_the_programme(tmp_path: Path) -> None:
    # a Shandong-style plan (X是全省标志性产业链之一) and a Guangdong-style one (X是我市战略性支柱产业之一)
    shandong = _graph(tmp_path, "临沂市工程机械产业链方案\n\n工程机械是全省标志性产业链之一。", "sd.txt")
    cluster = next(n for n in _names(shandong, "Cluster") if n.endswith("省标志性产业链"))
    assert ("工程机械", cluster) in _pairs(shandong, "PART_OF")
    guangdong = _graph(tmp_path, "珠海市集成电路产业方案\n\n集成电路是我市战略性支柱产业之一。", "gd.txt")
    cluster = next(n for n in _names(guangdong, "Cluster") if n.endswith("市战略性支柱产业"))
    assert ("集成电路", cluster) in _pairs(guangdong, "PART_OF")


def test_one_of_a_chain_named_by_its_industry_is_no_programme() -> None:
    # 是全省光伏产业之一 names an industry, not a kind of chain: no group
    assert not [m for m in find_industries("该企业是全省光伏产业之一的骨干。") if m.label == "Cluster"]


def test_with_a_firm_as_owner_of_the_chain_written_after_it(tmp_path: Path) -> None:
    # a Henan-style list (以A为链主的X、以B为链主的Y), a Fujian-style clause (以A为链主，园区…) in a plan on one chain
    henan = _graph(
        tmp_path,
        "周口市工作要点\n\n重点培育以豫丰食品为链主的肉制品加工、以恒达钢构为链主的特种钢等优势产业。",
        "ha.txt",
    )
    assert {("豫丰食品", "肉制品加工"), ("恒达钢构", "特种钢")} <= _pairs(henan, "CHAIN_OWNER_OF")
    fujian = _graph(
        tmp_path,
        "漳州市锂电新能源产业链发展方案\n\n以闽锂科技为链主，锂电新能源产业园已吸引上下游企业集聚。",
        "fj.txt",
    )
    assert ("闽锂科技", "锂电新能源") in _pairs(fujian, "CHAIN_OWNER_OF")


def test_one_owner_firm_then_what_it_builds(tmp_path: Path) -> None:
    # a Guizhou-style measure (链主企业甲在某区扩建A及B产线) and a Jilin-style one (链主企业甲加快推进X项目（A、B）建设)
    guizhou = _graph(
        tmp_path,
        "铜仁市锰系电池材料产业链方案\n\n支持链主企业黔锰新材料有限公司在松桃工业园扩建硫酸锰及四氧化三锰产线。",
        "gz.txt",
    )
    assert _names(guizhou, "Enterprise") == {"黔锰新材料有限公司"}
    jilin = _graph(
        tmp_path,
        "吉林市碳纤维产业链工作要点\n\n支持链主企业北辰化纤股份有限公司（以下简称北辰化纤）加快推进碳纤维原丝项目"
        "（原丝5万吨、碳丝2万吨）建设。",
        "jl.txt",
    )
    assert ("北辰化纤股份有限公司", "碳纤维") in _pairs(jilin, "CHAIN_OWNER_OF")


def test_owner_list_after_a_heading_and_the_chain_of_a_page_with_header_lines(tmp_path: Path) -> None:
    # a Shanghai-style article (第三条（支持…）对甲等链主企业…) and a Zhejiang-style one
    # (二、（强化链主带动）对甲、乙等链主企业…), both pages opening with index lines before their titles
    shanghai = _graph(
        tmp_path,
        "索引号:XH0010002025000123\n发文机关:某区人民政府办公室\n\n嘉定区促进传感器及智能制造产业高质量发展若干政策\n\n"
        '第三条(支持链主企业增资扩产) 对上海敏芯传感有限公司(以下简称"敏芯")等链主企业在本区扩建工厂的,给予补贴。',
        "sh.txt",
    )
    assert ("上海敏芯传感有限公司", "传感器及智能制造") in _pairs(shanghai, "CHAIN_OWNER_OF")
    zhejiang = _graph(
        tmp_path,
        "索引号:ZJ0020002025000456\n\n柯桥区现代纺织产业链提升方案\n\n二、（强化链主带动）对越鼎纺织、华舟印染等链主企业给予奖励。",
        "zj.txt",
    )
    assert {("越鼎纺织", "现代纺织"), ("华舟印染", "现代纺织")} <= _pairs(zhejiang, "CHAIN_OWNER_OF")


def _in_chain(graph: Graph) -> set[tuple[str, str]]:
    return _pairs(graph, "IN_CHAIN")


def test_firms_of_a_text_about_one_chain_belong_to_it(tmp_path: Path) -> None:
    # a Jiangsu-style news item (a headline naming no chain; the chain named throughout) and a Liaoning-style one
    jiangsu = _graph(
        tmp_path,
        "金坛:链主引来配套商\n\n动力电池是金坛的首位产业。全市动力电池产业链不断延伸。"
        "配套企业接连落户:隔膜企业恒锦新材料有限公司、结构件企业宏拓精密科技有限公司先后投产。"
        "金坛将巩固动力电池产业优势。",
        "news_js.txt",
    )
    assert {("恒锦新材料有限公司", "动力电池"), ("宏拓精密科技有限公司", "动力电池")} <= _in_chain(jiangsu)
    liaoning = _graph(
        tmp_path,
        "营口:新项目密集落地\n\n菱镁新材料产业是营口的特色产业。菱镁新材料产业链加快延伸。"
        "北镁耐材有限公司新上高纯镁砂生产线。营口菱镁新材料产业营收持续增长。",
        "news_ln.txt",
    )
    assert ("北镁耐材有限公司", "菱镁新材料") in _in_chain(liaoning)


def test_firms_of_a_text_about_several_chains_are_not_guessed(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "某市工业新闻\n\n动力电池产业和光伏产业齐头并进。动力电池产业链延伸，光伏产业链补强。"
        "晟光新能源有限公司新建生产线。",
        "news_mixed.txt",
    )
    assert not {pair for pair in _in_chain(graph) if pair[0] == "晟光新能源有限公司"}


def test_a_page_index_block_is_no_title_and_its_title_field_is(tmp_path: Path) -> None:
    # a Shandong-style page (索引号/发文机关/标题： fields) and a Shanghai-style one (fields, then the title line)
    shandong = _graph(
        tmp_path,
        "索引号：11370000XX/2025-00100\n发文机关：山东省人民政府办公厅\n成文日期：2025年3月1日\n"
        "标题：山东省人民政府办公厅关于印发山东省轴承产业链提质行动方案的通知\n\n各市人民政府：\n现印发。",
        "sd_index.txt",
    )
    assert shandong.document.props["title"].startswith("山东省人民政府办公厅关于印发山东省轴承产业链")
    shanghai = _graph(
        tmp_path,
        "索引号:XH0010002025000777\n发文机关:上海市嘉定区人民政府办公室\n主题分类:工业\n\n"
        "嘉定区促进传感器产业高质量发展若干政策\n\n第一条 为打造传感器产业高地，制定本政策。",
        "sh_index.txt",
    )
    assert shanghai.document.props["title"] == "嘉定区促进传感器产业高质量发展若干政策"


def test_a_headline_opening_with_a_place_and_a_colon_is_the_title(tmp_path: Path) -> None:
    graph = _graph(tmp_path, "昆山：光电项目接连开工\n2025-03-02\n\n昆山开发区迎来开工热潮。", "news_ks.txt")
    assert graph.document.props["title"] == "昆山：光电项目接连开工"


def test_the_chain_a_plan_is_titled_for_is_developed_in_its_area(tmp_path: Path) -> None:
    # a Shandong-style provincial plan and an Inner-Mongolia-style city opinion
    shandong = _graph(
        tmp_path,
        "山东省人民政府办公厅关于印发山东省工程机械产业链提质增效行动方案的通知\n鲁政办字〔2025〕9号\n\n"
        "一、发展目标\n到2027年，产业规模持续扩大。",
        "sd_plan.txt",
    )
    assert ("工程机械", "山东省") in _pairs(shandong, "DEVELOPED_IN")
    mongolia = _graph(
        tmp_path,
        "赤峰市人民政府关于推进钕铁硼永磁产业延链补链的实施意见\n赤政发〔2025〕3号\n\n"
        "一、总体目标\n到2026年，全市钕铁硼永磁产业产值过百亿。",
        "nm_plan.txt",
    )
    assert any(chain == "钕铁硼永磁" and place.startswith("赤峰") for chain, place in _pairs(mongolia, "DEVELOPED_IN"))


def test_products_of_a_link_and_fields_of_application_are_no_chains() -> None:
    # a Shanghai-style layout (中游A、B等整机) and a Shanxi-style one (中游外延片与芯片); a Shaanxi-style market list
    # (推动钛材在A、B和C领域应用) and a Jiangsu-style one (在A、B领域推广应用)
    assert not _chains("推动上游减速器等核心零部件，中游工业机器人、服务机器人等整机，下游系统集成协同发展。")
    assert "集成电路" not in _chains("巩固上游衬底材料、中游外延片与芯片、下游封装应用的垂直产业链。")
    assert not _chains("推动钛材在航空航天、医疗器械和消费品领域应用。")
    assert not _chains("支持碳纤维复材在轨道交通装备、航空航天领域推广应用。")


def test_an_industry_list_with_a_head_word_stays_chains() -> None:
    # the same terms as industries: a list headed 产业, a downstream industry written with its head
    assert {"航空航天", "医疗器械"} <= _chains("全市重点发展航空航天、医疗器械等产业。")
    assert "新能源汽车" in _chains("下游新能源汽车产业需求旺盛。")


def test_a_cluster_named_after_a_chain_holds_it(tmp_path: Path) -> None:
    # a Chongqing-style plan (建设世界级X产业集群 … X产业链) and a Zhejiang-county-style one (打造X产业集群)
    chongqing = _graph(
        tmp_path,
        "璧山区新能源汽车产业链方案\n\n为落实建设世界级新能源汽车产业集群的部署，制定本方案。新能源汽车产业链加快延伸。",
        "cq.txt",
    )
    cluster = next(n for n in _names(chongqing, "Cluster") if n.endswith("新能源汽车产业集群"))
    assert ("新能源汽车", cluster) in _pairs(chongqing, "PART_OF")
    zhejiang = _graph(
        tmp_path,
        "长兴县蓄电池产业提升方案\n\n长兴县着力打造蓄电池产业集群。全县蓄电池产业产值突破千亿。",
        "zj_cluster.txt",
    )
    cluster = next(n for n in _names(zhejiang, "Cluster") if n.endswith("蓄电池产业集群"))
    assert ("蓄电池", cluster) in _pairs(zhejiang, "PART_OF")


def test_a_count_then_the_list_that_spells_it_out() -> None:
    # a Shanxi-style plan (N条产业链，即A、B…和E) and a Hebei-style one (N大产业集群：A、B、C、D)
    shanxi = _chains("全省重点培育5条产业链，即钢铁、煤化工、光伏、风电装备和新型储能。")
    assert {"钢铁", "煤化工", "光伏", "风电装备", "新型储能"} <= shanxi
    hebei = find_industries("全市四大产业集群：高端装备、电子信息、生物医药、绿色食品。其中高端装备产业集群规模最大。")
    clusters = {m.name for m in hebei if m.label == "Cluster"}
    assert {"高端装备", "电子信息", "生物医药", "绿色食品"} <= clusters
    assert not any(name.startswith("其中") for name in clusters)


def test_a_list_longer_or_shorter_than_its_count_is_not_read_after_it() -> None:
    assert not {"钢铁", "煤化工"} & _chains("全省重点培育4条产业链，即钢铁、煤化工。")


def test_a_list_opened_by_a_verb_of_choosing() -> None:
    # a Shanxi-style report (我省确定了A、B等N条…产业链) and a Shaanxi-style one (全市明确A、B等N条重点产业链)
    shanxi = _chains("去年我省分两批确定了特钢材料、合成生物、铜基新材料等12条省级重点产业链。")
    assert {"特钢材料", "合成生物", "铜基新材料"} <= shanxi
    assert not any(name.startswith("我省") for name in shanxi)
    shaanxi = _chains("全市明确了钛及钛合金、输变电装备、乳制品等3条重点产业链。")
    assert {"钛及钛合金", "输变电装备", "乳制品"} <= shaanxi


def test_a_list_headed_by_chanyelian_alone() -> None:
    # a Xinjiang-style line (着力培育打造A、B产业链) and a Tianjin-style one (其中，A、B、C产业链增加值…)
    assert {"乙二醇", "聚酯"} <= _chains("今年将着力培育打造乙二醇、聚酯产业链，大力发展高附加值产品。")
    tianjin = "增速超过9%，其中，车联网、航空航天、集成电路产业链增加值增速领先。"
    assert {"车联网", "航空航天", "集成电路"} <= _chains(tianjin)


def test_slogans_and_positions_before_chanyelian_are_no_chains() -> None:
    chains = _chains("推动上下游、左右岸产业链协同。搭建了“一位领导、一条产业链、一个专班”的机制。")
    assert not chains


def test_a_cluster_and_the_chains_it_is_built_of(tmp_path: Path) -> None:
    # an Inner-Mongolia-style plan (培育X产业集群。打造A、B、C三条…产业链) and a Xinjiang-style line
    # (打造A、B产业链，…，培育壮大X产业集群)
    mongolia = _graph(
        tmp_path,
        "某盟工业规划\n\n培育现代装备制造产业集群。打造风电装备制造、光伏设备制造、氢能装备制造三条新能源装备制造产业链。",
        "nm_cluster.txt",
    )
    part_of = _pairs(mongolia, "PART_OF")
    cluster = next(n for n in _names(mongolia, "Cluster") if n.endswith("现代装备制造产业集群"))
    assert {("风电装备制造", cluster), ("光伏设备制造", cluster), ("氢能装备制造", cluster)} <= part_of
    assert "新能源装备制造" not in _names(mongolia, "IndustryChain")  # the kind of the three, no fourth chain
    xinjiang = _graph(
        tmp_path,
        "某州要闻\n\n今年将着力打造乙二醇、聚酯产业链，大力发展高附加值产品，培育壮大煤基化工产业集群。",
        "xj_cluster.txt",
    )
    cluster = next(n for n in _names(xinjiang, "Cluster") if n.endswith("煤基化工产业集群"))
    assert {("乙二醇", cluster), ("聚酯", cluster)} <= _pairs(xinjiang, "PART_OF")


def test_chains_beside_two_clusters_are_not_assigned(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "某市规划\n\n培育汽车产业集群和电子信息产业集群，打造动力电池、车规芯片产业链。",
        "two_clusters.txt",
    )
    assert not {pair for pair in _pairs(graph, "PART_OF") if pair[0] in {"动力电池", "车规芯片"}}


def test_lead_in_words_and_counted_groups_are_no_list_items() -> None:
    # a Guizhou-style list opened after a verb in a later item (根据A、B、C确立了X、Y…), a Jiangxi-style one after 力争
    guizhou = _chains("该省根据资源禀赋、产业基础、比较优势确立了磷化工、新能源电池材料、电子信息等重点产业。")
    assert {"磷化工", "新能源电池材料", "电子信息"} <= guizhou
    assert not any("禀赋" in c or "确立" in c or c == "产业基础" for c in guizhou)
    jiangxi = _chains("到2026年，力争有色金属、电子信息、装备制造等产业营收突破万亿。")
    assert {"有色金属", "电子信息", "装备制造"} <= jiangxi and not any(c.startswith("力争") for c in jiangxi)
    # a Chongqing-style pair of counted groups and a Sichuan-style duty list: no industries in them
    assert not _chains("该规则聚焦5条先进制造业产业链、5条现代服务业产业链等产业。")
    assert not _chains("每条产业链明确1名市领导担任链长、1个市级牵头部门、2至4个产业主要部门等行业力量。")


def test_a_position_or_a_note_before_chanye_is_not_part_of_the_name() -> None:
    # a Tianjin-style line (带动下游X产业发展) and a Sichuan-style note ((含X产业及Y))
    assert "新材料" in _chains("建设乙烯项目，带动下游新材料产业发展。")
    sichuan = _chains("食品加工(含竹产业及造纸)稳步增长，带动下游新材料产业发展。")
    assert not any(c.startswith(("下游", "含")) for c in sichuan)


def test_roles_bodies_and_places_near_the_cue_are_no_owners() -> None:
    # an Anhui-style slogan (以“链主”企业为主体), a Guangdong-style line (由政府担纲“链长”，企业担纲“链主”) and a
    # meeting report naming a bureau and a district before “链主”企业代表…
    assert not owners_in("今年以来，某市以“链主”企业为主体，推动全产业链发展。", 0, [], "X")
    assert not owners_in("由政府担纲“链长”，企业担纲“链主”，全市协同发力。", 0, [], "X")
    assert not owners_in("会上，市统计局、某某区及“链主”企业代表发言。", 0, [], "X")
    assert owners_in("支持恒川重工、北辰电气等链主企业扩产。", 0, [], "X") == [("恒川重工", "X"), ("北辰电气", "X")]


def test_chains_beside_a_cluster_and_another_unnamed_one_are_not_assigned(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "某区新闻\n\n该区锻造出硅基材料、储能材料等一批特色产业链，形成了东区锂电材料集群，西区精细化工产业集群。",
        "two_kinds.txt",
    )
    assert not {pair for pair in _pairs(graph, "PART_OF") if pair[0] in {"硅基材料", "储能材料"}}


def test_a_line_of_joint_issuers_is_no_title(tmp_path: Path) -> None:
    # a Jilin-style joint notice (two bodies on the first line, separated by an ideographic space) and a Hubei-style
    # one (three bodies separated by spaces)
    jilin = _graph(
        tmp_path,
        "吉林省工业和信息化厅\u3000吉林省发展和改革委员会\n关于印发《吉林省光电信息产业链2025年工作要点》的通知\n\n各市州：",
        "jl_notice.txt",
    )
    assert jilin.document.props["title"].startswith("关于印发《吉林省光电信息产业链")
    hubei = _graph(
        tmp_path,
        "湖北省经济和信息化厅 湖北省财政厅 湖北省科学技术厅\n关于推进光芯屏端网产业链协同发展的实施意见\n\n各市：",
        "hb_notice.txt",
    )
    assert hubei.document.props["title"].startswith("关于推进光芯屏端网产业链")


def test_an_owner_statement_under_a_chain_heading_takes_that_chain(tmp_path: Path) -> None:
    # a Shanxi-style work plan (headings （一）X产业链, a statement naming no chain under each) and a Hunan-style one
    shanxi = _graph(
        tmp_path,
        "晋城市2025年重点产业链工作要点\n\n全市聚焦光机电、煤层气、现代医药等重点产业链。\n\n（一）光机电产业链\n"
        "以晋光科技有限公司为链主，巩固上游材料、下游整机的产业链。\n\n（二）现代医药产业链\n"
        "发挥太行药业“链主”作用，建设中药生产线。",
        "sx_points.txt",
    )
    owners = _pairs(shanxi, "CHAIN_OWNER_OF")
    assert {("晋光科技有限公司", "光机电"), ("太行药业", "现代医药")} <= owners
    hunan = _graph(
        tmp_path,
        "株洲市产业链工作要点\n\n全市聚焦轨道交通、航空动力、新能源汽车等产业链。\n\n（一）航空动力产业链\n"
        "支持链主企业南方航发股份有限公司扩大产能。",
        "hn_points.txt",
    )
    assert ("南方航发股份有限公司", "航空动力") in _pairs(hunan, "CHAIN_OWNER_OF")


def test_a_heading_that_is_a_chain_name_names_a_chain() -> None:
    # a Shanxi-style heading (（一）X产业链) and a Jiangxi-style one (二、X产业链), X ending in no usual noun
    assert "光机电" in _chains("工作要点\n（一）光机电产业链\n巩固上游材料。")
    assert "VR" in _chains("行动方案\n二、VR产业链\n打造虚拟现实高地。")


def test_as_the_owner_of_a_chain_the_firm_opening_the_next_clause(tmp_path: Path) -> None:
    # an Anhui-style news line (作为X产业链“链主”企业，甲从…), a Liaoning-style one (作为全市X产业链的链主，甲今年以来…)
    anhui = _graph(
        tmp_path,
        "亳州:链长发力\n\n作为亳州市现代中药产业链“链主”企业,谯城药业从签约到投产仅用半年。",
        "ah_role.txt",
    )
    assert ("谯城药业", "现代中药") in _pairs(anhui, "CHAIN_OWNER_OF")
    liaoning = _graph(
        tmp_path,
        "本溪:项目落地\n\n作为全市特钢产业链的链主,北营钢铁今年以来已带动20家配套企业落户。",
        "ln_role.txt",
    )
    assert ("北营钢铁", "特钢") in _pairs(liaoning, "CHAIN_OWNER_OF")


def test_lianzhu_as_a_title_before_a_known_firm(tmp_path: Path) -> None:
    # a Shanxi-style line (A产业链促成…与链主甲集团深度配套) and a Sichuan-style one (X产业链链主甲集团牵头…)
    shanxi = _graph(tmp_path, "某市新闻\n\n铸造材料产业链促成多家企业与链主晋钢集团深度配套。", "sx_title.txt")
    assert ("晋钢集团", "铸造材料") in _pairs(shanxi, "CHAIN_OWNER_OF")
    sichuan = _graph(tmp_path, "某市新闻\n\n白酒产业链链主泸江酒业集团牵头组建产业联盟。", "sc_title.txt")
    assert ("泸江酒业集团", "白酒") in _pairs(sichuan, "CHAIN_OWNER_OF")


def test_a_cluster_named_with_a_district_is_developed_in_the_finest_place(tmp_path: Path) -> None:
    # a Shanghai-district plan (区X产业集群) and a Guangdong-district one (市区X产业集群)
    shanghai = _graph(
        tmp_path,
        "上海市嘉定区人民政府关于促进智能传感器产业发展的若干意见\n\n打造嘉定区智能传感器产业集群。",
        "sh_cluster.txt",
    )
    cluster = next(n for n in _names(shanghai, "Cluster") if n.endswith("智能传感器产业集群"))
    assert {place for c, place in _pairs(shanghai, "DEVELOPED_IN") if c == cluster} == {"上海市嘉定区"}
    guangdong = _graph(
        tmp_path, "关于印发东莞市松山湖机器人产业方案的通知\n\n建设东莞市松山湖机器人产业集群。", "gd_cluster.txt"
    )
    cluster = next(n for n in _names(guangdong, "Cluster") if n.endswith("机器人产业集群"))
    assert (cluster, "东莞市") in _pairs(guangdong, "DEVELOPED_IN")


def test_what_a_firm_makes_is_a_product_not_a_chain() -> None:
    # a Jiangsu-style line (项目…主要生产X正负极材料) and a Zhejiang-style one (公司主营X控制器)
    assert "锂电池" not in _chains("该项目规划用地88亩，主要生产锂电池正负极导电材料。")
    assert "工业机器人" not in _chains("该公司主营工业机器人减速器，年产值过亿。")


def test_the_whole_area_a_sentence_speaks_for_develops_the_chains_of_its_later_clauses(tmp_path: Path) -> None:
    # a Hunan-county-style plan (全县将聚焦A、B2条…产业链，C、D2条…产业链) and a Zhejiang-city-style one (我市…，…)
    hunan = _graph(
        tmp_path,
        "宁乡市2025年产业链工作要点\n\n全市将聚焦储能材料、食品加工2条主导产业链，智能家电、先进装备2条培育型产业链，推动发展。",
        "hn_area.txt",
    )
    developed = {chain for chain, place in _pairs(hunan, "DEVELOPED_IN") if place.endswith("宁乡市")}
    assert {"储能材料", "食品加工", "智能家电", "先进装备"} <= developed
    zhejiang = _graph(
        tmp_path,
        "嘉兴市产业链工作方案\n\n我市重点打造光伏、化纤2条标志性产业链，培育氢能、集成电路2条新兴产业链。",
        "zj_area.txt",
    )
    developed = {chain for chain, place in _pairs(zhejiang, "DEVELOPED_IN") if place.endswith("嘉兴市")}
    assert {"光伏", "化纤", "氢能", "集成电路"} <= developed


def test_the_firms_a_measure_on_chain_owners_supports_are_owners(tmp_path: Path) -> None:
    # a Shaanxi-style measure (（一）做强链主企业。支持甲建设…) and a Hubei-style one (1.培育壮大链主企业。推动甲、乙…)
    shaanxi = _graph(
        tmp_path,
        "宝鸡市钛及钛合金产业链实施方案\n\n(一)做强链主企业。支持秦钛集团有限公司建设钛带生产线,巩固其龙头地位。",
        "sn_measure.txt",
    )
    assert ("秦钛集团有限公司", "钛及钛合金") in _pairs(shaanxi, "CHAIN_OWNER_OF")
    hubei = _graph(
        tmp_path,
        "襄阳市新能源汽车产业链工作方案\n\n1.培育壮大链主企业。推动汉江汽车集团、襄通新能源有限公司扩大整车产能，带动配套。",
        "hb_measure.txt",
    )
    owners = _pairs(hubei, "CHAIN_OWNER_OF")
    assert {("汉江汽车集团", "新能源汽车"), ("襄通新能源有限公司", "新能源汽车")} <= owners


def test_firms_under_a_chain_heading_belong_to_that_chain(tmp_path: Path) -> None:
    # a Shanxi-style work plan ((三)X产业链, then a measure naming firms, no chain), a Jiangxi-style one (二、X产业链)
    shanxi = _graph(
        tmp_path,
        "长治市2025年重点产业链工作要点\n\n全市聚焦光机电、现代医药、新能源汽车等重点产业链。\n\n（三）新能源汽车产业链\n"
        "①提升本地配套。推动太岳重卡有限公司扩大商用车生产，引导上党电驱科技有限公司就近配套。",
        "sx_heading.txt",
    )
    assert {("太岳重卡有限公司", "新能源汽车"), ("上党电驱科技有限公司", "新能源汽车")} <= _in_chain(shanxi)
    jiangxi = _graph(
        tmp_path,
        "赣州市2025年产业链工作要点\n\n全市聚焦稀土新材料、家具、电子信息等产业链。\n\n二、稀土新材料产业链\n"
        "支持章贡稀材有限公司扩大永磁产能。",
        "jx_heading.txt",
    )
    assert ("章贡稀材有限公司", "稀土新材料") in _in_chain(jiangxi)


def test_a_news_subtitle_naming_an_industry_heads_no_chain_section(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "吴兴新闻\n\n物流装备产业是全市重点产业，童装产业也在提升。\n\n智能科技赋能物流产业“加速跑”\n\n成功引进恒远装载机、北辰半导体等特色项目。",
        "news_subtitle.txt",
    )
    assert not {pair for pair in _in_chain(graph) if pair[0] in {"恒远装载机", "北辰半导体"}}
