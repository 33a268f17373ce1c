"""The node page (properties, aliases, relationships with evidence) and the document page, a page of text at a time."""

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


#: Characters of source text one document page shows (about 150 KB of UTF-8 Chinese): an ordinary document is one
#: page; a long one (tens of MB) is read a page at a time, so neither the page nor the work of drawing it grows with it.
PAGE_CHARS = 50_000
#: How far past a page's nominal end it reads to end at a line break: a page runs from the first line that starts
#: in its share of the text, ``[(n - 1) * PAGE_CHARS, n * PAGE_CHARS)``, to the line break that ends its last line.
LINE_SLACK = 2_000
#: Mentions listed under the text (all are marked in it); the document's node page lists them by kind.
MENTION_LIMIT = 300


@twin(bp, "/documents/<uid>", "/api/documents/<uid>", "document.html")
def document(uid: str) -> dict[str, Any]:
    """A page of the document's text (``?page=N``, from 1), its mentions marked; with ``?find=`` (a fact's
    evidence) the page where that wording first occurs."""
    find = request.args.get("find", "")
    page = max(1, request.args.get("page", 1, type=int) or 1)
    doc, text, first = _page(uid, page, find)
    if doc["found"] is not None and not first <= doc["found"] < first + len(text):
        page = _page_of(doc["found"])
        doc, text, first = _page(uid, page, find)
        if doc["found"] < first:  # in the last line of the page before
            page -= 1
            doc, text, first = _page(uid, page, find)
    pages = max(1, -(-doc["length"] // PAGE_CHARS))
    mentions = run_query("document_mentions", {"uid": uid})
    return {
        "document": doc,
        "mentions": mentions[:MENTION_LIMIT],
        "mentions_total": len(mentions),
        "pieces": _anchored(pieces(text, mentions), None if doc["found"] is None else doc["found"] - first),
        "page": page,
        "pages": pages,
        "page_start": first,
    }


def _anchored(parts: list[dict[str, Any]], at: int | None) -> list[dict[str, Any]]:
    """``parts`` with an anchor piece (``#evidence``, where a fact's evidence link lands) before offset ``at``
    of the page's text, splitting an unmarked piece there; as they are for no offset."""
    pos = 0
    for index, part in enumerate(parts):
        end = pos + len(part["text"])
        if at is not None and at < end:
            if part.get("uid") or at == pos:
                return [*parts[:index], {"text": "", "anchor": True}, *parts[index:]]
            split = at - pos
            before, after = {"text": part["text"][:split]}, {"text": part["text"][split:]}
            return [*parts[:index], before, {"text": "", "anchor": True}, after, *parts[index + 1 :]]
        pos = end
    return parts


def _page_of(offset: int) -> int:
    return offset // PAGE_CHARS + 1


def _page(uid: str, page: int, find: str) -> tuple[dict[str, Any], str, int]:
    """The document's row, the text of page ``page`` and the offset it starts at (404 for no such document)."""
    start = (page - 1) * PAGE_CHARS
    found = run_query("document", {"uid": uid, "start": start, "size": PAGE_CHARS + LINE_SLACK, "find": find})
    if not found:
        abort(404, description=f"没有编号为 {uid} 的文档 / no document {uid!r}")
    window: str = found[0]["text"] or ""
    head = window.find("\n", 0, LINE_SLACK) + 1 if start else 0
    tail = window.find("\n", PAGE_CHARS, PAGE_CHARS + LINE_SLACK) + 1 or PAGE_CHARS
    text = window[head:tail]
    return {**found[0], "text": text}, text, start + head  # a copy: the row is the query cache's own
