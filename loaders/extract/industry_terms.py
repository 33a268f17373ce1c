"""A general vocabulary of Chinese industry names and their synonyms.

Chain maps are drawn per industry, and documents name one industry many ways
(化妆品 / 美妆 / 时尚美妆). This table maps the common surface forms of the
industries Chinese cities plan for onto one canonical name; forms not listed
are still found by their structure (lists ending in 产业链/产业/行业, see
:mod:`chainkg.loaders.extract.industries`). It is a vocabulary of the trade, not of any corpus.
"""

from __future__ import annotations

#: canonical name -> other names of the same industry.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "美妆": ("化妆品", "时尚美妆", "美妆日化", "国产美妆"),
    "智能物流装备": ("智慧物流装备", "现代物流装备"),
    "高档数控机床": ("中高档数控机床", "数控机床"),
    "新能源汽车": ("新能源汽车（三电系统）", "新能源汽车(三电系统)"),
    "集成电路": ("芯片",),
    "生物医药": ("生物医药（美妆）",),
    "健康座椅": ("办公座椅",),
    "羽绒服": ("羽绒",),
    "箱包": ("旅行箱包",),
    "墙材": ("新型墙体材料", "墙体材料"),
}

#: Industries named alone in running text (long or unambiguous enough to need no 产业 suffix).
#: Economy-wide aggregates (数字经济, a statistical scope over all industries) are no chain and not listed.
STRONG_TERMS: tuple[str, ...] = (
    "新一代信息技术",
    "集成电路",
    "半导体及光电",
    "半导体",
    "泛半导体",
    "光电通信",
    "光伏",
    "新能源汽车",
    "汽车电子",
    "动力电池",
    "新能源储能",
    "锂电池",
    "氢能",
    "生物医药",
    "医疗器械",
    "高端装备制造",
    "高端装备",
    "智能装备",
    "智能物流装备",
    "物流装备",
    "工程机械",
    "高档数控机床",
    "数控机床",
    "工业机器人",
    "新材料",
    "合金新材",
    "功能性膜材料",
    "电子化学品",
    "航空航天",
    "地理信息",
    "时空信息",
    "人工智能",
    "软件和信息服务",
    "节能环保",
    "童装",
    "羽绒服",
    "箱包",
    "化妆品",
    "美妆",
    "绿色家居",
    "家装木业",
    "绿色木业",
    "健康椅业",
    "健康座椅",
    "纺织面料",
    "现代纺织与服装",
    "丝绸",
    "印染",
    "水泥",
    "铸造",
    "墙材",
    "新型墙体材料",
    "墙体材料",
    "电梯",
    "智能汽车及关键零部件",
    "光学电子",
    "新型显示",
    "精细化工",
    "船舶与海工装备",
    "轨道交通装备",
    "新能源",
    "低空经济",
    "元宇宙",
    "预制菜",
    "茶产业",
)

#: Short or ambiguous industries, counted only with a suffix (服装产业, 汽车产业链) or in an industry list.
WEAK_TERMS: tuple[str, ...] = (
    "智能网联汽车",
    "汽车零部件",
    "汽车",
    "机床",
    "纺织",
    "服装",
    "家具",
    "建材",
    "椅业",
    "木业",
    "化工",
    "钢铁",
    "电子",
    "食品",
    "医药",
    "能源",
    "储能",
    "光电",
    "通信",
    "装备",
    "物流",
    "家电",
    "五金",
    "塑料",
    "造纸",
    "皮革",
)

#: Modifiers that do not change which industry is meant (时尚童装 is the 童装 industry).
NEUTRAL_PREFIXES: tuple[str, ...] = ("时尚", "国产", "传统", "特色")


def canonical(term: str) -> str:
    """The canonical name of an industry surface form (itself when unknown)."""
    return _CANONICAL.get(term, term)


_CANONICAL: dict[str, str] = {alias: name for name, aliases in SYNONYMS.items() for alias in aliases}
