"""Search over names and aliases (any part of a Chinese name), with a type filter."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, request

from chainkg.graph.model import LABELS
from chainkg.webapp.store_holder import run_query
from chainkg.webapp.twins import twin

bp = Blueprint("search", __name__)
LIMIT = 100


@twin(bp, "/search", "/api/search", "search.html")
def search() -> dict[str, Any]:
    q = request.args.get("q", "").strip()
    label = request.args.get("label", "")
    if label and label not in LABELS:
        label = ""
    rows = run_query("search", {"q": q, "label": label, "limit": LIMIT + 1}) if q else []
    return {"q": q, "label": label, "results": rows[:LIMIT], "more": len(rows) > LIMIT, "limit": LIMIT}
