"""Products and the links and firms they belong to, round 6: 年产 figures written after the product and the firm
whose plant the figure is of; compound names whose qualifier is the chain's word or holds a lead word; 实施P扩能;
product lists after 向…等领域; what a 最大的P出口企业 makes; a project named after a process makes no product.
Every text is invented (places and firms too); each rule is tried with two provinces' ways of writing it."""

from __future__ import annotations

from pathlib import Path

from chainkg.graph.model import Graph
from tests.extracted import extract_text as _graph
from tests.extracted import pairs as _pairs


def _products(graph: Graph) -> set[str]:
    return {n.name for n in graph.by_label("Product")}


# -- 年产P N吨: the figure after the product ------------------------------------------------------------
def test_yearly_output_written_after_the_product_is_made_by_the_investing_firm(tmp_path: Path) -> None:
    # a Liaoning-style news line: the firm's project first, then 达产后可年产P N万吨
    graph = _graph(
        tmp_path,
        "北岭钢铁深加工项目开工\n\n北岭特钢股份有限公司投资12亿元的带钢深加工项目落户临河开发区，"
        "达产后可年产超薄精密带钢15万吨，年产值约30亿元。\n",
    )
    assert ("北岭特钢股份有限公司", "超薄精密带钢") in _pairs(graph, "MAKES")
    assert not any(p.endswith("万吨") or p.startswith("值") for p in _products(graph))


def test_yearly_output_list_goes_to_the_subsidiary_nearest_the_figures(tmp_path: Path) -> None:
    # a Hubei-style news line: a parent builds through a subsidiary, 规划年产P1 N吨、P2 M吨
    graph = _graph(
        tmp_path,
        "江畔材料基地观察\n\n链主企业东岳动力通过全资子公司南溪锂源材料有限公司在沙洲工业园投资80亿元建设一体化材料项目，"
        "规划年产硫酸镍12万吨、钴酸锂6万吨，一期已投产。\n",
    )
    makes = _pairs(graph, "MAKES")
    assert {("南溪锂源材料有限公司", "硫酸镍"), ("南溪锂源材料有限公司", "钴酸锂")} <= makes
    assert not any(firm == "东岳动力" for firm, _ in makes)


def test_yearly_output_value_is_no_product(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "云岭电子产业园签约\n\n滇南光电科技有限公司投资5亿元建设显示面板项目，建成后年产值20亿元、年产能提升一倍。\n",
    )
    assert not any(p.startswith(("值", "能")) for p in _products(graph))


# -- compound names ---------------------------------------------------------------------------------------
def test_the_chains_word_stays_on_a_product_named_by_a_bare_head(tmp_path: Path) -> None:
    # a Gansu-style report: the chain (光伏) qualifies a bare head (玻璃); a Jiangsu-style plan keeps stripping
    # a chain's name before a product with its own qualifier
    graph = _graph(
        tmp_path,
        "酒泉市光伏产业链发展报告\n\n全市光伏产业链涵盖上游多晶硅、中游电池片、下游组件。\n"
        "酒泉晶科光能有限公司生产光伏玻璃、光伏背板。\n",
        "a.txt",
    )
    assert {"光伏玻璃", "光伏背板"} <= _products(graph)
    assert not {"玻璃", "背板"} & _products(graph)
    graph = _graph(
        tmp_path,
        "宿迁市新能源汽车产业链行动方案\n\n支持宿迁远航汽车零部件有限公司生产新能源汽车驱动电机、新能源汽车动力电池。\n",
        "b.txt",
    )
    assert {"驱动电机", "动力电池"} <= _products(graph)


def test_a_lead_word_inside_a_compound_name_is_kept(tmp_path: Path) -> None:
    # a Guangdong-style list of firms and their niches; a Zhejiang-style 主营 line
    graph = _graph(
        tmp_path,
        "湾区专精特新企业名单发布\n\n其中，东莞海帆动力科技有限公司专注船用电动推进系统，东莞蓝鲸智控有限公司深耕伺服控制器。\n",
        "a.txt",
    )
    assert ("东莞海帆动力科技有限公司", "船用电动推进系统") in _pairs(graph, "MAKES")
    assert "系统" not in _products(graph)
    graph = _graph(
        tmp_path,
        "临海船舶配套企业走访\n\n浙东海工装备有限公司主营港口智能推进装备，年内将扩产。\n",
        "b.txt",
    )
    assert ("浙东海工装备有限公司", "港口智能推进装备") in _pairs(graph, "MAKES")


def test_a_list_lead_still_cut_before_a_bare_head(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "北湖市装备产业链行动方案\n\n支持北湖重工有限公司引进设备、重点发展减速器，扩大齿轮产能。\n",
    )
    assert not any(p.startswith(("引进", "重点")) for p in _products(graph))


# -- 实施P扩能 ------------------------------------------------------------------------------------------
def test_firms_carrying_out_an_expansion_of_products_make_them(tmp_path: Path) -> None:
    # a Guizhou-style measure (实施P1、P2扩能) and a Hunan-style one (实施P技改扩产项目)
    graph = _graph(
        tmp_path,
        "黔东市锰材料产业链方案\n\n（二）扩建锰盐产能。支持梵净锰业有限公司、铜仁锰源材料有限公司实施电解二氧化锰、硫酸锰扩能。\n",
        "a.txt",
    )
    makes = _pairs(graph, "MAKES")
    assert {("梵净锰业有限公司", "电解二氧化锰"), ("铜仁锰源材料有限公司", "硫酸锰")} <= makes
    graph = _graph(
        tmp_path,
        "湘中市先进陶瓷产业链方案\n\n支持湘中精瓷科技有限公司实施氮化硅陶瓷基板扩产项目。\n",
        "b.txt",
    )
    assert ("湘中精瓷科技有限公司", "氮化硅陶瓷基板") in _pairs(graph, "MAKES")


def test_carrying_out_a_work_of_no_product_makes_nothing(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "黔东市锰材料产业链方案\n\n支持梵净锰业有限公司实施绿色冶炼升级改造，提升能效水平。\n",
    )
    assert not _pairs(graph, "MAKES")


# -- lists the text says are products ---------------------------------------------------------------------
def test_a_list_said_to_be_products_is_taken_whatever_its_words(tmp_path: Path) -> None:
    # a Fujian-style project line (主要产品包括…等) and a Heilongjiang-style one (产品涵盖…等N个系列)
    graph = _graph(
        tmp_path,
        "莆阳化合物半导体项目签约\n\n莆阳芯光科技有限公司化合物半导体项目总投资40亿元，主要产品包括碳化硅外延片、氮化镓功率模块、"
        "5G与射频滤波器等。\n",
        "a.txt",
    )
    products = _products(graph)
    assert {"碳化硅外延片", "氮化镓功率模块", "射频滤波器"} <= products
    assert "5G" not in products
    graph = _graph(
        tmp_path,
        "鹤城农机装备产业观察\n\n鹤城农机装备已形成较完整的产业链条，产品涵盖播种机、收获机、植保无人机、秸秆打捆机等8个系列。\n",
        "b.txt",
    )
    assert {"播种机", "收获机", "植保无人机", "秸秆打捆机"} <= _products(graph)


def test_a_list_headed_by_a_kind_of_goods_keeps_items_that_are_also_industries(tmp_path: Path) -> None:
    # a Guangxi-style (加快发展…等化工新材料) and a Ningxia-style (…等基础原料) development line
    graph = _graph(
        tmp_path,
        "北部湾石化产业链延链方案\n\n加快发展高端聚烯烃、工程塑料、功能性膜材料、可降解塑料等化工新材料。\n",
        "a.txt",
    )
    assert {"高端聚烯烃", "工程塑料", "功能性膜材料"} <= _products(graph)
    graph = _graph(
        tmp_path,
        "宁东煤化工产业链方案\n\n巩固发展甲醇、聚甲醛、己内酰胺、聚乙烯等基础原料。\n",
        "b.txt",
    )
    assert {"聚甲醛", "己内酰胺", "聚乙烯"} <= _products(graph)


def test_a_list_after_firms_moving_into_niches_is_of_products(tmp_path: Path) -> None:
    # a Shaanxi-style (推动A、B等企业向P1、P2等细分领域发展) and a Hunan-style (引导A向P1、P2延伸) measure
    graph = _graph(
        tmp_path,
        "秦川市钛材料产业链方案\n\n推动秦川钛业有限公司、渭滨钛材有限公司等民营企业向钛合金丝材、医用钛粉等细分领域发展。\n",
        "a.txt",
    )
    assert {"钛合金丝材", "医用钛粉"} <= _products(graph)
    graph = _graph(
        tmp_path,
        "株洲市硬质合金产业链方案\n\n引导株洲钨钼材料有限公司向钨合金棒材、硬质合金刀片等高端产品延伸。\n",
        "b.txt",
    )
    assert {"钨合金棒材", "硬质合金刀片"} <= _products(graph)


def test_towards_in_a_compound_word_splits_nothing(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "秦川市装备产业链方案\n\n面向航空航天、海洋工程、医疗器械等领域拓展应用。\n",
    )
    assert not _products(graph) & {"航空航天", "海洋工程"}


# -- what a firm's kind says it makes -----------------------------------------------------------------------
def test_a_firm_of_the_largest_exporters_of_p_makes_p(tmp_path: Path) -> None:
    # a Zhejiang-style (…出口企业之一) and a Fujian-style (…生产企业) profile line
    graph = _graph(
        tmp_path,
        "安吉椅业观察\n\n安吉恒椅家居有限公司是全国最大的办公座椅出口企业之一，产品销往60多个国家。\n",
        "a.txt",
    )
    assert ("安吉恒椅家居有限公司", "办公座椅") in _pairs(graph, "MAKES")
    assert "办公座椅出口" not in _products(graph)
    graph = _graph(
        tmp_path,
        "闽北竹业观察\n\n建瓯竹韵科技有限公司是省内最大的竹地板生产企业，年销售额超10亿元。\n",
        "b.txt",
    )
    assert ("建瓯竹韵科技有限公司", "竹地板") in _pairs(graph, "MAKES")


# -- projects named after a process or a work -----------------------------------------------------------
def test_a_project_named_after_a_process_names_no_product(tmp_path: Path) -> None:
    # a Fujian-style (…冷轧扩建项目) and a Guangxi-style (…冶炼项目) news line
    graph = _graph(
        tmp_path,
        "临港钢铁项目投产\n\n临港特钢有限公司年增60万吨硅钢冷轧扩建项目总投资12亿元，一期已投产。\n",
        "a.txt",
    )
    assert not any(p.endswith("冷轧") for p in _products(graph))
    graph = _graph(
        tmp_path,
        "防城港有色金属项目签约\n\n防城金源镍业有限公司投资30亿元建设红土镍矿冶炼项目。\n",
        "b.txt",
    )
    assert not any(p.endswith("冶炼") for p in _products(graph))


def test_a_project_opening_with_its_work_names_its_product(tmp_path: Path) -> None:
    # a Jiangsu-style (支持A扩建P项目) and a Sichuan-style (A新建P项目) line
    graph = _graph(
        tmp_path,
        "盐城光伏产业链方案\n\n支持盐城阳光能源有限公司扩建光伏组件项目。\n",
        "a.txt",
    )
    assert not any(p.startswith("扩建") for p in _products(graph))
    graph = _graph(
        tmp_path,
        "宜宾动力电池项目开工\n\n宜宾锂能科技有限公司投资20亿元的新建储能电芯项目开工。\n",
        "b.txt",
    )
    assert not any(p.startswith("新建") for p in _products(graph))


# -- 把X加工成P ---------------------------------------------------------------------------------------------
def test_what_a_firm_turns_its_input_into_is_a_product_whatever_its_words(tmp_path: Path) -> None:
    # a Fujian-style (A把X冶炼成P) and a Guangxi-style (A将…把X加工成P) chain report; the input X is a good too
    graph = _graph(
        tmp_path,
        "闽东镍材产业观察\n\n园区打通了“红土镍矿冶炼—不锈钢炼钢—冷轧”全流程。上游，闽东镍业有限公司把进口红土镍矿冶炼成镍铁。\n",
        "a.txt",
    )
    assert ("闽东镍业有限公司", "镍铁") in _pairs(graph, "MAKES")
    assert ("红土镍矿冶炼", "红土镍矿") in _pairs(graph, "INCLUDES")
    graph = _graph(
        tmp_path,
        "百色铝产业观察\n\n百色铝材有限公司把本地氧化铝冶炼成电解铝液，再加工成铝合金型材。\n",
        "b.txt",
    )
    assert ("百色铝材有限公司", "电解铝液") in _pairs(graph, "MAKES")
    assert "氧化铝" in _products(graph)


# -- which link a product belongs to ----------------------------------------------------------------------
def test_a_product_whose_name_a_link_holds_is_in_that_link(tmp_path: Path) -> None:
    # a Tianjin-style (上游GPU芯片设计、中游服务器整机…) and a Shandong-style (中游整车制造…) layout
    graph = _graph(
        tmp_path,
        "津南信创产业观察\n\n全市已打通上游传感器芯片设计、中游服务器整机与存储、下游行业应用的信创产业链。"
        "津南芯算科技有限公司生产传感器，津南云擎信息技术有限公司生产服务器。\n",
        "a.txt",
    )
    includes = _pairs(graph, "INCLUDES")
    assert ("传感器芯片设计", "传感器") in includes
    assert ("服务器整机与存储", "服务器") in includes
    graph = _graph(
        tmp_path,
        "潍北农机产业观察\n\n全市农机装备产业链形成上游关键部件、中游发动机整机制造、下游农机服务的格局。"
        "潍北重工有限公司生产发动机。\n",
        "b.txt",
    )
    assert ("发动机整机制造", "发动机") in _pairs(graph, "INCLUDES")


def test_a_product_goes_to_the_link_whose_work_yields_its_form(tmp_path: Path) -> None:
    # a Shaanxi-style titanium plan (原料熔铸, 钛材加工) and a Henan-style aluminium one (铝锭冶炼… 铝材加工)
    graph = _graph(
        tmp_path,
        "秦岭市钛产业链方案\n\n全市已形成上游原料熔铸、中游钛材加工、下游终端应用的钛产业链，主要产品包括海绵钛、钛锭以及钛箔、钛管等。\n",
        "a.txt",
    )
    includes = _pairs(graph, "INCLUDES")
    assert {("原料熔铸", "海绵钛"), ("原料熔铸", "钛锭"), ("钛材加工", "钛箔"), ("钛材加工", "钛管")} <= includes
    graph = _graph(
        tmp_path,
        "巩义市铝精深加工产业链方案\n\n全市形成“氧化铝冶炼—铝材加工—终端应用”的铝精深加工产业链。"
        "巩义铝业有限公司生产铝板、铝箔。豫西鼎泰金属有限公司生产电解铝锭。\n",
        "b.txt",
    )
    includes = _pairs(graph, "INCLUDES")
    assert {("铝材加工", "铝板"), ("铝材加工", "铝箔"), ("氧化铝冶炼", "电解铝锭")} <= includes


def test_a_form_word_opening_a_name_is_no_form(tmp_path: Path) -> None:
    # 板式家具 opens with 板 (a mill form) but is furniture: not in the board-working link
    graph = _graph(
        tmp_path,
        "赣南家具产业观察\n\n当地已形成“进口木材—板材加工—家具制造—展销物流”的链条。赣南木艺有限公司生产板式家具。\n",
    )
    assert ("板材加工", "板式家具") not in _pairs(graph, "INCLUDES")


def test_where_a_good_comes_from_is_no_part_of_its_name(tmp_path: Path) -> None:
    # a Tianjin-style (A提供国产P) and a Jiangxi-style (A加工进口P) line
    graph = _graph(
        tmp_path,
        "滨海信创产业观察\n\n滨海芯算科技有限公司生产国产服务器、国产操作系统。\n",
        "a.txt",
    )
    assert {"服务器", "操作系统"} <= _products(graph)
    assert not any(p.startswith("国产") for p in _products(graph))
    graph = _graph(
        tmp_path,
        "赣南木业观察\n\n赣南林海木业有限公司把进口原木加工成实木板材。\n",
        "b.txt",
    )
    assert {"原木", "实木板材"} <= _products(graph)


def test_further_working_yields_tubes_and_wares(tmp_path: Path) -> None:
    # a Fujian-style stainless (…—冷轧—制品深加工) and a Guangdong-style aluminium (…—铝型材精深加工) layout
    graph = _graph(
        tmp_path,
        "福鼎不锈钢产业观察\n\n园区打通了“不锈钢炼钢—冷轧—制品深加工”的不锈钢产业链。福鼎钢管有限公司生产不锈钢管材。\n",
        "a.txt",
    )
    assert ("制品深加工", "不锈钢管材") in _pairs(graph, "INCLUDES")
    graph = _graph(
        tmp_path,
        "佛山铝产业观察\n\n全市形成“铝锭熔铸—挤压成型—铝精深加工”的铝型材产业链。佛山铝门窗有限公司生产建筑铝型材。\n",
        "b.txt",
    )
    assert ("铝精深加工", "建筑铝型材") in _pairs(graph, "INCLUDES")


# -- the chain a layout lays out ----------------------------------------------------------------------------
def _chains_of_links(graph: Graph) -> set[str]:
    return {chain for chain, _ in _pairs(graph, "HAS_SEGMENT")}


def test_a_chain_word_inside_a_firm_name_is_not_the_laid_out_chain(tmp_path: Path) -> None:
    # a Sichuan-style (为巩固A、B、X能源等龙头企业…，贯通“…”全产业链) and an Inner-Mongolia-style plan opening
    graph = _graph(
        tmp_path,
        "乐山市晶硅光伏产业链三年行动计划\n\n乐山是四川打造光伏产业高地的重要支点。为巩固通威、协鑫、东方能源等龙头企业布局优势，"
        "贯通“工业硅—多晶硅—硅片—电池片—组件”全产业链，制定本计划。\n",
        "a.txt",
    )
    assert _chains_of_links(graph) == {"晶硅光伏"}
    graph = _graph(
        tmp_path,
        "包头市稀土新材料产业链行动方案\n\n包头是全国重要的稀土产业基地。依托北方稀土、天和磁材、金蒙汇磁等龙头企业，"
        "打通“稀土精矿—冶炼分离—稀土金属—磁性材料—电机应用”全链条。\n",
        "b.txt",
    )
    assert _chains_of_links(graph) == {"稀土新材料"}


def test_a_general_word_said_before_a_layout_stands_for_the_documents_chain(tmp_path: Path) -> None:
    # a Jiangsu-style (常州电池产业…。全市已贯通“…”全链条) and a Yunnan-style (…光伏之都…。贯通“…”全产业链) opening
    graph = _graph(
        tmp_path,
        "常州市动力电池产业链行动计划\n\n常州电池产业规模居全省首位。全市已贯通“正极材料—电芯制造—电池包组装—回收利用”全链条。\n",
        "a.txt",
    )
    assert _chains_of_links(graph) == {"动力电池"}
    graph = _graph(
        tmp_path,
        "保山市绿色硅光伏产业链行动计划\n\n保山是云南建设光伏产业基地的重要一环。贯通“工业硅—多晶硅—硅片—组件—光伏应用”全产业链，制定本计划。\n",
        "b.txt",
    )
    assert _chains_of_links(graph) == {"绿色硅光伏"}


# -- 从A、B到C的链条 --------------------------------------------------------------------------------------
def _links(graph: Graph) -> set[str]:
    return {link for _, link in _pairs(graph, "HAS_SEGMENT")}


def test_a_from_to_list_closed_by_de_lays_out_links(tmp_path: Path) -> None:
    # a Guangdong-style (形成从A、B到C的较完整链条) and a Zhejiang-style (从A到B再到C的完整产业链) news line
    graph = _graph(
        tmp_path,
        "顺德家电产业观察\n\n目前，顺德已集聚家电企业3000余家，家电产业形成从压缩机、电机到整机制造的较完整链条。\n",
        "a.txt",
    )
    assert {"压缩机", "电机", "整机制造"} <= _links(graph)
    assert ("压缩机", "电机") in _pairs(graph, "UPSTREAM_OF")
    graph = _graph(
        tmp_path,
        "嘉兴光伏产业观察\n\n嘉兴光伏产业已形成从硅片到电池片再到组件的完整产业链。\n",
        "b.txt",
    )
    assert {"硅片", "电池片", "组件"} <= _links(graph)


def test_a_from_to_of_two_steps_lays_out_nothing(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "顺德家电产业观察\n\n顺德家电产业打通了从研发到市场的链条。\n",
    )
    assert not _links(graph)


# -- firms placed in links ----------------------------------------------------------------------------------
def test_in_the_x_stage_names_the_link_by_its_core_word(tmp_path: Path) -> None:
    # a Hubei-style (在电芯环节，A、B两家…) and a Jiangxi-style (在冶炼环节，A…) line after a layout
    graph = _graph(
        tmp_path,
        "荆门电池产业观察\n\n荆门新能源电池产业链已贯通“正极材料—电芯制造—电池回收利用”各环节。"
        "在电芯环节，荆门楚源电池有限公司、荆门亿达能源科技有限公司两家企业已形成规模产能。\n",
        "a.txt",
    )
    placed = _pairs(graph, "IN_SEGMENT")
    assert {("荆门楚源电池有限公司", "电芯制造"), ("荆门亿达能源科技有限公司", "电芯制造")} <= placed
    graph = _graph(
        tmp_path,
        "赣州稀土产业观察\n\n赣州稀土产业已形成“稀土开采—冶炼分离—永磁材料—电机应用”的链条。"
        "在冶炼环节，赣州金岭稀土有限公司产能居全省首位。\n",
        "b.txt",
    )
    assert ("赣州金岭稀土有限公司", "冶炼分离") in _pairs(graph, "IN_SEGMENT")


def test_what_firms_take_in_does_not_place_them_in_its_link(tmp_path: Path) -> None:
    # a Fujian-style (中游，A、B把热轧卷加工成冷轧板) and a Guangxi-style (中游，A把铝锭加工成铝型材) clause
    graph = _graph(
        tmp_path,
        "宁德不锈钢产业观察\n\n园区打通了“镍铁冶炼—炼钢—热轧—冷轧—制品加工”全流程。上游，宁德青源镍业有限公司冶炼镍铁；"
        "中游，宁德甬达金属有限公司、宁德宏盛实业有限公司把热轧卷加工成精密冷轧板；下游，宁德钢管有限公司生产不锈钢管。\n",
        "a.txt",
    )
    placed = _pairs(graph, "IN_SEGMENT")
    assert ("宁德甬达金属有限公司", "冷轧") in placed
    assert ("宁德甬达金属有限公司", "热轧") not in placed
    graph = _graph(
        tmp_path,
        "百色铝产业观察\n\n百色已形成“铝土矿开采—氧化铝—电解铝—铝型材加工—终端应用”的产业链。上游，百色华银铝业有限公司生产氧化铝；"
        "中游，百色兴和铝材有限公司把电解铝加工成铝合金型材；下游，百色门窗有限公司生产铝门窗。\n",
        "b.txt",
    )
    placed = _pairs(graph, "IN_SEGMENT")
    assert not any(firm == "百色兴和铝材有限公司" and link == "电解铝" for firm, link in placed)


# -- lists that are not of goods ----------------------------------------------------------------------------
def test_a_list_headed_by_know_how_names_no_product(tmp_path: Path) -> None:
    # a Jiangsu-style (P1、P2等技术在此走向中试) and an Anhui-style (攻关P1、P2等关键技术) line
    graph = _graph(
        tmp_path,
        "溧水储能产业观察\n\n研究院已孵化一批储能企业，液流电池、钠离子电池等技术在此加速走向中试。\n",
        "a.txt",
    )
    assert not _products(graph) & {"液流电池", "钠离子电池"}
    graph = _graph(
        tmp_path,
        "合肥新能源汽车产业链方案\n\n支持合肥江汇汽车有限公司攻关固态电池、线控底盘等关键技术。\n",
        "b.txt",
    )
    assert not _products(graph) & {"固态电池", "线控底盘"}


def test_a_trade_slogan_names_no_product(tmp_path: Path) -> None:
    # a Jiangxi-style and a Zhejiang-style headline slogan
    graph = _graph(tmp_path, "樟树药都：“买全球药材、卖全球饮片”\n\n樟树中药产业持续壮大。\n", "a.txt")
    assert not any(p.startswith(("买", "卖")) for p in _products(graph))
    graph = _graph(tmp_path, "义乌小商品：“买全球商品、卖全球箱包”\n\n义乌市场持续繁荣。\n", "b.txt")
    assert not any(p.startswith(("买", "卖")) for p in _products(graph))


# -- graded forms of a product ------------------------------------------------------------------------------
def test_a_graded_form_of_a_named_product_is_that_product(tmp_path: Path) -> None:
    # a Shaanxi-style titanium plan and a Jiangxi-style copper one: the product first, then a firm's graded form
    graph = _graph(
        tmp_path,
        "秦岭市钛产业链方案\n\n全市已形成上游原料熔铸、中游钛材加工、下游终端应用的钛产业链，主要产品包括海绵钛、钛锭等。\n"
        "（一）做强链主企业。支持秦岭钛业有限公司建设大规格钛锭生产线。\n",
        "a.txt",
    )
    assert "大规格钛锭" not in _products(graph)
    assert ("秦岭钛业有限公司", "钛锭") in _pairs(graph, "MAKES")
    graph = _graph(
        tmp_path,
        "鹰潭市铜产业链方案\n\n鹰潭铜产业链主要产品包括阴极铜、铜箔、铜线等。鹰潭华鑫铜业有限公司生产超薄铜箔。\n",
        "b.txt",
    )
    assert ("鹰潭华鑫铜业有限公司", "铜箔") in _pairs(graph, "MAKES")
    assert "超薄铜箔" not in _products(graph)


def test_a_graded_product_named_alone_keeps_its_name(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "鹰潭市铜产业链方案\n\n鹰潭华鑫铜业有限公司生产超薄铜箔。\n",
    )
    assert ("鹰潭华鑫铜业有限公司", "超薄铜箔") in _pairs(graph, "MAKES")


def test_its_in_a_later_clause_is_the_firm_just_named(tmp_path: Path) -> None:
    # a Shanxi-style (发挥A链主作用，支持其…建设P生产线) and a Guangxi-style (依托A，推动其扩大P产能) measure
    graph = _graph(
        tmp_path,
        "晋东南中药产业链方案\n\n①做强中药板块。发挥太行药业有限公司链主作用，支持其在高新区建设中药饮片生产线。\n",
        "a.txt",
    )
    assert ("太行药业有限公司", "中药饮片") in _pairs(graph, "MAKES")
    graph = _graph(
        tmp_path,
        "玉林市机械产业链方案\n\n依托玉林动力机械有限公司，推动其扩大船用发动机产能。\n",
        "b.txt",
    )
    assert ("玉林动力机械有限公司", "船用发动机") in _pairs(graph, "MAKES")


def test_a_base_named_for_what_it_makes_names_the_product(tmp_path: Path) -> None:
    # an Anhui-style (A P生产基地项目) and a Sichuan-style (A P生产线项目) news line; a base of no made thing: none
    graph = _graph(
        tmp_path,
        "合肥新能源汽车项目开工\n\n蜀山精工科技股份有限公司压铸装备生产基地项目总投资10亿元，建成后将为车身企业提供压铸装备。\n",
        "a.txt",
    )
    assert ("蜀山精工科技股份有限公司", "压铸装备") in _pairs(graph, "MAKES")
    graph = _graph(
        tmp_path,
        "遂宁锂电项目签约\n\n遂宁天齐新材料有限公司投资8亿元建设正极材料生产线项目。\n",
        "b.txt",
    )
    assert ("遂宁天齐新材料有限公司", "正极材料") in _pairs(graph, "MAKES")
    graph = _graph(
        tmp_path,
        "遂宁家居项目签约\n\n遂宁月华家居有限公司投资8亿元建设智能制造生产基地项目。\n",
        "c.txt",
    )
    assert not _pairs(graph, "MAKES")


def test_a_firm_name_left_in_a_project_name_is_not_the_product(tmp_path: Path) -> None:
    # an Inner-Mongolia-style (…有限公司年产N万吨P项目，在…开工) and a Ningxia-style opening line
    for name, text in (
        (
            "a.txt",
            "总投资80亿元 北辰新能源60万吨煤基新能源材料项目开工\n"
            "8月2日上午,内蒙古北辰新能源材料有限公司年产60万吨煤基新能源材料项目,在乌海经济开发区开工建设。\n",
        ),
        (
            "b.txt",
            "总投资30亿元 东岭化工20万吨可降解树脂项目开工\n"
            "9月1日,宁夏东岭化工材料有限公司年产20万吨可降解树脂项目,在宁东基地开工建设。\n",
        ),
    ):
        graph = _graph(tmp_path, text, name)
        assert not any("公司" in p or "年产" in p for p in _products(graph))


def test_an_agri_food_ladder_lays_out_links(tmp_path: Path) -> None:
    # a Chongqing-style (重点壮大“…”产业链) and a Henan-style (打造“…”全链条) food chain
    graph = _graph(
        tmp_path,
        "酉阳县食品产业发展方案\n\n三是食品产业，重点壮大“茶叶种植—精制加工—茶饮料”产业链，力争产值翻番。\n",
        "a.txt",
    )
    assert {"茶叶种植", "精制加工", "茶饮料"} <= _links(graph)
    graph = _graph(
        tmp_path,
        "漯河市食品产业链方案\n\n漯河市着力打造“生猪养殖—屠宰分割—肉制品—预制菜”全链条。\n",
        "b.txt",
    )
    assert {"生猪养殖", "屠宰分割", "肉制品", "预制菜"} <= _links(graph)


def test_a_from_to_list_of_fields_lays_out_nothing(tmp_path: Path) -> None:
    # an Anhui-style line: 从A到B、C等领域的全产业链 names the fields a firm reaches
    graph = _graph(
        tmp_path,
        "亳州食品企业观察\n\n这家企业推动从大豆种植到豆粉、豆干、休闲食品等领域的全产业链升级。\n",
    )
    assert not _links(graph)


def test_a_project_named_for_what_it_does_for_the_chain_names_no_product(tmp_path: Path) -> None:
    # a Ningxia-style (A、B等一批填补产业链空白项目) and a Hunan-style (A补链强链示范项目) news line
    graph = _graph(
        tmp_path,
        "银川招商观察\n\n宁夏宝晶光伏材料有限公司填补产业链空白项目落地投产。\n",
        "a.txt",
    )
    assert not any("产业链" in p or "空白" in p for p in _products(graph))
    graph = _graph(
        tmp_path,
        "株洲项目观察\n\n株洲华锐硬质合金有限公司补链强链示范项目开工。\n",
        "b.txt",
    )
    assert not any("补链" in p or "示范" in p for p in _products(graph))


def test_a_project_that_mainly_makes_p_names_a_product(tmp_path: Path) -> None:
    # a Jiangsu-style (…项目总投资N亿元，主要生产P) and a Hebei-style (…基地建成后，主营P) news line
    graph = _graph(
        tmp_path,
        "溧阳项目观察\n\n位于南渡镇的锂电配套项目总投资8亿元，规划用地60亩，主要生产锂电池铝塑膜。\n",
        "a.txt",
    )
    assert "锂电池铝塑膜" in _products(graph)
    graph = _graph(
        tmp_path,
        "沧州项目观察\n\n沧州临港管道产业园一期建成投产，主营防腐钢管。\n",
        "b.txt",
    )
    assert "防腐钢管" in _products(graph)


def test_the_one_firm_under_a_make_more_heading_makes_its_goods(tmp_path: Path) -> None:
    # a Guizhou-style ((2)扩大P产能。推动A…) and a Hunan-style (2.壮大P产能。支持A…) measure; two firms: none
    graph = _graph(
        tmp_path,
        "铜仁市锰材料产业链方案\n\n（2）扩大锰酸锂产能。推动铜仁锰源材料有限公司年内建成第三条隧道窑生产线。\n",
        "a.txt",
    )
    assert ("铜仁锰源材料有限公司", "锰酸锂") in _pairs(graph, "MAKES")
    graph = _graph(
        tmp_path,
        "株洲市轨道交通产业链方案\n\n2.壮大牵引电机产能。支持株洲华驰电气有限公司新建智能化产线。\n",
        "b.txt",
    )
    assert ("株洲华驰电气有限公司", "牵引电机") in _pairs(graph, "MAKES")
    graph = _graph(
        tmp_path,
        "株洲市轨道交通产业链方案\n\n2.壮大牵引电机产能。支持株洲华驰电气有限公司、株洲远航电机有限公司新建产线。\n",
        "c.txt",
    )
    assert not any(p == "牵引电机" for _, p in _pairs(graph, "MAKES"))


def test_a_pronoun_phrase_means_the_firm_the_sentence_before_named(tmp_path: Path) -> None:
    # a Guangxi-style (A是其中的代表。这家…企业专门生产P) and a Zhejiang-style (…A落户。该公司主要生产P) news line
    graph = _graph(
        tmp_path,
        "柳州汽车零部件观察\n\n位于柳东新区的柳州恒盛汽车配件有限公司是其中的代表。这家从外地搬迁而来的企业专门生产汽车座椅总成，"
        "去年产量超过百万件。\n",
        "a.txt",
    )
    assert ("柳州恒盛汽车配件有限公司", "汽车座椅总成") in _pairs(graph, "MAKES")
    graph = _graph(
        tmp_path,
        "嘉善电子产业观察\n\n今年3月，嘉善晶辉电子科技有限公司正式落户。该公司主要生产车规级功率芯片。\n",
        "b.txt",
    )
    assert ("嘉善晶辉电子科技有限公司", "车规级功率芯片") in _pairs(graph, "MAKES")


def test_a_chain_of_one_general_word_stays_on_its_products(tmp_path: Path) -> None:
    # a Guangxi-style 汽车 plan and a Jilin-style one: 汽车 qualifies the part (汽车安全带, 汽车线束总成)
    for name, text in (
        ("a.txt", "柳州市汽车产业链方案\n\n支持柳州华泰汽车零部件有限公司生产汽车安全带、汽车线束总成。\n"),
        ("b.txt", "长春市汽车产业链方案\n\n长春一汽富维配件有限公司主要生产汽车安全带和汽车线束总成。\n"),
    ):
        graph = _graph(tmp_path, text, name)
        assert {"汽车安全带", "汽车线束总成"} <= _products(graph)


# -- headings that name a position ----------------------------------------------------------------------------
def test_a_part_heading_naming_a_position_gives_its_one_link_the_products_below(tmp_path: Path) -> None:
    # a Jilin-style plan (二、拓展下游应用 / 3．… 重点推广P1、P2) and a Hebei-style one ((二)做强中游制造。…)
    graph = _graph(
        tmp_path,
        "松原市玄武岩纤维产业链工作要点\n\n全省已贯通“玄武岩矿石—连续纤维—复合材料—终端制品”全链条。\n"
        "二、拓展下游应用\n3．深化供需对接。组织企业对接，重点推广桥梁加固板、复合筋材和防腐管材。\n",
        "a.txt",
    )
    includes = _pairs(graph, "INCLUDES")
    assert {("终端制品", "桥梁加固板"), ("终端制品", "防腐管材")} <= includes
    graph = _graph(
        tmp_path,
        "邢台市自行车产业链方案\n\n全市形成上游零部件配套、中游整车组装、下游品牌营销的自行车产业链。\n"
        "（二）做强中游制造。支持企业扩大山地车、折叠车产能。\n",
        "b.txt",
    )
    assert {("整车组装", "山地车"), ("整车组装", "折叠车")} <= _pairs(graph, "INCLUDES")


def test_a_position_with_several_links_gives_none(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "邢台市自行车产业链方案\n\n全市已贯通“钢材—车架—变速器—整车组装—品牌营销”的自行车产业链。\n"
        "（一）夯实上游配套。支持企业扩大轮毂、车座产能。\n",
    )
    assert not any(p in {"轮毂", "车座"} for _, p in _pairs(graph, "INCLUDES"))


def test_a_product_with_its_kind_word_after_it_is_that_product(tmp_path: Path) -> None:
    # a Zhejiang-style (P供应商A…建设年产30GW P材料项目) and a Shandong-style (A生产P…扩大P产品出口) line
    graph = _graph(
        tmp_path,
        "嘉兴光伏配套观察\n\n国内领先的光伏背板供应商禾光新材投资10亿元，建设年产20GW光伏背板材料项目。\n",
        "a.txt",
    )
    products = _products(graph)
    assert "光伏背板" in products
    assert not {"光伏背板材料", "GW光伏背板材料"} & products
    graph = _graph(
        tmp_path,
        "滕州机床产业观察\n\n滕州精机有限公司生产数控机床。去年，滕州精机有限公司扩大数控机床产品产能。\n",
        "b.txt",
    )
    assert "数控机床产品" not in _products(graph)


def test_a_list_headed_by_a_general_link_needs_words_of_made_things(tmp_path: Path) -> None:
    # a Zhejiang-style (引入P、Q等系统) and a Fujian-style (配置P、Q等设备) line; the layouts have such a link
    for name, text in (
        (
            "a.txt",
            "湖州物流装备产业观察\n\n全市形成“零部件—系统—整机—应用场景”的物流装备产业链。"
            "湖州箱包有限公司建设新工厂，将引入智能排产系统、视觉质检等系统。\n",
        ),
        (
            "b.txt",
            "泉州纺机产业观察\n\n全市形成“零部件—设备—整线集成—应用”的纺织机械产业链。"
            "泉州织造有限公司新建车间，配置自动络筒机、在线检测等设备。\n",
        ),
    ):
        graph = _graph(tmp_path, text, name)
        assert not {"视觉质检", "在线检测"} & _products(graph)


def test_firms_counted_but_not_named_still_name_products(tmp_path: Path) -> None:
    # a Fujian-style (下游，A等企业生产P，一批企业制造Q和R) and a Guangdong-style (多家配套企业生产P) line
    graph = _graph(
        tmp_path,
        "福安不锈钢产业观察\n\n下游，福安钢管有限公司生产不锈钢管材，一批企业制造厨具和建筑装饰制品。\n",
        "a.txt",
    )
    assert {"厨具", "建筑装饰制品"} <= _products(graph)
    assert not any(p in {"厨具", "建筑装饰制品"} for _, p in _pairs(graph, "MAKES"))
    graph = _graph(
        tmp_path,
        "阳江刀剪产业观察\n\n阳江五金制品有限公司是链主，园区内多家配套企业生产厨房刀具、不锈钢餐具。\n",
        "b.txt",
    )
    assert {"厨房刀具", "不锈钢餐具"} <= _products(graph)


# -- the chain's whole name -------------------------------------------------------------------------------
def _chains(graph: Graph) -> dict[str, set[str]]:
    return {n.name: set(n.aliases) for n in graph.by_label("IndustryChain")}


def test_a_general_chain_name_every_mention_qualifies_is_read_whole(tmp_path: Path) -> None:
    # a Fujian-style news report (湾区X新材料产业园 … 全市X新材料产业) and a Shandong-style one (X新材料)
    graph = _graph(
        tmp_path,
        "罗源湾观察\n\n如今，罗源湾铜箔新材料产业园已吸引上百家企业集聚。\n"
        "园区打通了“电解铜—铜箔—覆铜板—电路板”全流程。\n"
        "2024年，福州市铜箔新材料产业实现产值500亿元。\n",
        "a.txt",
    )
    assert _chains_of_links(graph) == {"铜箔新材料"}
    graph = _graph(
        tmp_path,
        "淄博观察\n\n走进张店氟硅新材料产业园，一派繁忙景象。园区已打通“萤石开采—氟化工原料—制冷剂生产—含氟材料”全链条。"
        "今年淄博氟硅新材料产业产值有望突破千亿元。\n",
        "b.txt",
    )
    assert _chains_of_links(graph) == {"氟硅新材料"}


def test_a_chain_joined_to_another_by_ji_is_read_whole(tmp_path: Path) -> None:
    # a Liaoning-style (集聚X及Y企业…形成从A、B到C的链条) and a Guangdong-style line (X is a vocabulary industry)
    graph = _graph(
        tmp_path,
        "浑南观察\n\n园区先后孵化出多家机器人企业。目前，园区已集聚机器人及智能装备企业300余家，"
        "形成从减速器、伺服电机到整机制造的较完整链条。\n",
        "a.txt",
    )
    assert _chains_of_links(graph) == {"机器人及智能装备"}
    assert {"机器人", "智能装备"} <= _chains(graph)["机器人及智能装备"]
    graph = _graph(
        tmp_path,
        "顺德观察\n\n顺德家电产业历史悠久。目前全区已集聚家电及智能装备企业200余家，形成从压缩机、电机到整机制造的较完整链条。\n",
        "b.txt",
    )
    assert _chains_of_links(graph) == {"家电及智能装备"}


def test_goods_of_owners_in_a_position_clause_are_products(tmp_path: Path) -> None:
    # a Tianjin-style (中游有X的P和Y公司的Q) and a Hubei-style (上游有X的P、Y的Q) clause; X, Y read as no firm
    graph = _graph(
        tmp_path,
        "津西信创产业观察\n\n全市已打通上游芯片设计、中游服务器整机与基础软件、下游行业应用的信创产业链。"
        "全市梳理出重点企业清单：中游有曙海的服务器和津西通用数据技术有限公司的数据库。\n",
        "a.txt",
    )
    assert {"服务器", "数据库"} <= _products(graph)
    assert ("服务器整机与基础软件", "服务器") in _pairs(graph, "INCLUDES")
    graph = _graph(
        tmp_path,
        "襄阳汽车产业观察\n\n襄阳形成上游零部件、中游整车制造、下游汽车服务的汽车产业链。上游有襄阳汽轴有限公司的发动机、本地民企的减速器。\n",
        "b.txt",
    )
    assert {"发动机", "减速器"} <= _products(graph)


def test_yearly_output_of_an_unnamed_plant_names_a_product(tmp_path: Path) -> None:
    # an Anhui-style (…项目于2月开工，…，达产后可年产P N万套) and a Yunnan-style (…基地建成后年产P N万吨) line
    graph = _graph(
        tmp_path,
        "合肥项目观察\n\n一汽华东底盘配套项目于3月开工，项目占地80亩，达产后可年产电驱动桥总成15万套，年产值约12亿元。\n",
        "a.txt",
    )
    products = _products(graph)
    assert "电驱动桥总成" in products
    assert not any(p.startswith(("值", "能")) for p in products)
    graph = _graph(
        tmp_path,
        "楚雄项目观察\n\n禄丰钛产业园二期项目投资20亿元，全部建成后年产海绵钛3万吨。\n",
        "b.txt",
    )
    assert "海绵钛" in _products(graph)


def test_a_list_headed_by_industries_names_no_product(tmp_path: Path) -> None:
    # a Zhejiang-style (重点支持P1、P2等八大新兴产业链) and a Hunan-style (聚焦P1、P2等重点产业) line
    for name, text in (
        ("a.txt", "湖州基金观察\n\n引导基金重点支持动力电池、智能装备等八大新兴产业链延链补链。\n"),
        ("b.txt", "长沙基金观察\n\n产业基金聚焦工程机械、功率芯片等重点产业集群招引项目。\n"),
    ):
        graph = _graph(tmp_path, text, name)
        assert not _products(graph) & {"动力电池", "智能装备", "工程机械", "功率芯片"}


def test_words_shared_before_a_general_chain_that_do_not_qualify_it_are_dropped(tmp_path: Path) -> None:
    graph = _graph(
        tmp_path,
        "东营观察\n\n东营市将重点发展新材料。园区已打通“原油加工—基础化工原料—合成材料—改性材料”全链条。"
        "全市加快发展新材料，力争产值翻番。\n",
    )
    assert not any(chain.startswith("发展") for chain in _chains_of_links(graph))


def test_a_quantity_in_any_unit_figures_are_read_with_is_no_part_of_the_product(tmp_path: Path) -> None:
    # a Xinjiang-style line (投资…建设年产N万千瓦P) and a Sichuan-style one (项目达产后年产N万千瓦时P)
    graph = _graph(
        tmp_path,
        "天山风电装备项目投产\n\n天山北风新能源有限公司投资6亿元建设年产150万千瓦风电叶片项目。\n",
        "a.txt",
    )
    assert ("天山北风新能源有限公司", "风电叶片") in _pairs(graph, "MAKES")
    graph = _graph(
        tmp_path,
        "蜀南储能项目开工\n\n蜀南储能科技有限公司储能电池项目开工，达产后可年产80万千瓦时储能电池。\n",
        "b.txt",
    )
    assert "储能电池" in _products(graph)
    assert not any(p[0].isdigit() for p in _products(graph))
