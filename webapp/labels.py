"""Chinese names of everything the model names in English, each label's colour, and how values are shown.

The viewer's users read Chinese; the model's identifiers (labels, relationship types, property
keys, coded values, merge rules) stay English (MODEL.md) and so do the API's field names, so every
page translates them here, in one place, and shows numbers through :func:`shown_number` (250, not
250.0). Colours are shared by highlights, badges and the graph views so that a type looks the same
everywhere.
"""

from __future__ import annotations

from typing import Any

from chainkg.graph.model import LABELS
from chainkg.queries.region import LEVEL_ZH

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

#: A node's properties as the node page names them (any label; keys not here are shown as they are).
PROP_ZH: dict[str, str] = {
    "title": "标题",
    "path": "文件路径",
    "format": "文件格式",
    "kind": "类型",
    "sha256": "SHA-256 校验值",
    "date": "日期",
    "docNumber": "文号",
    "period": "期限",
    "status": "状态",
    "code": "编号",
    "text": "正文",
    "policy": "所属政策",
    "level": "层级",
    "category": "类别",
    "position": "位置",
    "order": "顺序",
    "chain": "所属产业链",
    "tags": "标签",
    "investment": "投资额",
    "investmentUnit": "投资额单位",
    "area": "用地（亩）",
    "capacity": "产能",
    "unit": "单位",
    "value": "数值",
    "year": "年份",
    "comparator": "比较",
    "count": "提及次数",
    "scope": "所指地区",
    # an imported firm list's columns (loaders/firm_columns.toml)
    "credit_code": "统一社会信用代码",
    "legal_representative": "法定代表人",
    "registered_capital": "注册资本（万元）",
    "registered_capital_text": "注册资本（原文）",
    "registered_capital_currency": "注册资本币种",
    "founded": "成立日期",
    "company_type": "企业类型",
    "industry": "所属行业",
    "business_scope": "经营范围",
    "province": "省份",
    "city": "城市",
    "county": "区县",
    "import_sources": "导入来源",
}

#: Coded property values (MODEL.md) in Chinese, by property key; other values are shown as stored.
VALUE_ZH: dict[str, dict[str, str]] = {
    "level": {"national": "国家", **LEVEL_ZH},
    "kind": {
        "policy": "政策文件",
        "news": "新闻",
        "other": "其他",
        "firm_table": "企业名单（导入）",
        "target": "目标",
        "actual": "实际",
    },
    "position": POSITION_ZH,
    "category": CATEGORY_ZH,
    "comparator": COMPARATOR_ZH,
}

#: Why an alias was merged into a node (the rule names the loaders record in ``mergedBy``).
RULE_ZH: dict[str, str] = {
    "same-name": "同名",
    "same-alias": "别名相同",
    "same-uid": "同一编号",
    "same-identity-key": "同一识别键",
    "same-document-alias": "同一文件内的简称",
    "enterprise-short-name": "企业简称",
    "legal-name-short-form": "企业名称的简称",
    "defined-short-name": "文中约定的简称",
    "defined-abbreviation": "文中约定的缩写",
    "short-form": "简称",
    "scope-reference": "指代本地（“全市”“本区”等）",
    "scope-abbreviation": "省略地名的部门简称",
    "industry-vocabulary": "产业名称词表",
    "group-of-task-force": "专班的工作组",
    "without-period": "去掉年限的名称",
    "with-status": "带“征求意见稿”等状态的名称",
    "notice-title": "印发通知的标题",
    "notice-inner-title": "通知所印发文件的标题",
    "same-plan": "同一方案",
    "restated": "复述的指标名",
    "focus-area": "重点区域",
    "measure-place": "举措所在地",
    "back-reference": "前文指代",
}

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


def prop_name(key: str) -> str:
    """The Chinese name of a property key (the key itself when it has none)."""
    return PROP_ZH.get(key, key)


def shown_number(value: Any) -> Any:
    """A whole number without ``.0`` (250.0 → 250); other values unchanged. Jinja filter ``num``."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def shown_value(key: str, value: Any) -> str:
    """A property value as a page shows it: coded values in Chinese, lists joined by 、, whole numbers bare."""
    if isinstance(value, list | tuple):
        return "、".join(shown_value(key, v) for v in value)
    value = shown_number(value)
    return VALUE_ZH.get(key, {}).get(value, str(value)) if isinstance(value, str) else str(value)


def merged_by(entry: str) -> str:
    """``别名 ⇐ rule`` with the rule in Chinese (the model stores ``alias ⇐ rule-name``)."""
    alias, _, rule = entry.rpartition(" ⇐ ")
    return f"{alias}（{RULE_ZH.get(rule, rule)}）" if alias else entry


def graph_names() -> dict[str, Any]:
    """What a graph view's legend and filters show, for its script: each label's Chinese name and colour,
    each relationship type's Chinese name (as read from its start)."""
    return {
        "labels": {label: {"name": LABEL_ZH[label], "colour": LABEL_COLOUR[label]} for label in LABELS},
        "types": {rel_type: names[0] for rel_type, names in REL_ZH.items()},
    }


def template_globals() -> dict[str, Any]:
    return {
        "prop_name": prop_name,
        "shown_value": shown_value,
        "merged_by": merged_by,
        "LABEL_ZH": LABEL_ZH,
        "LABEL_COLOUR": LABEL_COLOUR,
        "POSITION_ZH": POSITION_ZH,
        "CATEGORY_ZH": CATEGORY_ZH,
        "COMPARATOR_ZH": COMPARATOR_ZH,
        "rel_name": rel_name,
        "graph_names": graph_names,
        "LABELS": LABELS,
    }
