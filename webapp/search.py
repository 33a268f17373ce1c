"""Search over names and aliases (any part of a Chinese name), with a type filter, a page of results at a time."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, request

from chainkg.graph.model import LABELS
from chainkg.webapp.paging import PAGE_SIZE, page_of
from chainkg.webapp.store_holder import run_query
from chainkg.webapp.titles import titled
from chainkg.webapp.twins import twin

bp = Blueprint("search", __name__)
#: Results counted at most: past this a search says “N+” (a one-character search can match most of a graph).
LIMIT = 2000


@twin(bp, "/search", "/api/search", "search.html")
def search() -> dict[str, Any]:
    q = request.args.get("q", "").strip()
    label = request.args.get("label", "")
    if label and label not in LABELS:
        label = ""
    rows = run_query("search", {"q": q, "label": label, "limit": LIMIT + 1}) if q else []
    results, paging = page_of(rows[:LIMIT], PAGE_SIZE)
    return {
        "q": q,
        "label": label,
        "results": titled(results),
        "more": len(rows) > LIMIT,
        "limit": LIMIT,
        "paging": paging,
    }
