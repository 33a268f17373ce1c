"""The chain picker: a page listing the chains, with search, wherever a page needs a chain it was not given.

A team that opens 企业清单 without a chain, or follows a link with a chain name that is not (or no
longer) in the graph, is asked to choose one rather than shown an error: the page raising
:class:`ChainMissing` is answered with this picker, each chain linking back to the same page and
filters with that chain. The API keeps answering such a request with a JSON error (400 or 404).
``/chains`` is the picker on its own, each chain linking to its map.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from chainkg.webapp.paging import page_of
from chainkg.webapp.store_holder import run_query
from chainkg.webapp.twins import twin

bp = Blueprint("chain_picker", __name__)

#: Chains a search may return (a graph has tens of chains, a province's plans a few hundred).
SEARCH_LIMIT = 1000


class ChainMissing(HTTPException):
    """The page needs a chain: none was given (400) or none has that name or uid (404)."""

    def __init__(self, description: str, status: int = 404) -> None:
        super().__init__(description)
        self.code = status


def chains_matching(q: str) -> list[dict[str, Any]]:
    """The chains (``chain_list`` rows) whose name or alias contains ``q``; every chain when ``q`` is empty."""
    chains = run_query("chain_list")
    if not q:
        return chains
    found = {r["uid"] for r in run_query("search", {"q": q, "label": "IndustryChain", "limit": SEARCH_LIMIT})}
    return [c for c in chains if c["uid"] in found]


def picker_data(q: str, message: str = "") -> dict[str, Any]:
    """One page of the chains matching ``q`` and why the picker is shown (``message``, empty on ``/chains``)."""
    rows, paging = page_of(chains_matching(q))
    return {"q": q, "message": message, "chains": rows, "paging": paging}


def _target(uid: str) -> str:
    """The page the user asked for, with this chain (and the same filters, from their first page)."""
    args: dict[str, Any] = {k: v for k, v in request.args.items() if k not in ("page", "chain", "q")}
    view_args: dict[str, Any] = dict(request.view_args or {})
    if request.endpoint in (None, "chain_picker.chains", "chain_picker.api_chains"):
        return url_for("chains.chain_map", key=uid)
    if "key" in view_args:
        view_args["key"] = uid
    else:
        args["chain"] = uid
    return url_for(request.endpoint, **view_args, **args)


@twin(bp, "/chains", "/api/chains", "chain_picker.html")
def chains() -> dict[str, Any]:
    return picker_data(request.args.get("q", "").strip())


def picker_page(exc: ChainMissing) -> tuple[str, int]:
    """The picker in place of an error page: 404 for an unknown chain, 200 when none was given."""
    data = picker_data(request.args.get("q", "").strip(), exc.description or "")
    status = exc.code if exc.code == 404 else 200
    return render_template("chain_picker.html", target=_target, missing=status == 404, **data), status
