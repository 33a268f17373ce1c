"""A subgraph around one node (breadth-first over its relationships), and its export forms.

The explore view, the GraphML export and the standalone HTML page all take the same subgraph,
so what a user sees is what they download. A node limit keeps a hub (a chain with 2,000
firms) from flooding the view; MENTIONED_IN links to documents are left out unless asked for,
since every node has them.
"""

from __future__ import annotations

import io
from typing import Any

import networkx as nx

from chainkg import queries
from chainkg.graph.store import GraphStore
from chainkg.webapp.labels import LABEL_COLOUR, LABEL_ZH, rel_name


def subgraph(store: GraphStore, uid: str, depth: int, node_limit: int, with_mentions: bool = False) -> dict[str, Any]:
    """``{"center", "nodes": [{uid, label, name}], "edges": [{type, start, end, evidence, document}], "truncated"}``."""
    center = queries.run(store, "node", {"uid": uid})
    if not center:
        return {}
    nodes = {uid: {"uid": uid, "label": center[0]["label"], "name": center[0]["name"]}}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    frontier, truncated = [uid], False
    for _ in range(max(0, depth)):
        nxt = []
        for current in frontier:
            for row in queries.run(store, "neighbourhood", {"uid": current, "limit": node_limit + 1}):
                if row["type"] == "MENTIONED_IN" and not with_mentions:
                    continue
                if row["uid"] not in nodes:
                    if len(nodes) >= node_limit:
                        truncated = True
                        continue
                    nodes[row["uid"]] = {"uid": row["uid"], "label": row["label"], "name": row["name"]}
                    nxt.append(row["uid"])
                start, end = (current, row["uid"]) if row["direction"] == "out" else (row["uid"], current)
                first = row["evidence"][0] if row["evidence"] else {}
                edges[(row["type"], start, end)] = {
                    "type": row["type"],
                    "start": start,
                    "end": end,
                    "evidence": first.get("evidence"),
                    "document": first.get("document"),
                }
        frontier = nxt
    return {
        "center": uid,
        "nodes": [nodes[k] for k in sorted(nodes)],
        "edges": [edges[k] for k in sorted(edges)],
        "truncated": truncated,
    }


def vis_data(sub: dict[str, Any]) -> dict[str, Any]:
    """Nodes and edges in vis-network's form; titles are plain strings, which vis-network shows as text."""
    return {
        "center": sub["center"],
        "nodes": [
            {
                "id": n["uid"],
                "label": n["name"] if len(n["name"]) <= 16 else n["name"][:15] + "…",
                "title": f"{n['name']}（{LABEL_ZH.get(n['label'], n['label'])}）",
                "color": LABEL_COLOUR.get(n["label"], "#999"),
                "group": n["label"],
            }
            for n in sub["nodes"]
        ],
        "edges": [
            {
                "id": f"{e['type']}|{e['start']}|{e['end']}",
                "from": e["start"],
                "to": e["end"],
                "label": rel_name(e["type"], "out"),
                "type": e["type"],
                "title": e["evidence"] or rel_name(e["type"], "out"),
                "arrows": "to",
            }
            for e in sub["edges"]
        ],
        "truncated": sub["truncated"],
        # vis-network colours a node by its group, over its own colour: each label's group gets the label's colour
        "groups": {label: {"color": colour} for label, colour in LABEL_COLOUR.items()},
    }


def graphml(sub: dict[str, Any]) -> bytes:
    """GraphML (for Gephi, yEd, Cytoscape): node label/name, edge type/evidence/document."""
    graph = nx.MultiDiGraph()
    for n in sub["nodes"]:
        graph.add_node(n["uid"], label=n["label"], name=n["name"])
    for e in sub["edges"]:
        graph.add_edge(
            e["start"],
            e["end"],
            key=e["type"],
            type=e["type"],
            evidence=e["evidence"] or "",
            document=e["document"] or "",
        )
    out = io.BytesIO()
    nx.write_graphml(graph, out, encoding="utf-8")
    return out.getvalue()
