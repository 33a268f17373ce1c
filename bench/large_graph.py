"""A deterministic, realistic industry-chain graph of any size, streamed in the export format.

The benchmarks need a graph far larger than the sample corpus but shaped like
the real one: a province of cities, counties and towns; each city's departments
and chains (some with ~2,000 firms); chains with ordered segments (some left
empty: the 补链 gaps), products, chain-owner firms (链主); platforms hosting
chains; policies with numbered measures led by and involving departments;
indicators and targets; every fact with a source Document and an evidence
sentence, and every node with its ``MENTIONED_IN`` edge.

Every attribute of the *i*-th thing of a kind is a pure function of
``(seed, kind, i)`` (a splitmix64 hash), so :func:`iter_nodes` and
:func:`iter_edges` stream independently in constant memory and agree with each
other, and the same ``(scale, seed)`` always gives the same bytes. Scale 1.0 is
about 1,009,000 nodes and 5,070,000 relationships.
"""

from __future__ import annotations

import functools
import hashlib
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from chainkg.graph.model import Graph, make_uid, node_uid

_MASK = (1 << 64) - 1

CITIES = (
    "湖州 嘉兴 绍兴 宁波 温州 台州 金华 衢州 丽水 舟山 杭州 苏州 无锡 常州 南通 扬州 镇江 泰州 盐城 淮安 "
    "宿迁 连云港 徐州 合肥 芜湖 马鞍山 滁州 宣城 铜陵 安庆 福州 厦门 泉州 漳州 莆田 佛山 东莞 中山 珠海 惠州 "
    "江门 肇庆 青岛 烟台 潍坊 淄博 济宁 临沂 洛阳 襄阳"
).split()
_SYL_A = "恒泰华兴瑞鑫宏远金达丰盛中天永信嘉安新创博科海东德富隆昌鼎汇联众振凯晶普明方立欣"
_SYL_B = "峰源通宇辰航光阳川林睿诚润晟合力威发和元顺捷锐星达驰康佳邦亿巨奥拓能美诺然茂"
INDUSTRIES = (
    "新能源汽车 集成电路 生物医药 高端装备 新材料 绿色家居 智能物流装备 光伏 锂电池 氢能 工业机器人 数控机床 "
    "医疗器械 现代纺织 时尚服装 食品加工 绿色建材 节能环保 航空航天 船舶海工 轨道交通 智能家电 电子信息 "
    "软件和信息服务 人工智能 物联网 数字安防 半导体材料 高性能纤维 生物农业 现代中药 化学原料药 精细化工 "
    "金属制品 汽车零部件 电机电器 光电通信 新型显示 储能 智能网联汽车"
).split()
_SYL = "".join(dict.fromkeys(_SYL_A + _SYL_B))
_FIRM_WORDS = (
    "新材料 电子 机械 精密 智能 生物 能源 光电 汽车部件 装备 化工 纺织 医药 信息技术 环保 电气 微电子 "
    "自动化 通信 储能 家居 食品 金属 塑胶 模具 传感 半导体 动力 新能源 数控"
).split()
_FIRM_SUFFIXES = ("有限公司", "股份有限公司", "集团有限公司", "实业有限公司", "制造有限公司")
_FIRM_TAGS = ("专精特新", "上市", "龙头", "外资", "单项冠军", "世界500强", "中国500强")
SEGMENTS = (
    ("原材料", "upstream"),
    ("关键零部件", "upstream"),
    ("核心元器件", "upstream"),
    ("模组与系统", "midstream"),
    ("整机制造", "midstream"),
    ("系统集成", "midstream"),
    ("应用服务", "downstream"),
    ("回收利用", "downstream"),
)
_PRODUCTS = (
    ("基础材料", "功能材料", "化工原料", "金属材料", "复合材料"),
    ("结构件", "传动部件", "控制部件", "连接器", "精密零件"),
    ("芯片", "传感器", "功率器件", "电子元件", "光学元件"),
    ("模组", "控制系统", "电源系统", "软件系统", "驱动系统"),
    ("整机", "成套设备", "终端产品", "专用设备", "整车"),
    ("系统解决方案", "集成平台", "工程总包", "智能产线", "测试系统"),
    ("运营服务", "检测认证", "维修服务", "租赁服务", "数据服务"),
    ("回收拆解", "再制造", "梯次利用", "资源再生", "绿色处置"),
)
_CITY_DEPTS = (
    ("经济和信息化局", "经信局"),
    ("发展和改革委员会", "发改委"),
    ("科学技术局", "科技局"),
    ("商务局", "商务局"),
    ("财政局", "财政局"),
    ("自然资源和规划局", "自然资源规划局"),
    ("生态环境局", "生态环境局"),
    ("人力资源和社会保障局", "人社局"),
    ("市场监督管理局", "市场监管局"),
    ("投资促进局", "投促局"),
    ("住房和城乡建设局", "住建局"),
    ("交通运输局", "交通局"),
    ("农业农村局", "农业农村局"),
    ("统计局", "统计局"),
    ("税务局", "税务局"),
    ("教育局", "教育局"),
    ("卫生健康委员会", "卫健委"),
    ("应急管理局", "应急局"),
    ("地方金融监督管理局", "金融办"),
    ("人民政府办公室", "政府办"),
    ("大数据发展管理局", "数据局"),
    ("文化广电旅游局", "文广旅局"),
    ("水利局", "水利局"),
    ("国有资产监督管理委员会", "国资委"),
    ("人民政府", "政府"),
)
_COUNTY_DEPTS = _CITY_DEPTS[:8]
_PLATFORM_KINDS = (
    "高新技术产业开发区",
    "经济技术开发区",
    "产业园",
    "特色小镇",
    "创新基地",
    "工业互联网平台",
    "产业大脑",
    "直播基地",
)
_INSTITUTE_KINDS = ("研究院", "重点实验室", "创新中心")
_POLICY_KINDS = ("实施方案", "若干意见", "行动计划", "管理办法", "发展规划", "扶持政策", "工作方案", "实施细则")
_POLICY_TOPICS = (
    "推进产业链高质量发展",
    "加快制造业数字化改造",
    "支持专精特新企业培育",
    "促进先进制造业集群建设",
    "深化招商引资",
    "推动工业企业技术改造",
    "加强产业链供应链韧性",
    "培育战略性新兴产业",
    "推进亩均论英雄改革",
    "支持科技创新平台建设",
)
_MEASURE_VERBS = ("加快", "大力推进", "着力培育", "深入实施", "积极引进", "做强", "完善", "支持")
_MEASURE_OBJECTS = ("链主企业培育", "强链补链延链", "重大项目招引", "创新平台建设", "数字化转型", "集群发展")
_METRICS = (
    ("亩均税收", "万元/亩"),
    ("研发费用占营业收入比重", "%"),
    ("增加值", "亿元"),
    ("营业收入", "亿元"),
    ("投资", "亿元"),
    ("技改投资增速", "%"),
    ("高新技术企业数", "家"),
    ("专精特新企业数", "家"),
    ("上市企业数", "家"),
    ("单位增加值能耗下降率", "%"),
    ("出口额", "亿美元"),
    ("实际利用外资", "亿美元"),
    ("利润总额", "亿元"),
    ("数字化改造覆盖率", "%"),
    ("有效发明专利数", "件"),
    ("税收收入", "亿元"),
    ("从业人员", "万人"),
    ("产值", "亿元"),
    ("签约项目数", "个"),
    ("亿元以上项目数", "个"),
)
_INDICATOR_SCOPES = (
    "规上工业",
    "数字经济核心产业",
    "高新技术产业",
    "战略性新兴产业",
    "装备制造业",
    "制造业",
    "服务业",
    "产业链",
    "开发区",
    "重点企业",
)
_CN = "一二三四五六七八九十"
_COMPARATORS = (">=", ">", "about", "=")
_PROJECT_STATUS = ("签约", "在建", "竣工", "投产")


@dataclass(frozen=True)
class Sizes:
    """How many things of each kind a scale gives (scale 1.0 ≈ 1,000,000 nodes)."""

    cities: int
    counties: int
    towns: int
    documents: int
    policies: int
    chains: int
    clusters: int
    platforms: int
    institutes: int
    enterprises: int
    projects: int
    indicators: int
    targets: int

    @classmethod
    def of(cls, scale: float) -> Sizes:
        def n(base: int, low: int = 1) -> int:
            return max(low, round(base * scale))

        cities = n(50, 2)
        policies = n(12_000, cities)
        return cls(
            cities=cities,
            counties=cities * 10,
            towns=cities * 40,
            documents=policies + n(8_000, 2),
            policies=policies,
            chains=cities * 8,
            clusters=n(40, 1),
            platforms=n(6_000, cities),
            institutes=n(3_000, 1),
            enterprises=n(720_000, 50),
            projects=n(40_000, 5),
            indicators=n(400, 5),
            targets=n(60_000, 10),
        )

    @property
    def departments(self) -> int:
        return self.cities * len(_CITY_DEPTS) + self.counties * len(_COUNTY_DEPTS)


def _hash(seed: int, kind: int, index: int) -> int:
    """splitmix64 of (seed, kind, index): the one source of randomness, so any item can be recomputed alone."""
    x = (seed * 0x9E3779B97F4A7C15 + kind * 0xD1B54A32D192ED03 + index * 0x8CB92BA72F3D8DD7 + 1) & _MASK
    x ^= x >> 30
    x = (x * 0xBF58476D1CE4E5B9) & _MASK
    x ^= x >> 27
    x = (x * 0x94D049BB133111EB) & _MASK
    return x ^ (x >> 31)


def _syllable_name(index: int, stride: int) -> str:
    """A unique two-character name for ``index`` (a permutation of the syllable pairs, then numbered)."""
    cap = len(_SYL_A) * len(_SYL_B)
    turn, i = divmod(index, cap)
    j = (i * stride) % cap
    return _SYL_A[j // len(_SYL_B)] + _SYL_B[j % len(_SYL_B)] + (str(turn) if turn else "")


def _node(uid: str, label: str, name: str, aliases: dict[str, str], props: dict[str, Any]) -> dict[str, Any]:
    """The dict ``Node.to_dict()`` gives."""
    out: dict[str, Any] = {"uid": uid, "label": label, "name": name, "aliases": sorted(aliases)}
    if aliases:
        out["mergedBy"] = [f"{a} ⇐ {aliases[a]}" for a in sorted(aliases)]
    out.update(sorted(props.items()))
    return out


def _edge(rel_type: str, start: str, end: str, source: str, evidence: str, **props: Any) -> dict[str, Any]:
    """The dict ``Edge.to_dict()`` gives for a fact with one source."""
    out: dict[str, Any] = {"type": rel_type, "start": start, "end": end, "source": source, "evidence": evidence}
    out.update(sorted(props.items()))
    return out


class _Plan:
    """Names, uids and attributes of every generated thing, as pure functions of its index."""

    def __init__(self, scale: float, seed: int) -> None:
        self.seed = seed
        self.n = Sizes.of(scale)
        # Firms per chain between 0.5× and 2× the mean: big chains have ~2,000-3,600 firms at scale 1.
        weights = [0.5 + 1.5 * (_hash(seed, 1, c) % 1000) / 1000 for c in range(self.n.chains)]
        self._chain_cumulative = list(accumulate(weights))
        small = functools.lru_cache(maxsize=1 << 16)
        for method in (
            "doc_uid",
            "doc_title",
            "city_name",
            "county_name",
            "district_uid",
            "dept",
            "chain_name",
            "chain_uid",
            "segment_uid",
            "product",
            "platform",
            "policy",
            "indicator",
        ):
            setattr(self, method, small(getattr(self, method)))

    def h(self, kind: int, index: int) -> int:
        return _hash(self.seed, kind, index)

    # Documents: the first ``policies`` are the policies' own files, the rest news.
    def doc_sha(self, d: int) -> str:
        return hashlib.sha256(f"chainkg-bench-{self.seed}-{d}".encode()).hexdigest()

    def doc_uid(self, d: int) -> str:
        return make_uid("Document", self.doc_sha(d))

    def doc_title(self, d: int) -> str:
        if d < self.n.policies:
            return self.policy(d)[1]
        city = self.city_name(d % self.n.cities)
        industry = INDUSTRIES[self.h(2, d) % len(INDUSTRIES)]
        return f"{city}{industry}产业链发展动态（第{d - self.n.policies + 1}期）"

    def news_doc(self, h: int) -> int:
        return self.n.policies + h % (self.n.documents - self.n.policies)

    # Districts: one province, cities, ten counties per city, four towns per county.
    def city_name(self, c: int) -> str:
        return (CITIES[c] if c < len(CITIES) else _syllable_name(c, 1009)) + "市"

    def county_name(self, q: int) -> str:
        return _syllable_name(q, 7919) + ("区" if q % 3 else "县")

    def town_name(self, t: int) -> str:
        return _syllable_name(t, 104729) + ("街道" if t % 4 == 0 else "镇")

    def district_uid(self, level: str, i: int) -> str:
        name = {"province": lambda _: "浙江省", "city": self.city_name, "county": self.county_name}.get(
            level, self.town_name
        )(i)
        return node_uid("District", name)

    # Departments: 25 per city (index c*25+k), 8 per county after them.
    def dept(self, i: int) -> tuple[str, str, str, int]:
        """(uid, name, short alias, district index as ('city'|'county', n)) of department ``i``."""
        city_block = self.n.cities * len(_CITY_DEPTS)
        if i < city_block:
            c, k = divmod(i, len(_CITY_DEPTS))
            full, short = _CITY_DEPTS[k]
            name = self.city_name(c) + full
            alias = self.city_name(c)[:-1] + short
            return node_uid("Department", name), name, alias, c
        q, k = divmod(i - city_block, len(_COUNTY_DEPTS))
        full, short = _COUNTY_DEPTS[k]
        name = self.county_name(q) + full
        return node_uid("Department", name), name, self.county_name(q)[:-1] + short, -1 - q

    def city_dept(self, c: int, k: int) -> int:
        return c * len(_CITY_DEPTS) + k % len(_CITY_DEPTS)

    # Chains: eight per city; chain c belongs to city c % cities.
    def chain_name(self, c: int) -> str:
        city, k = c % self.n.cities, c // self.n.cities
        industry = INDUSTRIES[(k * 5 + city * 3) % len(INDUSTRIES)]
        return f"{self.city_name(city)}{industry}产业链"

    def chain_industry(self, c: int) -> str:
        return self.chain_name(c)[len(self.city_name(c % self.n.cities)) : -3]

    def chain_uid(self, c: int) -> str:
        return node_uid("IndustryChain", self.chain_name(c))

    def chain_of_city(self, city: int, h: int) -> int:
        per_city = self.n.chains // self.n.cities
        return city + self.n.cities * (h % per_city)

    def segment_uid(self, c: int, k: int) -> str:
        return make_uid("ChainSegment", self.chain_uid(c), SEGMENTS[k][0])

    def is_gap(self, c: int, k: int) -> bool:
        """A link of the chain with no local firm (补链 target); the first link never is."""
        return k > 0 and self.h(3, c * len(SEGMENTS) + k) % 6 == 0

    def product(self, c: int, k: int, j: int) -> tuple[str, str]:
        name = self.chain_industry(c) + _PRODUCTS[k][j]
        return make_uid("Product", self.segment_uid(c, k), name), name

    # Platforms: twelve-ish per county, each hosting chains of its city.
    def platform(self, p: int) -> tuple[str, str, str, int]:
        """(uid, name, kind, county) of platform ``p``."""
        q, r = p % self.n.counties, p // self.n.counties
        kind = _PLATFORM_KINDS[r % len(_PLATFORM_KINDS)]
        industry = INDUSTRIES[(r + q) % len(INDUSTRIES)]
        suffix = str(r // len(INDUSTRIES)) if r >= len(INDUSTRIES) else ""
        name = f"{self.county_name(q)}{industry}{kind}{suffix}"
        return node_uid("Platform", name), name, kind, q

    def platform_of_county(self, q: int, h: int) -> int | None:
        per_county = self.n.platforms // self.n.counties + (1 if q < self.n.platforms % self.n.counties else 0)
        return q + self.n.counties * (h % per_county) if per_county else None

    # Enterprises: the bulk of the graph.
    def firm_name(self, e: int) -> tuple[str, str]:
        """(full name, short name) of firm ``e``: unique by construction (a mixed radix of its index)."""
        brands = len(_SYL) ** 2
        i = (e * 1_000_003) % (brands * len(_FIRM_WORDS) * len(_FIRM_SUFFIXES))
        turn = e // (brands * len(_FIRM_WORDS) * len(_FIRM_SUFFIXES))
        brand = _SYL[(i % brands) // len(_SYL)] + _SYL[i % len(_SYL)]
        i //= brands
        word = _FIRM_WORDS[i % len(_FIRM_WORDS)]
        suffix = _FIRM_SUFFIXES[i // len(_FIRM_WORDS)]
        city = self.city_name(self.firm(e)[0] % self.n.cities)[:-1]
        short = brand + word + (str(turn) if turn else "")
        return city + short + suffix, short

    def firm(self, e: int) -> tuple[int, int, int, int | None, int, tuple[str, ...], int]:
        """(chain, segment, product, platform or None, county, tags, source document) of firm ``e``."""
        h = self.h(4, e)
        chain = bisect_right(self._chain_cumulative, (h % 1_000_003) / 1_000_003 * self._chain_cumulative[-1])
        chain = min(chain, self.n.chains - 1)
        seg = (h >> 20) % len(SEGMENTS)
        while self.is_gap(chain, seg):
            seg = (seg + 1) % len(SEGMENTS)
        county = (chain % self.n.cities) * 10 + (h >> 24) % 10
        platform = self.platform_of_county(county, h >> 28) if (h >> 36) % 4 == 0 else None
        tags = tuple(tag for bit, tag in enumerate(_FIRM_TAGS) if (h >> (40 + 3 * bit)) % (12 + 8 * bit) == 0)
        if (h >> 38) % 400 == 0:
            tags = ("链主", *tags)
        return chain, seg, (h >> 33) % 5, platform, county, tags, self.news_doc(h >> 7)

    def project(self, j: int) -> tuple[str, str, int, int, int]:
        """(uid, name, chain, county, hash) of project ``j``."""
        h = self.h(9, j)
        chain = j % self.n.chains
        county = (chain % self.n.cities) * 10 + h % 10
        name = f"{self.county_name(county)}年产{h % 90 + 10}万套{self.chain_industry(chain)}项目{j + 1}"
        return node_uid("Project", name), name, chain, county, h

    def firm_uid(self, e: int) -> str:
        return node_uid("Enterprise", self.firm_name(e)[0])

    # Policies and measures: ten measures per policy; policy p is document p.
    def policy(self, p: int) -> tuple[str, str, str, int]:
        """(uid, name, docNumber, year) of policy ``p``, issued in city p % cities."""
        c, r = p % self.n.cities, p // self.n.cities
        topic = _POLICY_TOPICS[r % len(_POLICY_TOPICS)]
        kind = _POLICY_KINDS[(r // len(_POLICY_TOPICS)) % len(_POLICY_KINDS)]
        year = 2016 + (r // (len(_POLICY_TOPICS) * len(_POLICY_KINDS))) % 10
        batch = r // (len(_POLICY_TOPICS) * len(_POLICY_KINDS) * 10)
        name = f"{self.city_name(c)}关于{topic}的{kind}（{year}年{'第' + str(batch + 1) + '批' if batch else ''}）"
        number = f"{self.city_name(c)[:-1]}政办发〔{year}〕{r + 1}号"
        return node_uid("Policy", name), name, number, year

    def measure(self, m: int) -> tuple[str, str, str]:
        """(uid, title, code) of measure ``m`` (policy m // 10)."""
        p, k = divmod(m, 10)
        code = f"{_CN[k // 4]}.（{_CN[k % 4]}）"
        h = self.h(5, m)
        chain = self.chain_of_city(p % self.n.cities, h)
        verb = _MEASURE_VERBS[h % len(_MEASURE_VERBS)]
        obj = _MEASURE_OBJECTS[(h >> 8) % len(_MEASURE_OBJECTS)]
        title = f"{verb}{self.chain_industry(chain)}产业{obj}"
        return make_uid("Measure", self.policy(p)[0], code), title, code

    # Indicators and targets.
    def indicator(self, i: int) -> tuple[str, str, str]:
        metric, unit = _METRICS[i % len(_METRICS)]
        r = i // len(_METRICS)
        scope = _INDICATOR_SCOPES[r % len(_INDICATOR_SCOPES)]
        suffix = str(r // len(_INDICATOR_SCOPES)) if r >= len(_INDICATOR_SCOPES) else ""
        name = f"{scope}{metric}{suffix}"
        return node_uid("Indicator", name), name, unit

    def target(self, t: int) -> tuple[int, str, int, int, int]:
        """(indicator, scope kind 'district'|'chain', scope index, year, setting measure) of target ``t``."""
        i, r = t % self.n.indicators, t // self.n.indicators
        year = 2023 + r % 5
        j = r // 5
        scopes = self.n.cities + self.n.chains
        s = (i * 37 + j) % scopes
        if j >= scopes:
            year += 5 * (j // scopes)
        kind, index = ("district", s) if s < self.n.cities else ("chain", s - self.n.cities)
        city = index if kind == "district" else index % self.n.cities
        h = self.h(6, t)
        per_city = self.n.policies // self.n.cities
        measure = (city + self.n.cities * (h % per_city)) * 10 + (h >> 16) % 10
        return i, kind, index, year, measure

    def target_uid(self, t: int) -> str:
        i, kind, index, year, _ = self.target(t)
        scope = self.district_uid("city", index) if kind == "district" else self.chain_uid(index)
        return make_uid("Target", self.indicator(i)[0], scope, str(year), "target")


def iter_nodes(scale: float = 1.0, seed: int = 0, part: int = 0, parts: int = 1) -> Iterator[dict[str, Any]]:
    """Every node of the generated graph as a ``Node.to_dict()`` dict, streamed (constant memory).

    With ``parts`` > 1, only the share ``part`` of them (:func:`_shares`), so that
    several processes can stream one graph together, each computing only its own.
    """
    plan = _Plan(scale, seed)
    n = plan.n
    share = _shares(part, parts)
    for d in share(n.documents):
        kind = "policy" if d < n.policies else "news"
        props: dict[str, Any] = {"kind": kind, "path": f"bench/{kind}/{d:06d}.txt", "sha256": plan.doc_sha(d)}
        year = plan.policy(d)[3] if d < n.policies else 2020 + d % 5
        props["date"] = f"{year}-{1 + d % 12:02d}-{1 + d % 28:02d}"
        props["title"] = plan.doc_title(d)
        if d < n.policies:
            props["docNumber"] = plan.policy(d)[2]
        yield _node(plan.doc_uid(d), "Document", plan.doc_title(d), {}, props)
    if part == 0:
        yield _node(plan.district_uid("province", 0), "District", "浙江省", {"浙江": "suffix"}, {"level": "province"})
    for c in share(n.cities):
        name = plan.city_name(c)
        yield _node(plan.district_uid("city", c), "District", name, {name[:-1]: "suffix"}, {"level": "city"})
    for q in share(n.counties):
        name = plan.county_name(q)
        alias = plan.city_name(q // 10) + name
        yield _node(plan.district_uid("county", q), "District", name, {alias: "scope"}, {"level": "county"})
    for t in share(n.towns):
        yield _node(plan.district_uid("town", t), "District", plan.town_name(t), {}, {"level": "town"})
    for i in share(n.departments):
        uid, name, alias, where = plan.dept(i)
        level = "city" if where >= 0 else "county"
        yield _node(uid, "Department", name, {alias: "scope-abbreviation"}, {"level": level})
    for k in share(n.clusters):
        name = f"{plan.city_name(k % n.cities)}{INDUSTRIES[k % len(INDUSTRIES)]}产业集群"
        yield _node(node_uid("Cluster", name), "Cluster", name, {}, {})
    categories = ("emerging", "traditional", "future")
    for c in share(n.chains):
        industry = plan.chain_industry(c)
        aliases = {f"{plan.city_name(c % n.cities)[:-1]}{industry}产业": "suffix"}
        props = {"category": categories[plan.h(7, c) % 3]}
        yield _node(plan.chain_uid(c), "IndustryChain", plan.chain_name(c), aliases, props)
        for k, (segment, position) in enumerate(SEGMENTS):
            props = {"order": k + 1, "position": position}
            yield _node(plan.segment_uid(c, k), "ChainSegment", industry + segment, {}, props)
            for j in range(5):
                uid, name = plan.product(c, k, j)
                yield _node(uid, "Product", name, {}, {})
    for p in share(n.platforms):
        uid, name, kind, _ = plan.platform(p)
        yield _node(uid, "Platform", name, {}, {"kind": kind})
    for i in share(n.institutes):
        yield _node(*_institute(plan, i)[:3], {}, {})
    for e in share(n.enterprises):
        name, short = plan.firm_name(e)
        tags = plan.firm(e)[5]
        aliases = {short: "short-name"} if plan.h(8, e) % 3 == 0 else {}
        yield _node(node_uid("Enterprise", name), "Enterprise", name, aliases, {"tags": list(tags)} if tags else {})
    for j in share(n.projects):
        uid, name, _, _, h = plan.project(j)
        props = {"investment": round(1 + (h >> 8) % 2000 / 10, 1), "area": (h >> 20) % 900 + 50}
        props["status"] = _PROJECT_STATUS[(h >> 32) % 4]
        yield _node(uid, "Project", name, {}, props)
    for p in share(n.policies):
        uid, name, number, year = plan.policy(p)
        yield _node(uid, "Policy", name, {}, {"docNumber": number, "period": f"{year}-{year + 4}"})
        for k in range(10):
            m_uid, title, code = plan.measure(p * 10 + k)
            yield _node(m_uid, "Measure", title, {}, {"code": code, "title": title})
    for i in share(n.indicators):
        uid, name, unit = plan.indicator(i)
        yield _node(uid, "Indicator", name, {}, {"unit": unit})
    for t in share(n.targets):
        i, _, _, year, _ = plan.target(t)
        h = plan.h(10, t)
        props = {"comparator": _COMPARATORS[h % 4], "kind": "target", "unit": plan.indicator(i)[2], "year": year}
        props["value"] = round((h >> 8) % 100_000 / 100, 2)
        yield _node(plan.target_uid(t), "Target", f"{plan.indicator(i)[1]}{year}年目标", {}, props)


def _shares(part: int, parts: int) -> Callable[[int], range]:
    """The indexes of each kind that share ``part`` of ``parts`` generates: every ``parts``-th, from ``part``.

    Each thing is a pure function of its index, so the shares are disjoint, together make the
    whole graph, and each costs only its own part of the generation.
    """
    if not 0 <= part < parts:
        raise ValueError(f"part {part} of {parts}")
    return lambda count: range(part, count, parts)


def _institute(plan: _Plan, i: int) -> tuple[str, str, str, int]:
    c = i % plan.n.cities
    r = i // plan.n.cities
    industry = INDUSTRIES[r % len(INDUSTRIES)]
    kind = _INSTITUTE_KINDS[(r // len(INDUSTRIES)) % len(_INSTITUTE_KINDS)]
    turn = r // (len(INDUSTRIES) * len(_INSTITUTE_KINDS))
    name = f"{plan.city_name(c)}{industry}{kind}{turn or ''}"
    return node_uid("Institute", name), "Institute", name, c * 10 + plan.h(11, i) % 10


def iter_edges(scale: float = 1.0, seed: int = 0, part: int = 0, parts: int = 1) -> Iterator[dict[str, Any]]:
    """Every relationship as an ``Edge.to_dict()`` dict (source and evidence set), streamed; with ``parts`` > 1,
    only the share ``part`` of them, as for :func:`iter_nodes`."""
    plan = _Plan(scale, seed)
    n = plan.n
    share = _shares(part, parts)
    doc = plan.doc_uid

    def mention(uid: str, name: str, d: int, count: int = 1) -> dict[str, Any]:
        return _edge("MENTIONED_IN", uid, doc(d), doc(d), f"{name}在文中被提及。", count=count)

    # Geography and government.
    province = plan.district_uid("province", 0)
    if part == 0:
        yield mention(province, "浙江省", n.policies)
    for c in share(n.cities):
        uid, d = plan.district_uid("city", c), c
        yield mention(uid, plan.city_name(c), d)
        yield _edge("PART_OF", uid, province, doc(d), f"{plan.city_name(c)}隶属浙江省。")
    for q in share(n.counties):
        uid, d = plan.district_uid("county", q), q // 10
        yield mention(uid, plan.county_name(q), d)
        city_name = plan.city_name(q // 10)
        yield _edge("PART_OF", uid, plan.district_uid("city", q // 10), doc(d), f"{city_name}{plan.county_name(q)}。")
    for t in share(n.towns):
        uid, d = plan.district_uid("town", t), n.policies + t % (n.documents - n.policies)
        yield mention(uid, plan.town_name(t), d)
        county_name = plan.county_name(t // 4)
        yield _edge("PART_OF", uid, plan.district_uid("county", t // 4), doc(d), f"{county_name}{plan.town_name(t)}。")
    for i in share(n.departments):
        uid, name, _, where = plan.dept(i)
        district = plan.district_uid("city", where) if where >= 0 else plan.district_uid("county", -1 - where)
        d = where if where >= 0 else (-1 - where) // 10
        yield mention(uid, name, d, 1 + plan.h(12, i) % 3)
        yield _edge("PART_OF", uid, district, doc(d), f"{name}为本级政府工作部门。")
    # Chains, segments, products, clusters, where chains are developed.
    for k in share(n.clusters):
        name = f"{plan.city_name(k % n.cities)}{INDUSTRIES[k % len(INDUSTRIES)]}产业集群"
        yield mention(node_uid("Cluster", name), name, k % n.cities)
    for c in share(n.chains):
        uid, name, city, d = plan.chain_uid(c), plan.chain_name(c), c % n.cities, c % n.cities
        yield mention(uid, name, d, 3)
        if c % 2 == 0 and n.clusters:
            k = (c // 2) % n.clusters
            cluster = f"{plan.city_name(k % n.cities)}{INDUSTRIES[k % len(INDUSTRIES)]}产业集群"
            yield _edge("PART_OF", uid, node_uid("Cluster", cluster), doc(d), f"{name}是{cluster}的重要组成。")
        yield _edge(
            "DEVELOPED_IN", uid, plan.district_uid("city", city), doc(d), f"在{plan.city_name(city)}发展{name}。"
        )
        for j in sorted({plan.h(13, c) % 10, plan.h(14, c) % 10}):
            county = city * 10 + j
            sentence = f"{plan.county_name(county)}重点发展{name}。"
            yield _edge("DEVELOPED_IN", uid, plan.district_uid("county", county), doc(d), sentence)
        industry = plan.chain_industry(c)
        for k, (segment, _) in enumerate(SEGMENTS):
            s_uid = plan.segment_uid(c, k)
            yield mention(s_uid, industry + segment, d)
            yield _edge("HAS_SEGMENT", uid, s_uid, doc(d), f"{name}包括{industry}{segment}环节。")
            if k + 1 < len(SEGMENTS):
                sentence = f"{industry}{segment}位于{SEGMENTS[k + 1][0]}上游。"
                yield _edge("UPSTREAM_OF", s_uid, plan.segment_uid(c, k + 1), doc(d), sentence)
            for j in range(5):
                p_uid, p_name = plan.product(c, k, j)
                yield mention(p_uid, p_name, d)
                yield _edge("INCLUDES", s_uid, p_uid, doc(d), f"{industry}{segment}环节主要产品为{p_name}。")
    # Platforms and institutes.
    for p in share(n.platforms):
        uid, name, _, q = plan.platform(p)
        d = plan.news_doc(plan.h(15, p))
        yield mention(uid, name, d)
        yield _edge("LOCATED_IN", uid, plan.district_uid("county", q), doc(d), f"{name}位于{plan.county_name(q)}。")
        h = plan.h(16, p)
        for chain in sorted({plan.chain_of_city(q // 10, h >> (8 * j)) for j in range(1 + h % 3)}):
            sentence = f"{name}聚焦{plan.chain_name(chain)}。"
            yield _edge("HOSTS", uid, plan.chain_uid(chain), doc(d), sentence)
    for i in share(n.institutes):
        uid, _, name, q = _institute(plan, i)
        d = plan.news_doc(plan.h(17, i))
        yield mention(uid, name, d)
        yield _edge("LOCATED_IN", uid, plan.district_uid("county", q), doc(d), f"{name}落户{plan.county_name(q)}。")
    # Enterprises: chain, segment, product, location, chain owners, acquisitions.
    for e in share(n.enterprises):
        chain, seg, prod, platform, county, tags, d = plan.firm(e)
        name = plan.firm_name(e)[0]
        uid = node_uid("Enterprise", name)
        chain_name = plan.chain_name(chain)
        yield mention(uid, name, d, 1 + plan.h(18, e) % 4)
        yield _edge("IN_CHAIN", uid, plan.chain_uid(chain), doc(d), f"{name}是{chain_name}重点企业。")
        segment = plan.chain_industry(chain) + SEGMENTS[seg][0]
        yield _edge("IN_SEGMENT", uid, plan.segment_uid(chain, seg), doc(d), f"{name}深耕{segment}环节。")
        p_uid, p_name = plan.product(chain, seg, prod)
        yield _edge("MAKES", uid, p_uid, doc(d), f"{name}主要生产{p_name}。")
        yield _edge(
            "LOCATED_IN", uid, plan.district_uid("county", county), doc(d), f"{name}位于{plan.county_name(county)}。"
        )
        if platform is not None:
            pl_uid, pl_name, _, _ = plan.platform(platform)
            yield _edge("LOCATED_IN", uid, pl_uid, doc(d), f"{name}入驻{pl_name}。")
        if "链主" in tags:
            yield _edge("CHAIN_OWNER_OF", uid, plan.chain_uid(chain), doc(d), f"{name}是{chain_name}链主企业。")
        h = plan.h(19, e)
        if h % 100 == 0 and n.enterprises > 1:
            other = (e + 1 + (h >> 8) % (n.enterprises - 1)) % n.enterprises
            sentence = f"{name}完成对{plan.firm_name(other)[0]}的并购。"
            yield _edge("ACQUIRED", uid, plan.firm_uid(other), doc(d), sentence)
    # Projects: in a chain and a county, invested in by a firm.
    for j in share(n.projects):
        uid, name, chain, county, h = plan.project(j)
        d = plan.news_doc(h >> 40)
        yield mention(uid, name, d)
        yield _edge("IN_CHAIN", uid, plan.chain_uid(chain), doc(d), f"{name}属于{plan.chain_name(chain)}。")
        yield _edge(
            "LOCATED_IN", uid, plan.district_uid("county", county), doc(d), f"{name}落地{plan.county_name(county)}。"
        )
        investor = (h >> 12) % n.enterprises
        sentence = f"{plan.firm_name(investor)[0]}投资建设{name}。"
        yield _edge("INVESTS_IN", plan.firm_uid(investor), uid, doc(d), sentence)
    # Policies and measures.
    for p in share(n.policies):
        uid, name, _, _ = plan.policy(p)
        c = p % n.cities
        yield mention(uid, name, p, 2)
        issuer = plan.dept(plan.city_dept(c, 19 if p % 3 else 0))
        yield _edge("ISSUED_BY", uid, issuer[0], doc(p), f"{issuer[1]}印发{name}。")
        h = plan.h(20, p)
        if p >= n.cities and h % 5:
            cited = p - n.cities * (1 + (h >> 8) % min(3, p // n.cities))
            yield _edge("CITES", uid, plan.policy(cited)[0], doc(p), f"根据{plan.policy(cited)[1]}，制定本方案。")
        if h % 3 == 0:
            chain = plan.chain_of_city(c, h >> 16)
            yield _edge("SUPPORTS", uid, plan.chain_uid(chain), doc(p), f"{name}支持{plan.chain_name(chain)}发展。")
        for k in range(10):
            m = p * 10 + k
            m_uid, title, code = plan.measure(m)
            hm = plan.h(5, m)
            yield mention(m_uid, title, p)
            yield _edge("PART_OF", m_uid, uid, doc(p), f"{code} {title}。")
            lead = plan.city_dept(c, (hm >> 20) % len(_CITY_DEPTS))
            others = sorted({plan.city_dept(c, (hm >> (24 + 5 * j)) % len(_CITY_DEPTS)) for j in range(1 + hm % 4)})
            units = "、".join(plan.dept(i)[2] for i in [lead, *(o for o in others if o != lead)])
            yield _edge("LED_BY", m_uid, plan.dept(lead)[0], doc(p), f"{title}。（责任单位：{units}）")
            for other in others:
                if other != lead:
                    yield _edge("INVOLVES", m_uid, plan.dept(other)[0], doc(p), f"{title}。（责任单位：{units}）")
            if (hm >> 50) % 10 < 7:
                chain = plan.chain_of_city(c, hm)
                yield _edge("SUPPORTS", m_uid, plan.chain_uid(chain), doc(p), f"{title}。")
            if (hm >> 54) % 10 < 3:
                county = c * 10 + (hm >> 58) % 10
                yield _edge(
                    "APPLIES_TO",
                    m_uid,
                    plan.district_uid("county", county),
                    doc(p),
                    f"{title}（重点区域：{plan.county_name(county)}）。",
                )
    # Indicators and targets.
    for i in share(n.indicators):
        uid, name, _ = plan.indicator(i)
        c = i % n.cities
        owner = plan.dept(plan.city_dept(c, (i * 3) % len(_CITY_DEPTS)))
        yield mention(uid, name, c)
        yield _edge("OWNED_BY", uid, owner[0], doc(c), f"{name}（责任单位：{owner[2]}）")
    for t in share(n.targets):
        i, kind, index, year, m = plan.target(t)
        uid, ind_name = plan.target_uid(t), plan.indicator(i)[1]
        d = m // 10
        name = f"{ind_name}{year}年目标"
        yield mention(uid, name, d)
        yield _edge("SETS", plan.measure(m)[0], uid, doc(d), f"到{year}年，{ind_name}达到预期目标。")
        yield _edge("OF_INDICATOR", uid, plan.indicator(i)[0], doc(d), f"到{year}年，{ind_name}达到预期目标。")
        scope = plan.district_uid("city", index) if kind == "district" else plan.chain_uid(index)
        yield _edge("FOR", uid, scope, doc(d), f"到{year}年，{ind_name}达到预期目标。")


def build_graph(scale: float = 0.001, seed: int = 0) -> Graph:
    """The generated graph as a :class:`Graph` (checked against the model; for small scales)."""
    return Graph.from_dict({"nodes": iter_nodes(scale, seed), "edges": iter_edges(scale, seed)})
