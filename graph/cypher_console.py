"""Read-only Cypher for the viewer's console: checked, bounded, and answered as rows and a graph.

Two locks keep the console from writing: the statement's own plan must be read-only (its
EXPLAIN query type is ``r``), and it runs in a session opened in READ access mode, so even a
procedure that writes behind a read-only plan is refused by the server. A server-side timeout
(``neo4j.Query(text, timeout=…)``) stops a runaway query; a row limit bounds what comes back.
``LOAD CSV`` is refused too: its plan is read-only, but it makes the server fetch files or URLs.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from datetime import time as dtime
from typing import Any

from neo4j import READ_ACCESS, Driver, Query
from neo4j.exceptions import ClientError, Neo4jError, ServiceUnavailable, TransientError
from neo4j.graph import Node, Path, Relationship

from chainkg.graph.errors import ChainKGError

_LOAD_CSV = re.compile(r"\bLOAD\s+CSV\b", re.IGNORECASE)


class ConsoleError(ChainKGError):
    """A console statement was refused or failed; the message says why in Chinese and English."""


class WriteRefused(ConsoleError):
    """The statement would change the database; the console only reads."""


@dataclass
class ConsoleResult:
    """Columns and rows (JSON-ready), the nodes and relationships found in them, and what was cut."""

    columns: list[str]
    rows: list[list[Any]]
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: dict[str, dict[str, Any]] = field(default_factory=dict)
    truncated: bool = False
    elapsed_ms: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "columns": self.columns,
            "rows": self.rows,
            "graph": {"nodes": list(self.nodes.values()), "edges": list(self.edges.values())},
            "truncated": self.truncated,
            "elapsed_ms": round(self.elapsed_ms, 1),
        }


def _node_id(node: Node) -> str:
    return str(node.get("uid") or node.element_id)


class _Converter:
    """Turns driver values into JSON values, collecting nodes and relationships for the graph view."""

    def __init__(self, result: ConsoleResult) -> None:
        self.result = result

    def value(self, value: Any) -> Any:
        if isinstance(value, Node):
            return self.node(value)
        if isinstance(value, Relationship):
            return self.relationship(value)
        if isinstance(value, Path):
            return {
                "nodes": [self.node(n) for n in value.nodes],
                "relationships": [self.relationship(r) for r in value.relationships],
            }
        if isinstance(value, list | tuple):
            return [self.value(v) for v in value]
        if isinstance(value, dict):
            return {str(k): self.value(v) for k, v in value.items()}
        if isinstance(value, str | int | float | bool) or value is None:
            return value
        if isinstance(value, date | datetime | dtime) or hasattr(value, "iso_format"):
            return value.iso_format() if hasattr(value, "iso_format") else value.isoformat()
        return str(value)

    def node(self, node: Node) -> dict[str, Any]:
        props = {k: self.value(v) for k, v in sorted(node.items()) if k not in ("searchText", "text")}
        labels = sorted(label for label in node.labels if label != "Entity")
        node_id = _node_id(node)
        out = {"id": node_id, "labels": labels, "name": props.get("name"), "properties": props}
        self.result.nodes.setdefault(node_id, out)
        return out

    def relationship(self, rel: Relationship) -> dict[str, Any]:
        start, end = rel.start_node, rel.end_node
        if start is not None:
            self.node(start)
        if end is not None:
            self.node(end)
        out: dict[str, Any] = {
            "id": rel.element_id,
            "type": rel.type,
            "start": _node_id(start) if start is not None else None,
            "end": _node_id(end) if end is not None else None,
            "properties": {k: self.value(v) for k, v in sorted(rel.items())},
        }
        self.result.edges.setdefault(rel.element_id, out)
        return out


def _explain_type(session: Any, text: str, params: dict[str, Any], timeout: float) -> str:
    summary = session.run(Query("EXPLAIN " + text, timeout=timeout), params).consume()
    return summary.query_type or ""


def run_read_only(
    driver: Driver,
    text: str,
    params: dict[str, Any] | None = None,
    *,
    database: str | None = None,
    timeout_seconds: float = 10.0,
    row_limit: int = 1000,
) -> ConsoleResult:
    """Run one read-only statement; refuse anything that would write or change the schema."""
    text = text.strip().rstrip(";").strip()
    if not text:
        raise ConsoleError("请输入一条 Cypher 查询语句 / enter a Cypher statement")
    if text.split(None, 1)[0].upper() in ("EXPLAIN", "PROFILE"):
        raise ConsoleError(
            "请直接输入查询语句，不要以 EXPLAIN/PROFILE 开头 / enter the statement without EXPLAIN or PROFILE"
        )
    if _LOAD_CSV.search(text):
        raise ConsoleError(
            "控制台不允许 LOAD CSV（它会让服务器读取文件或网址） / LOAD CSV is not allowed in the console "
            "(it makes the server read files or URLs)"
        )
    params = params or {}
    started = time.perf_counter()
    try:
        with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
            query_type = _explain_type(session, text, params, timeout_seconds)
            if query_type != "r":
                raise WriteRefused(
                    f"控制台只允许只读查询：该语句会写入或修改数据库（查询类型 {query_type or '未知'}），已拒绝执行。"
                    f" / The console runs read-only queries; this statement would write (query type {query_type!r})."
                )
            result = ConsoleResult(columns=[], rows=[])
            convert = _Converter(result)
            records = session.run(Query(text, timeout=timeout_seconds), params)
            result.columns = list(records.keys())
            for record in records:
                if len(result.rows) >= row_limit:
                    result.truncated = True
                    break
                result.rows.append([convert.value(v) for v in record.values()])
            records.consume()
    except ConsoleError:
        raise
    except (ClientError, TransientError) as exc:
        code = exc.code or ""
        if "Timeout" in code or "TimedOut" in code or "Terminated" in code:
            raise ConsoleError(
                f"查询超过 {timeout_seconds:g} 秒的时间限制，已被服务器终止 / "
                f"the query exceeded the {timeout_seconds:g} s limit"
            ) from exc
        if "AccessMode" in code or "Forbidden" in code:
            raise WriteRefused(
                f"控制台只允许只读查询，服务器拒绝了写入 / the server refused a write: {exc.message}"
            ) from exc
        raise ConsoleError(f"Cypher 错误 / Cypher error: {exc.message or exc}") from exc
    except (Neo4jError, ServiceUnavailable) as exc:
        raise ConsoleError(f"Neo4j 出错 / Neo4j failed: {exc}") from exc
    result.elapsed_ms = (time.perf_counter() - started) * 1000
    return result
