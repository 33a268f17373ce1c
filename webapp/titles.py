"""Documents named by their title, not their file name, wherever a page names one.

A Document node's ``name`` is its file name (``003_0bfc27.txt``), which tells a reader nothing;
rows that name other nodes (a node's relations, search results, the explore view) carry only
that name, so their documents are renamed here from the ``documents`` query (titles, or the
file name for a document without one).
"""

from __future__ import annotations

from typing import Any

from chainkg.webapp.store_holder import run_query


def document_titles() -> dict[str, str]:
    """Every document's title by uid (the ``documents`` query's rows are cached with the store's version)."""
    return {d["uid"]: d["title"] for d in run_query("documents")}


def titled(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` with each Document's ``name`` replaced by its title (copies; other rows as they are)."""
    if not any(r.get("label") == "Document" for r in rows):
        return rows
    titles = document_titles()
    return [{**r, "name": titles.get(r["uid"], r["name"])} if r.get("label") == "Document" else r for r in rows]
