"""Chinese names of labels, relationship types and link positions, and each label's colour.

The viewer's users read Chinese; the model's identifiers stay English (MODEL.md), so every
page translates them here, in one place. Colours are shared by highlights, badges and the
graph views so that a type looks the same everywhere.
"""

from __future__ import annotations

from typing import Any

from chainkg.graph.model import LABELS

LABEL_ZH: dict[str, str] = {
    "Document": "文档",
    "Policy": "政策",
    "Measure": "举措",
    "Department": "部门",
    "District": "区域",
    "IndustryChain": "产业链",
    "Cluster": "产业集群",
    "ChainSegment": "环节",
    "Product": "产品",
    "Enterprise": "企业",
    "Platform": "平台",
    "Institute": "科研机构",
    "Project": "项目",
    "Indicator": "指标",
    "Target": "目标",
}

#: Relationship names read from the start node (out) and from the end node (in).
REL_ZH: dict[str, tuple[str, str]] = {
    "MENTIONED_IN": ("出现于文档", "提及"),
    "CITES": ("引用", "被引用"),
    "ISSUED_BY": ("发文单位", "发布的政策"),
    "PART_OF": ("隶属于", "包含"),
    "LED_BY": ("牵头单位", "牵头的举措"),
    "INVOLVES": ("责任单位", "参与的举措"),
    "MEMBER_OF": ("所属专班", "成员单位"),
    "SUPPORTS": ("支持产业链", "支持举措"),
    "APPLIES_TO": ("适用区域", "适用的举措"),
    "SETS": ("设定目标", "设定者"),
    "OF_INDICATOR": ("指标", "目标值"),
    "FOR": ("目标对象", "相关目标"),
    "OWNED_BY": ("责任部门", "负责的指标"),
    "DEVELOPED_IN": ("发展区域", "发展的产业"),
    "HOSTS": ("承载产业链", "承载平台"),
    "LOCATED_IN": ("位于", "所在主体"),
    "CHAIN_OWNER_OF": ("链主", "链主企业"),
    "IN_CHAIN": ("所属产业链", "链上企业/项目"),
    "IN_SEGMENT": ("所属环节", "环节企业"),
    "HAS_SEGMENT": ("环节", "所属产业链"),
    "UPSTREAM_OF": ("下游环节", "上游环节"),
    "INCLUDES": ("产品", "所属环节"),
    "MAKES": ("生产", "生产企业"),
    "ACQUIRED": ("并购", "被并购于"),
    "INVESTS_IN": ("投资项目", "投资方"),
}

#: How a target's comparator reads in front of its value (MODEL.md: >=, >, <=, =, about).
COMPARATOR_ZH: dict[str, str] = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "", "about": "约"}

POSITION_ZH: dict[str, str] = {"upstream": "上游", "midstream": "中游", "downstream": "下游"}

#: A chain's category as plans name it (the loaders store English: 孵化型 / 培育 is ``incubating``).
CATEGORY_ZH: dict[str, str] = {"emerging": "新兴", "traditional": "传统", "future": "未来", "incubating": "培育"}

LABEL_COLOUR: dict[str, str] = {
    "Document": "#7f8c8d",
    "Policy": "#8e44ad",
    "Measure": "#9b59b6",
    "Department": "#2c3e50",
    "District": "#16a085",
    "IndustryChain": "#c0392b",
    "Cluster": "#d35400",
    "ChainSegment": "#e67e22",
    "Product": "#f1c40f",
    "Enterprise": "#2980b9",
    "Platform": "#27ae60",
    "Institute": "#1abc9c",
    "Project": "#e84393",
    "Indicator": "#6c5ce7",
    "Target": "#a29bfe",
}


def rel_name(rel_type: str, direction: str) -> str:
    """The Chinese name of a relationship as seen from one end (``out`` or ``in``)."""
    out_name, in_name = REL_ZH.get(rel_type, (rel_type, rel_type))
    return out_name if direction == "out" else in_name


def template_globals() -> dict[str, Any]:
    return {
        "LABEL_ZH": LABEL_ZH,
        "LABEL_COLOUR": LABEL_COLOUR,
        "POSITION_ZH": POSITION_ZH,
        "CATEGORY_ZH": CATEGORY_ZH,
        "COMPARATOR_ZH": COMPARATOR_ZH,
        "rel_name": rel_name,
        "LABELS": LABELS,
    }
