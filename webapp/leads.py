"""招商目标清单: the firms elsewhere that make the products of the chosen region's gap links, ranked, with why.

The page, its JSON twin and the CSV and Excel exports show one list, built by
:func:`chainkg.queries.leads.chain_leads` from the chain's map (the placement rule) and the chosen region
(:mod:`chainkg.webapp.region`). ``link`` (a link's key, as on the map) keeps the leads of one gap link.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, current_app, request

from chainkg.queries.leads import leads_for
from chainkg.webapp import region
from chainkg.webapp.chains import picture
from chainkg.webapp.downloads import attachment, csv_bytes, xlsx_bytes
from chainkg.webapp.labels import POSITION_ZH
from chainkg.webapp.store_holder import store_stamp
from chainkg.webapp.twins import twin

bp = Blueprint("leads", __name__)

#: The list's columns (header, value of a lead's ``to_dict``), on screen and in the exports.
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


def _cell(lead: dict[str, Any], key: str) -> Any:
    if key in ("tags", "districts"):
        return "、".join(lead[key])
    if key == "source":
        return f"{lead['source_kind']}：{lead['source_title'] or ''}".rstrip("：")
    if key == "evidence":
        return lead["placement"]["sentence"]
    return lead[key]


def _leads(chain: str, chosen: str) -> dict[str, Any] | None:
    """The chain's leads for a region, once per store version (the page, its twin and the exports share them)."""
    pic = picture(chain)
    if pic is None:
        return None
    key = ("leads", pic["chain"]["uid"], chosen, store_stamp())
    return current_app.extensions["chainkg_cache"].get_or_compute(  # type: ignore[no-any-return]
        key, lambda: leads_for(pic, region.regions(), chosen or None)
    )


def leads_data() -> dict[str, Any]:
    """The leads of the request's chain (and ``link``) in the chosen region, with the table's cells."""
    chain = request.args.get("chain", "").strip()
    if not chain:
        abort(400, description="招商目标清单需要指定产业链：?chain=<产业链名称或编号>")
    found = _leads(chain, region.chosen_uid())
    if found is None:
        abort(404, description=f"没有名称或编号为 {chain} 的产业链 / no industry chain {chain!r}")
    link = request.args.get("link", "")
    leads = [lead.to_dict() for lead in found["leads"] if not link or lead.link == link]
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
        "total": len(leads),
        "leads": leads,
        "cells": [[_cell(lead, k) for k, _ in COLUMNS] for lead in leads],
    }


@twin(bp, "/leads", "/api/leads", "leads.html")
def leads() -> dict[str, Any]:
    return leads_data()


def _export(fmt: str) -> Response:
    data = leads_data()
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
