"""短板清单: the gaps of a region's chains, as a team lists them to decide what to attract.

One list for the viewer's gap page (and its exports) and for ``chainkg gaps``, built from the chain pictures
(:func:`chainkg.queries.placement.chain_picture`, scoped to the region by
:func:`chainkg.queries.region.scoped_picture`), so a gap here is a link the map draws as one:

- a link no local firm is on: ``unknown`` (待梳理), ``confirmed_gap`` (the region's firm list is imported and
  none of its firms is there) and ``stated_gap`` (a document of the region calls it weak);
- a chain with neither links nor a template (``unmapped``, 未梳理);
- a chain with no chain owner (``missing_owner``, 缺链主): none in the graph (``chain_gaps``), or, for a region,
  none in it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from chainkg.queries.placement import RunQuery
from chainkg.queries.region import Regions, scoped_picture

Row = dict[str, Any]
#: A chain's picture by uid, name or alias (the viewer's is cached per store version), or None.
Pictures = Callable[[str], Row | None]

#: The kinds of gap, as a team calls them, in the list's order.
GAP_KIND_ZH = {
    "stated_gap": "短板：文件明确指出",
    "confirmed_gap": "确认缺失：已导入企业名单，本地无企业",
    "unknown": "待梳理：暂无已知本地企业",
    "unmapped": "未梳理：文件无环节、无模板",
    "missing_owner": "缺链主",
}
_ORDER = tuple(GAP_KIND_ZH)

#: The list's switch: links to fill (补链, the default: what a team attracts firms for), chains with no chain
#: owner (缺链主), or both (全部).
GAP_GROUPS: dict[str, frozenset[str]] = {
    "补链": frozenset({"stated_gap", "confirmed_gap", "unknown", "unmapped"}),
    "缺链主": frozenset({"missing_owner"}),
    "全部": frozenset(GAP_KIND_ZH),
}
DEFAULT_GROUP = "补链"


def _chain_row(head: Row, kind: str) -> Row:
    """A gap row about a whole chain (no link): 未梳理 or 缺链主."""
    empty: Row = {"uid": None, "link": None, "segment": None, "origin": None, "position": None, "order": None}
    return {**head, "kind": kind, **empty, "products": [], "evidence": None}


def _link_rows(pic: Row) -> list[Row]:
    """The rows of one scoped chain picture: the chain when unmapped, then each link without a local firm."""
    head = {"chain_uid": pic["chain"]["uid"], "chain": pic["chain"]["name"]}
    rows = [] if pic["mapped"] else [_chain_row(head, "unmapped")]
    for entry in pic["links"]:
        if entry["state"] == "firms":
            continue
        link = entry["link"]
        gaps = entry["stated_gaps"]
        rows.append(
            {
                **head,
                "kind": entry["state"],
                "uid": link.uid,
                "link": link.key,
                "segment": link.name,
                "origin": link.origin,
                "position": link.position,
                "order": link.template_order if link.template_order is not None else link.order,
                "products": sorted(link.product_names()),
                "evidence": gaps[0]["sentence"] if gaps else None,
            }
        )
    return rows


def gap_rows(run: RunQuery, pictures: Pictures, rg: Regions, region: str | None, chain: str = "") -> list[Row]:
    """The gaps of ``chain`` (a uid; every chain when empty) in ``region`` (a region uid; the whole graph when
    None), each with its kind, link, products and the sentence that states it; by chain, kind and link order."""
    keys = [chain] if chain else [c["uid"] for c in run("chain_list", {})]
    scoped = [scoped_picture(whole, rg, region) for whole in map(pictures, keys) if whole is not None]
    rows = [row for pic in scoped for row in _link_rows(pic)]
    owners = run("chain_gaps", {"chain": chain})
    rows += [{**r, "link": None, "origin": None, "evidence": None} for r in owners if r["kind"] == "missing_owner"]
    if region:  # 缺链主 in a region: no chain owner of the chain is in it
        missing = {r["chain_uid"] for r in rows if r["kind"] == "missing_owner"}
        rows += [
            _chain_row({"chain_uid": pic["chain"]["uid"], "chain": pic["chain"]["name"]}, "missing_owner")
            for pic in scoped
            if pic["chain"]["uid"] not in missing and not pic["owners"]
        ]
    return sorted(
        rows,
        key=lambda r: (
            r["chain"],
            r["chain_uid"],
            _ORDER.index(r["kind"]),
            r["order"] is None,
            r["order"] or 0,
            r["segment"] or "",
        ),
    )


def in_group(rows: list[Row], group: str) -> list[Row]:
    """The rows of one of :data:`GAP_GROUPS` (补链, 缺链主, 全部)."""
    return [r for r in rows if r["kind"] in GAP_GROUPS[group]]
