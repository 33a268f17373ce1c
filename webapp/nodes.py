"""The node page (properties, aliases, relationships with evidence) and the document page."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from flask import Blueprint, abort

from chainkg.webapp.highlight import pieces
from chainkg.webapp.labels import LABEL_ZH, rel_name
from chainkg.webapp.store_holder import run_query
from chainkg.webapp.twins import twin

bp = Blueprint("nodes", __name__)
NEIGHBOUR_LIMIT = 1000


@twin(bp, "/nodes/<uid>", "/api/nodes/<uid>", "node.html")
def node(uid: str) -> dict[str, Any]:
    found = run_query("node", {"uid": uid})
    if not found:
        abort(404, description=f"没有编号为 {uid} 的节点 / no node {uid!r}")
    rows = run_query("neighbourhood", {"uid": uid, "limit": NEIGHBOUR_LIMIT + 1})
    groups = []
    for (rel_type, direction), members in groupby(rows[:NEIGHBOUR_LIMIT], key=lambda r: (r["type"], r["direction"])):
        items = list(members)
        groups.append(
            {"type": rel_type, "direction": direction, "title": rel_name(rel_type, direction), "relations": items}
        )
    return {
        "node": found[0],
        "label_zh": LABEL_ZH.get(found[0]["label"], found[0]["label"]),
        "groups": groups,
        "truncated": len(rows) > NEIGHBOUR_LIMIT,
    }


@twin(bp, "/documents/<uid>", "/api/documents/<uid>", "document.html")
def document(uid: str) -> dict[str, Any]:
    found = run_query("document", {"uid": uid})
    if not found:
        abort(404, description=f"没有编号为 {uid} 的文档 / no document {uid!r}")
    mentions = run_query("document_mentions", {"uid": uid})
    doc = found[0]
    return {"document": doc, "mentions": mentions, "pieces": pieces(doc["text"] or "", mentions)}
