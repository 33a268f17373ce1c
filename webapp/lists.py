"""The lists teams work from: firms of a chain, projects, policies and measures, targets, gaps.

Each list is one named query, shown as a table that sorts by any column and filters by the
values a team works with (district, platform, tag, lead department, year) and by text, and is
exported as CSV and Excel with the same filters and order as on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Response, abort, request

from chainkg.queries import gaps
from chainkg.queries.gaps import DEFAULT_GROUP, GAP_GROUPS, GAP_KIND_ZH
from chainkg.webapp import region
from chainkg.webapp.chain_picker import ChainMissing
from chainkg.webapp.downloads import attachment, csv_bytes, xlsx_bytes
from chainkg.webapp.labels import COMPARATOR_ZH, POSITION_ZH, shown_number
from chainkg.webapp.paging import page_of
from chainkg.webapp.store_holder import run_query
from chainkg.webapp.twins import twin

bp = Blueprint("lists", __name__)

Row = dict[str, Any]


def _names(key: str) -> Callable[[Row], str]:
    def get(row: Row) -> str:
        return "、".join(v["name"] if isinstance(v, dict) else str(v) for v in row.get(key) or [])

    return get


def _field(key: str) -> Callable[[Row], Any]:
    return lambda row: row.get(key)


def _values(key: str) -> Callable[[Row], list[str]]:
    return lambda row: [v["name"] if isinstance(v, dict) else str(v) for v in row.get(key) or []]


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    value: Callable[[Row], Any]
    link: bool = False  # the cell links to the row's node page


@dataclass(frozen=True)
class Filter:
    param: str
    label: str
    values: Callable[[Row], list[str]]


@dataclass(frozen=True)
class ListSpec:
    kind: str
    title: str
    query: str
    columns: tuple[Column, ...]
    filters: tuple[Filter, ...]
    needs_chain: bool = False


def _reasons(row: Row) -> str:
    return "；".join(f"{s['name']}（{s['reason_zh']}：{'、'.join(s['words'])}）" for s in row.get("segments") or [])


LISTS: dict[str, ListSpec] = {
    spec.kind: spec
    for spec in (
        ListSpec(
            "firms",
            "企业清单",
            "chain_firms",
            (
                Column("name", "企业名称", _field("name"), link=True),
                Column("owner", "链主", lambda r: "链主" if r["owner"] else ""),
                Column("segments", "所属环节", _names("segments")),
                Column("reasons", "归入依据", _reasons),
                Column("districts", "所在区域", _names("districts")),
                Column("platforms", "所在平台", _names("platforms")),
                Column("tags", "标签", _names("tags")),
                Column("aliases", "别名", _names("aliases")),
                Column("sources", "来源文档", _names("sources")),
            ),
            (
                Filter("segment", "环节", _values("segments")),
                Filter("district", "区域", _values("districts")),
                Filter("platform", "平台", _values("platforms")),
                Filter("tag", "标签", lambda r: [*r["tags"], *(["链主"] if r["owner"] else [])]),
            ),
            needs_chain=True,
        ),
        ListSpec(
            "projects",
            "项目清单",
            "projects",
            (
                Column("name", "项目名称", _field("name"), link=True),
                Column("investment", "投资额（亿元）", _field("investment")),
                Column("area", "用地（亩）", _field("area")),
                Column("status", "状态", _field("status")),
                Column("chains", "所属产业链", _names("chains")),
                Column("investors", "投资企业", _names("investors")),
                Column("districts", "所在区域", _names("districts")),
                Column("platforms", "所在平台", _names("platforms")),
            ),
            (
                Filter("district", "区域", _values("districts")),
                Filter("platform", "平台", _values("platforms")),
                Filter("status", "状态", lambda r: [r["status"]] if r.get("status") else []),
            ),
        ),
        ListSpec(
            "measures",
            "政策与举措清单",
            "policies_measures",
            (
                Column("policy", "政策", _field("policy")),
                Column("doc_number", "文号", _field("doc_number")),
                Column("code", "编号", _field("code")),
                Column("title", "举措", _field("title"), link=True),
                Column("lead", "牵头单位", _names("lead")),
                Column("involved", "责任单位", _names("involved")),
                Column("chains", "支持产业链", _names("chains")),
            ),
            (
                Filter("lead", "牵头单位", _values("lead")),
                Filter("policy", "政策", lambda r: [r["policy"]] if r.get("policy") else []),
            ),
        ),
        ListSpec(
            "targets",
            "目标与指标清单",
            "targets",
            (
                Column("indicator", "指标", _field("indicator"), link=True),
                Column(
                    "comparator", "比较", lambda r: COMPARATOR_ZH.get(r.get("comparator") or "", r.get("comparator"))
                ),
                Column("value", "数值", _field("value")),
                Column("unit", "单位", _field("unit")),
                Column("year", "年份", _field("year")),
                Column(
                    "kind",
                    "类型",
                    lambda r: {"target": "目标", "actual": "实际"}.get(r.get("kind") or "", r.get("kind")),
                ),
                Column("scope", "对象", _names("scope")),
                Column("set_by", "设定依据", _names("set_by")),
            ),
            (
                Filter("year", "年份", lambda r: [str(r["year"])] if r.get("year") is not None else []),
                Filter("scope", "对象", _values("scope")),
            ),
        ),
        ListSpec(
            "gaps",
            "问题/短板清单",
            "chain_gaps",
            (
                Column("chain", "产业链", _field("chain")),
                Column("kind", "短板", lambda r: GAP_KIND_ZH.get(r["kind"], r["kind"])),
                Column("segment", "环节", _field("segment"), link=True),
                Column("origin", "环节来源", _field("origin")),
                Column("position", "位置", lambda r: POSITION_ZH.get(r.get("position") or "", r.get("position"))),
                Column("products", "环节产品（招商方向）", _names("products")),
                Column("evidence", "原文", _field("evidence")),
            ),
            (
                Filter("state", "短板", lambda r: [GAP_KIND_ZH.get(r["kind"]) or r["kind"]]),
                Filter(
                    "position",
                    "位置",
                    lambda r: [POSITION_ZH.get(r["position"]) or r["position"]] if r.get("position") else [],
                ),
            ),
        ),
    )
}


def _spec(kind: str) -> ListSpec:
    spec = LISTS.get(kind)
    if spec is None:
        abort(404, description=f"没有名为 {kind} 的清单；可用：{'、'.join(LISTS)}")
    return spec


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None or value == "":
        return (2, "")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (0, value)
    return (1, str(value))


def gap_rows(chain: str) -> list[Row]:
    """The gaps of one chain (or of every chain) in the chosen region (:func:`chainkg.queries.gaps.gap_rows`)."""
    from chainkg.webapp.chains import picture

    return gaps.gap_rows(run_query, picture, region.regions(), region.chosen_uid() or None, chain)


def _rows(spec: ListSpec, chain: str) -> list[Row]:
    """The list's rows: firms placed by the one placement rule, gaps from the chain maps, else the named query."""
    if spec.kind == "gaps":
        return gap_rows(chain)
    if spec.kind == "firms":
        from chainkg.webapp.chains import picture, placed_firms

        pic = picture(chain)
        return placed_firms(region.scoped(pic)) if pic else []
    # measures, targets, projects: those in the chosen region (a measure-less policy by the policy)
    return [r for r in run_query(spec.query, {"chain": chain}) if region.contains(r.get("uid") or r.get("policy_uid"))]


def list_data(kind: str, paged: bool = True) -> dict[str, Any]:
    """The rows of one list after the request's chain, filters, text and sort, with its table cells: one page of
    them (``page``), or all of them for an export."""
    spec = _spec(kind)
    chain = request.args.get("chain", "")
    if spec.needs_chain and not chain:
        raise ChainMissing("企业清单需要先选择产业链 / the firm list needs ?chain=<name or uid>", status=400)
    chain_name = ""
    if chain:
        found = run_query("chain_map", {"chain": chain})
        if not found:
            raise ChainMissing(f"没有名称或编号为 {chain} 的产业链 / no industry chain {chain!r}")
        chain, chain_name = found[0]["chain_uid"], found[0]["chain"]
    rows = _rows(spec, chain)
    gap = ""
    if spec.kind == "gaps":
        gap = request.args.get("gap", "") if request.args.get("gap", "") in GAP_GROUPS else DEFAULT_GROUP
        rows = gaps.in_group(rows, gap)
    options = {f.param: sorted({v for r in rows for v in f.values(r)}) for f in spec.filters}
    chosen = {f.param: request.args.get(f.param, "") for f in spec.filters}
    for f in spec.filters:
        if chosen[f.param]:
            rows = [r for r in rows if chosen[f.param] in f.values(r)]
    text = request.args.get("q", "").strip().lower()
    if text:
        rows = [r for r in rows if any(text in str(c.value(r) or "").lower() for c in spec.columns)]
    sort = request.args.get("sort", "")
    descending = request.args.get("desc", "") == "1"
    column = next((c for c in spec.columns if c.key == sort), None)
    if column is not None:
        rows = sorted(rows, key=lambda r: _sort_key(column.value(r)), reverse=descending)
    total = len(rows)
    rows, paging = page_of(rows) if paged else (rows, None)
    return {
        "kind": spec.kind,
        "title": spec.title,
        "chain": chain,
        "chain_name": chain_name,
        "gap": gap,
        "gap_groups": list(GAP_GROUPS) if gap else [],
        "columns": [{"key": c.key, "header": c.header, "link": c.link} for c in spec.columns],
        "filters": [
            {"param": f.param, "label": f.label, "value": chosen[f.param], "options": options[f.param]}
            for f in spec.filters
        ],
        "q": request.args.get("q", ""),
        "sort": sort if column else "",
        "desc": descending,
        "total": total,
        "paging": paging,
        "rows": rows,
        "cells": [[shown_number(c.value(r)) for c in spec.columns] for r in rows],
        "lists": [{"kind": s.kind, "title": s.title} for s in LISTS.values()],
        "region": region.chosen(),
    }


@twin(bp, "/lists/<kind>", "/api/lists/<kind>", "list.html")
def table(kind: str) -> dict[str, Any]:
    return list_data(kind)


def _export(kind: str, fmt: str) -> Response:
    data = list_data(kind, paged=False)
    headers = [c["header"] for c in data["columns"]]
    stem = f"{data['title']}" + (f"-{data['chain_name']}" if data["chain_name"] else "")
    if fmt == "csv":
        body, mimetype = csv_bytes(headers, data["cells"]), "text/csv; charset=utf-8"
    else:
        body = xlsx_bytes(data["title"], headers, data["cells"])
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = attachment(f"{stem}.{fmt}", f"{kind}.{fmt}")
    return response


@bp.get("/lists/<kind>.csv")
def export_csv(kind: str) -> Response:
    return _export(kind, "csv")


@bp.get("/lists/<kind>.xlsx")
def export_xlsx(kind: str) -> Response:
    return _export(kind, "xlsx")
