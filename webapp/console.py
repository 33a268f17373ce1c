"""The Cypher console (Neo4j only, read-only, time-, row- and byte-limited) and the named-query registry.

Analysts type Cypher or pick a named query from ``queries/`` and fill in its parameters; the
answer comes back as a table (nodes by name, linked to their pages) and, when it holds nodes or
relationships, as a graph; an error in Chinese (:mod:`chainkg.webapp.console_errors`), the server's
words beside it.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, jsonify, request

from chainkg import queries
from chainkg.graph.cypher_console import ConsoleError
from chainkg.queries import QueryError, get_query, registry
from chainkg.webapp.console_errors import explain
from chainkg.webapp.store_holder import get_store
from chainkg.webapp.twins import twin

bp = Blueprint("console", __name__)


def _describe(query: Any) -> dict[str, Any]:
    return {
        "name": query.name,
        "title": query.title,
        "description": query.description,
        "returns": query.returns,
        "cypher": query.cypher,
        "embedded": query.embedded() is not None,
        "neo4j_only": query.neo4j_only,
        "parameters": [
            {"name": p.name, "type": p.type, "example": p.example, "description": p.description}
            for p in query.parameters
        ],
    }


@twin(bp, "/console", "/api/console", "console.html")
def console() -> dict[str, Any]:
    return {
        "neo4j": get_store().runs_cypher,
        "timeout_seconds": current_app.config["CONSOLE_TIMEOUT_SECONDS"],
        "row_limit": current_app.config["CONSOLE_ROW_LIMIT"],
        "queries": [_describe(q) for q in registry().values()],
        "example": "MATCH (e:Enterprise)-[:CHAIN_OWNER_OF]->(c:IndustryChain) RETURN e, c LIMIT 25",
    }


@bp.post("/api/console")
def run_console() -> Any:
    """Run one read-only Cypher statement: ``{"cypher": "...", "params": {...}}``."""
    store = get_store()
    if not store.runs_cypher:
        abort(
            409,
            description="Cypher 控制台需要 Neo4j 存储（启动时给出 --neo4j-uri） / the console needs the Neo4j store",
        )
    body = request.get_json(silent=True) or {}
    text = body.get("cypher")
    params = body.get("params") or {}
    if not isinstance(text, str) or not isinstance(params, dict):
        abort(
            400,
            description='请求体应为 {"cypher": "...", "params": {...}} / body: {"cypher": str, "params": object}',
        )
    config = current_app.config
    try:
        result = store.console(
            text,
            params,
            timeout_seconds=config["CONSOLE_TIMEOUT_SECONDS"],
            row_limit=config["CONSOLE_ROW_LIMIT"],
            byte_limit=config["CONSOLE_BYTE_LIMIT"],
        )
    except ConsoleError as exc:
        return jsonify({**explain(exc), "status": 400}), 400
    return jsonify(result.to_dict())


@bp.get("/api/queries")
def list_queries() -> Any:
    return jsonify({"queries": [_describe(q) for q in registry().values()]})


@bp.get("/api/queries/<name>")
def run_query(name: str) -> Any:
    """Run a named query with its parameters from the query string (empty values count as not given)."""
    try:
        query = get_query(name)
    except QueryError as exc:
        abort(404, description=str(exc))
    params = {k: v for k, v in request.args.items() if v != ""}
    store = get_store()
    if not store.runs_cypher and query.embedded() is None:
        abort(409, description=f"查询 {query.name} 只能在 Neo4j 上运行：{query.neo4j_only or '它没有嵌入式存储的实现'}")
    rows = queries.run(store, query.name, params)
    limit = current_app.config["CONSOLE_ROW_LIMIT"]
    columns = list(rows[0]) if rows else []
    return jsonify({"name": name, "columns": columns, "rows": rows[:limit], "truncated": len(rows) > limit})
