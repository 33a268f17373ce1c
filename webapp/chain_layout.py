"""The layered layout of a chain map: links in columns from upstream (left) to downstream (right).

Chinese chain maps (产业链图) read 上游 → 中游 → 下游. A link's column is its ``position``;
links without one are placed after the positioned ones. Inside a column, links follow their
``order``, then their depth along UPSTREAM_OF (longest path from a link with no upstream), then
name. When no link has a position but UPSTREAM_OF orders them, the depth itself gives the
columns. Firms hang under their links (placed by :mod:`chainkg.queries.placement`, each with its
reason). A link's state: ``firms`` when a firm (after the district / platform filter) is on it,
``unknown`` (待梳理, grey) when none is known, ``stated_gap`` (red) when a document names it a gap,
``confirmed_gap`` (red) when none is on it although the region's firm list is imported
(:func:`chainkg.queries.placement.link_state`).
Template links (origin 模板) sit among the documents' links by the template's order.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from chainkg.queries.placement import link_state
from chainkg.webapp.labels import POSITION_ZH

POSITIONS = ("upstream", "midstream", "downstream")


def _depths(segments: list[dict[str, Any]]) -> dict[str, int]:
    """Longest-path depth of each link along UPSTREAM_OF; links on a cycle keep the depth reached so far."""
    uids = {s["uid"] for s in segments}
    downstream = {s["uid"]: [d for d in s["downstream"] if d in uids] for s in segments}
    indegree = {u: 0 for u in uids}
    for targets in downstream.values():
        for d in targets:
            indegree[d] += 1
    depth = {u: 0 for u in uids}
    ready = sorted(u for u in uids if indegree[u] == 0)
    while ready:
        uid = ready.pop()
        for d in downstream[uid]:
            depth[d] = max(depth[d], depth[uid] + 1)
            indegree[d] -= 1
            if indegree[d] == 0:
                ready.append(d)
    return depth


def _firm_sort_key(firm: dict[str, Any]) -> tuple[Any, ...]:
    return (not firm["owner"], firm["name"], firm["uid"])


def _link_sort_key(seg: dict[str, Any]) -> tuple[Any, ...]:
    """Template order where the link has one (so template links fall between the documents'), else its own order."""
    order = seg.get("template_order") if seg.get("template_order") is not None else seg["order"]
    return (order is None, order or 0, seg.get("origin") != "文件", seg["depth"], seg["name"], seg["uid"])


def layered(segments: list[dict[str, Any]], firms: list[dict[str, Any]]) -> dict[str, Any]:
    """Columns of links with their firms, and the chain's firms that are on no link.

    ``segments`` are the links of :func:`chainkg.webapp.chains.map_links` (``uid`` is the link's key,
    a ChainSegment uid or ``template:…``), ``firms`` are ``chain_firms`` rows (already filtered) whose
    ``segments`` are their placements.
    """
    segments = [s for s in segments if s["uid"]]
    depth = _depths(segments)
    by_segment: dict[str, list[dict[str, Any]]] = defaultdict(list)
    unplaced = []
    for firm in firms:
        for seg in firm["segments"]:
            by_segment[seg["uid"]].append(firm)
        if not firm["segments"]:
            unplaced.append(firm)
    positioned = any(s["position"] in POSITIONS for s in segments)
    columns: dict[str, dict[str, Any]] = {}

    def column_of(seg: dict[str, Any]) -> dict[str, Any]:
        if seg["position"] in POSITIONS:
            key, title, rank = seg["position"], POSITION_ZH[seg["position"]], POSITIONS.index(seg["position"])
        elif positioned:
            key, title, rank = "unplaced", "未标注上中下游", len(POSITIONS)
        else:
            key, title, rank = f"depth-{depth[seg['uid']]}", f"第 {depth[seg['uid']] + 1} 层", depth[seg["uid"]]
        return columns.setdefault(key, {"key": key, "title": title, "rank": rank, "segments": []})

    for seg in segments:
        members = sorted(by_segment.get(seg["uid"], []), key=_firm_sort_key)
        state = link_state(members, seg.get("stated_gaps") or [], bool(seg.get("firm_list")))
        column_of(seg)["segments"].append(
            {
                **seg,
                "uid": seg["uid"],
                "name": seg["name"],
                "position": seg["position"],
                "order": seg["order"],
                "depth": depth[seg["uid"]],
                "products": seg["products"],
                "downstream": seg["downstream"],
                "firms": members,
                "firm_count": len(members),
                "owners": [f for f in members if f["owner"]],
                "state": state,
                "reasons": {f["uid"]: next(p for p in f["segments"] if p["uid"] == seg["uid"]) for f in members},
            }
        )
    ordered = sorted(columns.values(), key=lambda c: c["rank"])
    for column in ordered:
        column["segments"].sort(key=_link_sort_key)
        del column["rank"]
    return {"columns": ordered, "unplaced": sorted(unplaced, key=_firm_sort_key)}
