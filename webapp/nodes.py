"""The node page (properties, aliases, relationships with evidence) and the document page."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from flask import Blueprint, abort, request

from chainkg.webapp.highlight import pieces
from chainkg.webapp.labels import LABEL_ZH, rel_name
from chainkg.webapp.paging import page_of
from chainkg.webapp.store_holder import run_query
from chainkg.webapp.titles import titled
from chainkg.webapp.twins import twin

bp = Blueprint("nodes", __name__)
NEIGHBOUR_LIMIT = 1000
#: Relations of one type shown at a time; a group longer than :data:`FOLD_AT` starts folded.
RELATION_PAGE = 50
FOLD_AT = 10


@twin(bp, "/nodes/<uid>", "/api/nodes/<uid>", "node.html")
def node(uid: str) -> dict[str, Any]:
    """The node and its relations grouped by type and direction, each group a page at a time: the first page of
    every group, or (``?rel=TYPE:out&page=N``) one page of one group."""
    found = run_query("node", {"uid": uid})
    if not found:
        abort(404, description=f"没有编号为 {uid} 的节点 / no node {uid!r}")
    rows = titled(run_query("neighbourhood", {"uid": uid, "limit": NEIGHBOUR_LIMIT + 1}))
    only = request.args.get("rel", "")
    groups = []
    for (rel_type, direction), members in groupby(rows[:NEIGHBOUR_LIMIT], key=lambda r: (r["type"], r["direction"])):
        key = f"{rel_type}:{direction}"
        if only and key != only:
            continue
        shown, paging = page_of(list(members), RELATION_PAGE, None if key == only else 1)
        groups.append(
            {
                "type": rel_type,
                "direction": direction,
                "key": key,
                "title": rel_name(rel_type, direction),
                "count": paging["total"],
                "folded": paging["total"] > FOLD_AT and key != only,
                "paging": paging,
                "relations": shown,
            }
        )
    props = dict(found[0]["props"])
    return {
        "node": found[0],
        "title": props.get("title") if found[0]["label"] == "Document" else None,
        "label_zh": LABEL_ZH.get(found[0]["label"], found[0]["label"]),
        "groups": groups,
        "only": only,
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
