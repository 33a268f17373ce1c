"""Pages and their JSON twins."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, render_template

from webapp import get_store

bp = Blueprint("views", __name__)


def _overview() -> dict[str, Any]:
    graph = get_store().read()
    chains = sorted(graph.by_label("IndustryChain"), key=lambda n: n.name)
    degree: dict[str, int] = {}
    for edge in graph.edges.values():
        if edge.type != "MENTIONED_IN":
            for uid in (edge.start, edge.end):
                degree[uid] = degree.get(uid, 0) + 1
    return {
        "counts": graph.counts(),
        "chains": [{"uid": c.uid, "name": c.name, "links": degree.get(c.uid, 0)} for c in chains],
    }


@bp.get("/")
def index() -> str:
    return render_template("index.html", **_overview())


@bp.get("/api/overview")
def api_overview() -> Any:
    return jsonify(_overview())
