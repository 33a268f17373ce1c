"""Explore around a node (vis-network: expand on click, drag, zoom) and export that subgraph."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from flask import Blueprint, Response, abort, current_app, render_template, request

from chainkg.webapp.downloads import attachment
from chainkg.webapp.store_holder import get_store
from chainkg.webapp.subgraph import graphml, subgraph, vis_data
from chainkg.webapp.titles import titled
from chainkg.webapp.twins import twin

bp = Blueprint("explore", __name__)


def _subgraph(uid: str, default_depth: int = 1) -> dict[str, Any]:
    try:
        depth = min(3, max(1, int(request.args.get("depth", default_depth))))
    except ValueError:
        abort(400, description="depth 必须是 1 到 3 的整数 / depth must be an integer 1-3")
    with_mentions = request.args.get("mentions", "") == "1"
    sub = subgraph(get_store(), uid, depth, current_app.config["EXPLORE_NODE_LIMIT"], with_mentions)
    if not sub:
        abort(404, description=f"没有编号为 {uid} 的节点 / no node {uid!r}")
    return {**sub, "nodes": titled(sub["nodes"])}


@twin(bp, "/explore/<uid>", "/api/explore/<uid>", "explore.html")
def explore(uid: str) -> dict[str, Any]:
    sub = _subgraph(uid)
    center = next(n for n in sub["nodes"] if n["uid"] == uid)
    return {"center": center, "depth": request.args.get("depth", "1"), "graph": vis_data(sub)}


@bp.get("/export/<uid>.graphml")
def export_graphml(uid: str) -> Response:
    response = Response(graphml(_subgraph(uid)), mimetype="application/graphml+xml")
    response.headers["Content-Disposition"] = attachment(f"{uid}.graphml", f"{uid}.graphml")
    return response


@bp.get("/export/<uid>.html")
def export_html(uid: str) -> Response:
    """One HTML file with vis-network and the data inside: it opens offline, anywhere."""
    sub = _subgraph(uid)
    vendor = files("webapp") / "static" / "vendor"
    center = next(n for n in sub["nodes"] if n["uid"] == uid)
    page = render_template(
        "standalone.html",
        center=center,
        graph=vis_data(sub),
        vis_js=(vendor / "vis-network.min.js").read_text(encoding="utf-8"),
        vis_css=(vendor / "vis-network.min.css").read_text(encoding="utf-8"),
    )
    response = Response(page, mimetype="text/html")
    response.headers["Content-Disposition"] = attachment(f"{center['name']}-子图.html", f"{uid}.html")
    return response
