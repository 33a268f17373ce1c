"""Home page (the chains) and the chain map of one chain, on screen and as SVG."""

from __future__ import annotations

from collections import Counter
from typing import Any

from flask import Blueprint, Response, abort, render_template, request

from chainkg.webapp.chain_layout import layered
from chainkg.webapp.chain_svg import geometry
from chainkg.webapp.downloads import attachment
from chainkg.webapp.store_holder import get_store, run_query
from chainkg.webapp.twins import twin

bp = Blueprint("chains", __name__)


@twin(bp, "/", "/api/overview", "index.html")
def overview() -> dict[str, Any]:
    return {"chains": run_query("chain_list"), "counts": get_store().counts()}


def _matches(firm: dict[str, Any], district: str, platform: str) -> bool:
    in_district = not district or any(district in (d["uid"], d["name"]) for d in firm["districts"])
    on_platform = not platform or any(platform in (p["uid"], p["name"]) for p in firm["platforms"])
    return in_district and on_platform


def _distribution(firms: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """Firms per district (or platform): the regional distribution (区域分布), most firms first."""
    counts: Counter[tuple[str, str]] = Counter()
    for firm in firms:
        for place in firm[key]:
            counts[(place["uid"], place["name"])] += 1
    return [
        {"uid": uid, "name": name, "firms": n}
        for (uid, name), n in sorted(counts.items(), key=lambda item: (-item[1], item[0][1], item[0][0]))
    ]


def chain_map_data(key: str, district: str = "", platform: str = "") -> dict[str, Any]:
    """Everything the chain map shows: layered links with firms, carriers, distribution, measures, targets."""
    rows = run_query("chain_map", {"chain": key})
    if not rows:
        abort(404, description=f"没有名称或编号为 {key} 的产业链 / no industry chain {key!r}")
    chain_uid = rows[0]["chain_uid"]
    rows = [r for r in rows if r["chain_uid"] == chain_uid]
    firms = run_query("chain_firms", {"chain": chain_uid})
    carriers = run_query("chain_carriers", {"chain": chain_uid})
    shown = [f for f in firms if _matches(f, district, platform)]
    layout = layered(rows, shown)
    segments = [s for c in layout["columns"] for s in c["segments"]]
    return {
        "chain": {"uid": chain_uid, "name": rows[0]["chain"], "category": rows[0]["category"]},
        "filters": {"district": district, "platform": platform},
        "counts": {
            "firms": len(shown),
            "firms_total": len(firms),
            "owners": sum(1 for f in shown if f["owner"]),
            "segments": len(segments),
            "gaps": sum(1 for s in segments if s["gap"]),
        },
        **layout,
        "carriers": {
            "platforms": [c for c in carriers if c["label"] == "Platform"],
            "districts": [c for c in carriers if c["label"] == "District"],
        },
        "distribution": {
            "districts": _distribution(firms, "districts"),
            "platforms": _distribution(firms, "platforms"),
        },
        "measures": run_query("policies_measures", {"chain": chain_uid}),
        "targets": run_query("targets", {"chain": chain_uid}),
        "projects": run_query("projects", {"chain": chain_uid}),
    }


@twin(bp, "/chains/<key>", "/api/chains/<key>", "chain_map.html")
def chain_map(key: str) -> dict[str, Any]:
    return chain_map_data(key, request.args.get("district", ""), request.args.get("platform", ""))


@bp.get("/chains/<key>/map.svg")
def chain_map_svg(key: str) -> Response:
    """The printable chain map; ``?download=1`` sends it as a file."""
    data = chain_map_data(key, request.args.get("district", ""), request.args.get("platform", ""))
    svg = render_template("chain_map.svg", m=geometry(data["chain"], data, data["carriers"]))
    response = Response(svg, mimetype="image/svg+xml")
    if request.args.get("download"):
        response.headers["Content-Disposition"] = attachment(f"{data['chain']['name']}-产业链图.svg", "chain-map.svg")
    return response
