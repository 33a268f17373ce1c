"""招商目标清单: the firms elsewhere that make the products of the chosen region's gap links, ranked, with why.

The page, its JSON twin and the CSV and Excel exports show one list, built by
:func:`chainkg.queries.leads.chain_leads` from the chain's map (the placement rule) and the chosen region
(:mod:`chainkg.webapp.region`). ``link`` (a link's key, as on the map) keeps the leads of one gap link.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, request

from chainkg.queries.leads import COLUMNS, cell
from chainkg.webapp import region
from chainkg.webapp.chain_picker import ChainMissing
from chainkg.webapp.chains import picture, region_leads
from chainkg.webapp.downloads import attachment, csv_bytes, xlsx_bytes
from chainkg.webapp.labels import POSITION_ZH
from chainkg.webapp.twins import twin

bp = Blueprint("leads", __name__)

#: Leads a page (and its twin) shows unless ``limit`` asks otherwise; the exports hold them all.
PAGE_LEADS = 200


def _limit() -> int:
    try:
        return max(1, int(request.args.get("limit", PAGE_LEADS)))
    except ValueError:
        abort(400, description=f"limit 应为正整数，而不是 {request.args.get('limit')!r}")


def leads_data(everything: bool = False) -> dict[str, Any]:
    """The leads of the request's chain (and ``link``) in the chosen region, with the table's cells: the first
    ``limit`` (200) of them, or all of them for an export (``everything``)."""
    chain = request.args.get("chain", "").strip()
    if not chain:
        raise ChainMissing("招商目标清单需要先选择产业链 / the lead list needs ?chain=<name or uid>", status=400)
    pic = picture(chain)
    if pic is None:
        raise ChainMissing(f"没有名称或编号为 {chain} 的产业链 / no industry chain {chain!r}")
    found = region_leads(pic)
    link = request.args.get("link", "")
    chosen = [lead for lead in found["leads"] if not link or lead.link == link]
    limit = len(chosen) if everything else _limit()
    leads = [lead.to_dict() for lead in chosen[:limit]]
    for i, lead in enumerate(leads, start=1):
        lead["rank"] = i
    counts: dict[str, int] = {}
    for lead in found["leads"]:
        counts[lead.link] = counts.get(lead.link, 0) + 1
    gaps = [
        {**g, "leads": counts.get(g["key"], 0), "position_zh": POSITION_ZH.get(g["position"] or "", "")}
        for g in found["gaps"]
    ]
    return {
        "chain": found["chain"],
        "region": region.chosen(),
        "firm_list": found["firm_list"],
        "link": link,
        "link_name": next((g["name"] for g in gaps if g["key"] == link), ""),
        "gaps": gaps,
        "columns": [{"key": k, "header": h} for k, h in COLUMNS],
        "total": len(chosen),
        "shown": len(leads),
        "leads": leads,
        "cells": [[cell(lead, k) for k, _ in COLUMNS] for lead in leads],
    }


@twin(bp, "/leads", "/api/leads", "leads.html")
def leads() -> dict[str, Any]:
    return leads_data()


def _export(fmt: str) -> Response:
    data = leads_data(everything=True)
    headers = [c["header"] for c in data["columns"]]
    place = data["region"]["name"] if data["region"] else "全部地区"
    stem = "-".join(s for s in ("招商目标清单", data["chain"]["name"], place, data["link_name"]) if s)
    if fmt == "csv":
        body, mimetype = csv_bytes(headers, data["cells"]), "text/csv; charset=utf-8"
    else:
        body = xlsx_bytes("招商目标清单", headers, data["cells"])
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = attachment(f"{stem}.{fmt}", f"leads.{fmt}")
    return response


@bp.get("/leads.csv")
def export_csv() -> Response:
    return _export("csv")


@bp.get("/leads.xlsx")
def export_xlsx() -> Response:
    return _export("xlsx")
