"""Home page (the chains) and the chain map of one chain, on screen and as SVG."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, render_template, request

from chainkg import settings
from chainkg.queries.leads import leads_for
from chainkg.queries.placement import ORIGIN_DOCUMENT, chain_picture
from chainkg.templates import ChainTemplate, load_templates
from chainkg.webapp import region
from chainkg.webapp.chain_layout import layered
from chainkg.webapp.chain_picker import ChainMissing
from chainkg.webapp.chain_svg import geometry
from chainkg.webapp.downloads import attachment
from chainkg.webapp.store_holder import get_store, run_query, store_stamp
from chainkg.webapp.twins import twin

bp = Blueprint("chains", __name__)


def _summary(chain: dict[str, Any]) -> dict[str, Any]:
    """One chain's line on the home page, counted from its map (the placement rule) in the chosen region."""
    whole = picture(chain["uid"])
    assert whole is not None
    pic = region.scoped(whole)
    links = pic["links"]
    template = pic["template"]
    return {
        **chain,
        "category": chain["category"] or (template.category if template else None),
        "mapped": pic["mapped"],
        "template": template.name if template else None,
        # the chain's firms: those the documents tie to it and those an imported list's words place on its links
        "firms": len(pic["placements"]),
        "owners": len(pic["owners"]),
        "links": len(links),
        "template_links": sum(1 for e in links if e["link"].origin != ORIGIN_DOCUMENT),
        "placed": len({uid for e in links for uid in e["firms"]}),
        "with_firms": sum(1 for e in links if e["state"] == "firms"),
        # the map's links without a known local firm or called weak (chain_list's gaps counts document links only)
        "gaps": sum(1 for e in links if e["state"] != "firms"),
        "unknown": sum(1 for e in links if e["state"] == "unknown"),
        "stated_gaps": sum(1 for e in links if e["state"] == "stated_gap"),
        "confirmed_gaps": sum(1 for e in links if e["state"] == "confirmed_gap"),
        "gap_sentences": [g for e in links for g in e["stated_gaps"][:1]],
    }


@twin(bp, "/", "/api/overview", "index.html")
def overview() -> dict[str, Any]:
    """The dashboard for the chosen region: chains ranked by its firms and gaps (from their maps), the top stated
    gaps, the documents loaded (those of the region, when one is chosen)."""
    chains = [_summary(c) for c in run_query("chain_list")]
    chains.sort(key=lambda c: (-c["firms"], -c["stated_gaps"], not c["mapped"], c["name"], c["uid"]))
    top_gaps = [{"chain": c["name"], "chain_uid": c["uid"], **g} for c in chains for g in c["gap_sentences"]][:10]
    # counts (nodes and relationships per type) stay in the API for scripts; the page no longer shows them
    documents = [d for d in run_query("documents") if region.contains(d["uid"])]
    return {"chains": chains, "top_gaps": top_gaps, "documents": documents, "counts": get_store().counts()}


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


@functools.cache
def _load_templates(folder: str | None) -> list[ChainTemplate]:
    return load_templates([Path(folder)] if folder else [])


def chain_templates() -> list[ChainTemplate]:
    """The bundled chain templates and those of the app's ``CHAIN_TEMPLATES`` folder (or ``CHAINKG_TEMPLATES``)."""
    folder = current_app.config.get("CHAIN_TEMPLATES") or settings.TEMPLATES.value()
    return _load_templates(str(folder) if folder else None)


def picture(key: str) -> dict[str, Any] | None:
    """The chain's links and its firms' placements (:func:`chainkg.queries.placement.chain_picture`), built once per
    store version (placing thousands of imported firms is not for every request); callers must not modify it."""
    return current_app.extensions["chainkg_cache"].get_or_compute(  # type: ignore[no-any-return]
        ("picture", key, store_stamp()), lambda: chain_picture(run_query, key, chain_templates())
    )


def placed_firms(pic: dict[str, Any]) -> list[dict[str, Any]]:
    """``chain_firms`` rows of the chain in the chosen region (and the imported firms its business-scope words
    place, as ``chain_leads`` rows), each a copy whose ``segments`` are its placements by the one rule."""
    names = {entry["link"].key: entry["link"].name for entry in pic["links"]}
    rows = run_query("chain_firms", {"chain": pic["chain"]["uid"]})
    tied = {r["uid"] for r in rows}
    rows = rows + [r for r in pic["candidates"] if r["uid"] in pic["placements"] and r["uid"] not in tied]
    firms = []
    for firm in rows:
        if not region.contains(firm["uid"]):
            continue
        placements = pic["placements"].get(firm["uid"], [])
        segments = [{**p.to_dict(), "uid": p.link, "name": names[p.link]} for p in placements]
        firms.append({**firm, "segments": segments})
    return sorted(firms, key=lambda f: (f["name"], f["uid"]))


def region_leads(whole: dict[str, Any]) -> dict[str, Any]:
    """The 招商 leads for the gaps of the chain picture ``whole`` in the chosen region
    (:func:`chainkg.queries.leads.leads_for`), once per store version: the map, the list and its exports share them."""
    chosen = region.chosen_uid()
    return current_app.extensions["chainkg_cache"].get_or_compute(  # type: ignore[no-any-return]
        ("leads", whole["chain"]["uid"], chosen, store_stamp()),
        lambda: leads_for(whole, region.regions(), chosen or None),
    )


#: Leads shown under a gap link of the map (the rest are on the 招商目标清单 page).
MAP_LEADS = 3


def map_links(pic: dict[str, Any], whole: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The picture's links as the layout takes them (``uid`` is the link's key; ``node`` its ChainSegment, if any),
    with the best 招商 leads of each gap link when a region is chosen (``whole``: the unscoped picture)."""
    best: dict[str, list[dict[str, Any]]] = {}
    counts: Counter[str] = Counter()
    if whole is not None and region.chosen_uid():
        for lead in region_leads(whole)["leads"]:
            counts[lead.link] += 1
            if counts[lead.link] <= MAP_LEADS:
                best.setdefault(lead.link, []).append(lead.to_dict())
    return [
        {
            "uid": entry["link"].key,
            "node": entry["link"].uid,
            "name": entry["link"].name,
            "origin": entry["link"].origin,
            "template_link": entry["link"].template_link,
            "template_order": entry["link"].template_order,
            "position": entry["link"].position,
            "order": entry["link"].order,
            "products": entry["link"].products,
            "downstream": entry["link"].downstream,
            "stated_gaps": entry["stated_gaps"],
            "firm_list": pic.get("firm_list", False),
            "leads": best.get(entry["link"].key, []),
            "lead_count": counts[entry["link"].key],
        }
        for entry in pic["links"]
    ]


#: The named queries of a chain map besides those of its picture, each run with ``{"chain": uid}``.
MAP_QUERIES = ("chain_firms", "chain_carriers", "policies_measures", "targets", "projects")


def map_rows(chain_uid: str) -> dict[str, list[dict[str, Any]]]:
    """The rows of the chain map's :data:`MAP_QUERIES` (shared by requests until the store changes)."""
    return {name: run_query(name, {"chain": chain_uid}) for name in MAP_QUERIES}


def warm_pictures() -> Iterator[str]:
    """Build every chain's picture (what the dashboard counts from and each map starts from), yielding each chain's
    uid when it is done. :meth:`StoreHolder.keep_warm` runs this in the background once the server listens, next to
    :func:`warm_map_rows`; a request for a picture being built joins that work.

    On Neo4j the first request of a chain map otherwise runs its nine queries cold while twenty colleagues wait
    (``python -m bench.viewer_load``). Warming stops once the query cache is three quarters full, so that it never
    pushes out what requests asked for.
    """
    yield from _each_chain(picture)


def warm_map_rows() -> Iterator[str]:
    """Gather every chain map's :data:`MAP_QUERIES` rows, yielding each chain's uid (see :func:`warm_pictures`)."""
    yield from _each_chain(map_rows)


def _each_chain(step: Callable[[str], object]) -> Iterator[str]:
    cache = current_app.extensions["chainkg_cache"]
    for chain in run_query("chain_list"):
        if len(cache) >= cache.size * 3 // 4:
            return
        step(chain["uid"])
        yield chain["uid"]


def chain_map_data(key: str, district: str = "", platform: str = "") -> dict[str, Any]:
    """Everything the chain map shows for the chosen region: layered links with its firms, carriers, distribution,
    measures, targets and projects."""
    whole = picture(key)
    if whole is None:
        raise ChainMissing(f"没有名称或编号为 {key} 的产业链 / no industry chain {key!r}")
    pic = region.scoped(whole)
    rows = map_rows(pic["chain"]["uid"])
    firms = placed_firms(pic)
    carriers = [c for c in rows["chain_carriers"] if region.contains(c["uid"])]
    shown = [f for f in firms if _matches(f, district, platform)]
    layout = layered(map_links(pic, whole), shown)
    segments = [s for c in layout["columns"] for s in c["segments"]]
    template = pic["template"]
    return {
        "chain": pic["chain"],
        "mapped": pic["mapped"],
        "template": {"name": template.name, "sources": list(template.sources)} if template else None,
        "region": region.chosen(),
        "filters": {"district": district, "platform": platform},
        "counts": {
            "firms": len(shown),
            "firms_total": len(firms),
            "owners": sum(1 for f in shown if f["owner"]),
            "segments": len(segments),
            "from_documents": sum(1 for s in segments if s["origin"] == ORIGIN_DOCUMENT),
            "with_firms": sum(1 for s in segments if s["state"] == "firms"),
            "unknown": sum(1 for s in segments if s["state"] == "unknown"),
            "stated_gaps": sum(1 for s in segments if s["state"] == "stated_gap"),
            "confirmed_gaps": sum(1 for s in segments if s["state"] == "confirmed_gap"),
        },
        "firm_list": pic["firm_list"],
        **layout,
        "carriers": {
            "platforms": [c for c in carriers if c["label"] == "Platform"],
            "districts": [c for c in carriers if c["label"] == "District"],
        },
        "distribution": {
            "districts": _distribution(firms, "districts"),
            "platforms": _distribution(firms, "platforms"),
        },
        "measures": [m for m in rows["policies_measures"] if region.contains(m["uid"] or m["policy_uid"])],
        "targets": [t for t in rows["targets"] if region.contains(t["uid"])],
        "projects": [p for p in rows["projects"] if region.contains(p["uid"])],
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
