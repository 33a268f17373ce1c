"""招商目标清单: for each gap link of a region's chain map, the firms elsewhere that make its products, ranked.

A 招商 team asks which firms to go and attract to fill which link, and why. The answer is built from
the chain's picture (:func:`chainkg.queries.placement.chain_picture`), so a lead is placed on a link by
the very rule that places a local firm on the map:

- **gap links** of the chosen region: the links of its map no local firm is on (``unknown`` 待梳理,
  ``confirmed_gap`` 已导入企业名单但本地无企业) and those its documents call weak (``stated_gap``);
- **candidates**: the ``chain_leads`` rows (firms tied to the chain by other regions' documents, firms
  making one of its products, imported firms whose 经营范围 or 所属行业 holds one of its words) that are
  not in the region (:mod:`chainkg.queries.region`; a firm of no known place counts as elsewhere);
- one lead per (firm, gap link) the firm is placed on.

**Score** (:func:`score`), the sum of: how it is placed (:data:`REASON_POINTS`: a document or a product
says it, more than a business scope, more than an industry or a keyword), more matched words (2 each, up
to 6), its tags (:data:`TAG_POINTS`: 链主, 龙头, 上市, 专精特新 …), its registered capital (5 per tenfold
万元, up to 20) and 10 when the region's documents call the link a 短板. The **reason** says all of it
in one line (:func:`reason`): ``经营范围含堆垛机 → 补 自动化立体仓库；专精特新；注册资本 5000万元；来源：导入行
企业名单.xlsx 第12行``. Order: score, then the link's order along the chain, then name and uid, so the
same graph always gives the same list.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from chainkg.queries.placement import GAP_STATES, ROW_REASONS, STATE_ZH, Placement, RunQuery, chain_picture
from chainkg.queries.region import Regions, scoped_picture
from chainkg.templates import ChainTemplate

#: How a firm is placed on the link, as points: what a document or a product says counts most.
REASON_POINTS = {"环节": 40, "产品": 40, "经营范围": 30, "所属行业": 15, "关键词": 10}
#: Tags a team looks for first, as points (a tag containing 龙头 counts as 龙头).
TAG_POINTS = {"链主": 25, "龙头": 20, "上市": 15, "专精特新小巨人": 15, "专精特新": 10, "高新技术企业": 5, "规上": 5}
STATED_GAP_POINTS = 10
WORD_POINTS, MAX_WORD_POINTS = 2, 6
CAPITAL_POINTS_PER_TENFOLD, MAX_CAPITAL_POINTS = 5, 20
SOURCE_TABLE, SOURCE_DOCUMENT = "导入行", "文件"

Row = dict[str, Any]


@dataclass(frozen=True)
class Lead:
    """One firm of another region for one gap link: its score and the reason in words."""

    uid: str
    name: str
    link: str
    link_name: str
    link_state: str
    position: str | None
    score: int
    reason: str
    placement: Placement
    tags: tuple[str, ...]
    registered_capital: float | None
    capital_text: str | None
    districts: tuple[str, ...]
    source_kind: str
    source: str | None
    source_title: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "name": self.name,
            "link": self.link,
            "link_name": self.link_name,
            "link_state": self.link_state,
            "link_state_zh": STATE_ZH[self.link_state],
            "position": self.position,
            "score": self.score,
            "reason": self.reason,
            "placement": self.placement.to_dict(),
            "tags": list(self.tags),
            "registered_capital": self.registered_capital,
            "capital_text": self.capital_text,
            "districts": list(self.districts),
            "source_kind": self.source_kind,
            "source": self.source,
            "source_title": self.source_title,
        }


#: A lead list's columns (key, header), on screen, in the exports and on the command line.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("rank", "序号"),
    ("name", "企业名称"),
    ("link_name", "补链环节"),
    ("link_state_zh", "环节现状"),
    ("score", "得分"),
    ("reason", "推荐理由"),
    ("tags", "标签"),
    ("capital_text", "注册资本"),
    ("districts", "所在地区"),
    ("source", "来源"),
    ("evidence", "依据原文"),
)


def cell(lead: dict[str, Any], key: str) -> Any:
    """One cell of a lead (:meth:`Lead.to_dict`, with its ``rank``) in the list: names joined, the source in words."""
    if key in ("tags", "districts"):
        return "、".join(lead[key])
    if key == "source":
        return f"{lead['source_kind']}：{lead['source_title'] or ''}".rstrip("：")
    if key == "evidence":
        return lead["placement"]["sentence"]
    return lead[key]


def _tag_points(tag: str) -> int:
    return TAG_POINTS.get(tag, TAG_POINTS["龙头"] if "龙头" in tag else 0)


def _capital_text(firm: Row) -> str | None:
    if firm.get("registered_capital_text"):
        return str(firm["registered_capital_text"])
    capital = firm.get("registered_capital")
    return f"{capital:g}万元" if isinstance(capital, int | float) else None


def score(placement: Placement, firm: Row, stated_gap: bool) -> int:
    """The lead's points (see the module docstring)."""
    points = REASON_POINTS[placement.reason]
    points += min(MAX_WORD_POINTS, WORD_POINTS * (len(placement.words) - 1))
    points += sum(_tag_points(t) for t in sorted(set(firm.get("tags") or [])))
    capital = firm.get("registered_capital")
    if isinstance(capital, int | float) and capital >= 1:
        points += min(MAX_CAPITAL_POINTS, round(CAPITAL_POINTS_PER_TENFOLD * math.log10(capital)))
    return points + (STATED_GAP_POINTS if stated_gap else 0)


def _what(p: Placement, link_name: str) -> str:
    words = "、".join(p.words)
    return {
        "环节": f"文件载明属{link_name}",
        "产品": f"生产{words}",
        "经营范围": f"经营范围含{words}",
        "所属行业": f"所属行业含{words}",
        "关键词": f"证据句含{words}",
    }[p.reason]


def _source(p: Placement, firm: Row) -> tuple[str, str | None, str | None]:
    """(kind, document uid, words naming it): the imported row for 经营范围 / 所属行业, else the document."""
    if p.reason in ROW_REASONS:
        table = next((t for t in firm.get("tables") or [] if t["uid"] == p.source), None)
        return SOURCE_TABLE, p.source, p.row or (table["title"] if table else None)
    titles = {s["uid"]: s["name"] for s in firm.get("sources") or []}
    uid = p.source if p.source in titles else next(iter(titles), None)
    return SOURCE_DOCUMENT, uid, titles.get(uid) if uid else None


def reason(p: Placement, firm: Row, link_name: str, stated_gap: bool) -> str:
    """The lead's reason in one line: what places it → the link it fills; tags; capital; source."""
    parts = [f"{_what(p, link_name)} → 补 {link_name}" + ("（文件所述短板）" if stated_gap else "")]
    tags = [t for t in sorted(set(firm.get("tags") or []), key=lambda t: (-_tag_points(t), t)) if _tag_points(t)]
    parts += tags
    capital = _capital_text(firm)
    if capital:
        parts.append(f"注册资本 {capital}")
    kind, _, title = _source(p, firm)
    parts.append(f"来源：{kind}" + (f" {title}" if kind == SOURCE_TABLE and title else f"《{title}》" if title else ""))
    return "；".join(parts)


def rank(pic: Row, scoped: Row, rg: Regions, region: str) -> list[Lead]:
    """The leads for the gap links of ``scoped`` (the picture for ``region``), best first."""
    gaps = [e for e in scoped["links"] if e["state"] in GAP_STATES]
    order = {e["link"].key: i for i, e in enumerate(scoped["links"])}
    leads: list[Lead] = []
    for firm in pic["candidates"]:
        if rg.contains(region, firm["uid"]):
            continue
        by_link = {p.link: p for p in pic["candidate_placements"][firm["uid"]]}
        for entry in gaps:
            link = entry["link"]
            p = by_link.get(link.key)
            if p is None:
                continue
            stated = entry["state"] == "stated_gap"
            kind, source, title = _source(p, firm)
            leads.append(
                Lead(
                    uid=firm["uid"],
                    name=firm["name"],
                    link=link.key,
                    link_name=link.name,
                    link_state=entry["state"],
                    position=link.position,
                    score=score(p, firm, stated),
                    reason=reason(p, firm, link.name, stated),
                    placement=p,
                    tags=tuple(firm.get("tags") or ()),
                    registered_capital=firm.get("registered_capital"),
                    capital_text=_capital_text(firm),
                    districts=tuple(d["name"] for d in firm.get("districts") or ()),
                    source_kind=kind,
                    source=source,
                    source_title=title,
                )
            )
    leads.sort(key=lambda lead: (-lead.score, order[lead.link], lead.name, lead.uid))
    return leads


def leads_for(pic: dict[str, Any], rg: Regions, region: str | None) -> dict[str, Any]:
    """The gap links of the chain picture ``pic`` (:func:`chainkg.queries.placement.chain_picture`) in ``region``
    and the leads for them. Without a region every firm is local, so there are no leads (``leads`` is empty)."""
    scoped = scoped_picture(pic, rg, region)
    gaps = [
        {
            "key": e["link"].key,
            "name": e["link"].name,
            "position": e["link"].position,
            "state": e["state"],
            "state_zh": STATE_ZH[e["state"]],
            "products": sorted(e["link"].product_names()),
        }
        for e in scoped["links"]
        if e["state"] in GAP_STATES
    ]
    return {
        "chain": pic["chain"],
        "firm_list": scoped["firm_list"],
        "gaps": gaps,
        "leads": rank(pic, scoped, rg, region) if region else [],
    }


def chain_leads(
    run: RunQuery, chain: str, templates: list[ChainTemplate], rg: Regions, region: str | None
) -> dict[str, Any] | None:
    """:func:`leads_for` the chain ``chain`` (uid, name or alias) on the store ``run`` queries; None if there is no
    such chain."""
    pic = chain_picture(run, chain, templates)
    return None if pic is None else leads_for(pic, rg, region)
