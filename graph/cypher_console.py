"""Read-only Cypher for the viewer's console: checked, bounded, and answered as rows and a graph.

Every statement is first planned (``EXPLAIN``) and the plan decides, whatever the text looks like
(comments, case, line breaks cannot hide an operator):

* no ``LoadCSV`` operator: ``LOAD CSV`` makes the server read files or fetch URLs;
* no procedure outside :data:`ALLOWED_PROCEDURES` (the ``ProcedureCall`` operator's details name
  it) and no user-defined function outside :data:`ALLOWED_FUNCTIONS` (plugins such as APOC);
* no transaction or server administration: ``SHOW``/``TERMINATE TRANSACTIONS``, ``SHOW
  SETTINGS``/``PROCEDURES``/…, every command planned by the administration planner (users,
  databases, indexes, ``USE system``…), ``CALL { … } IN TRANSACTIONS``; ``SHOW INDEXES`` and ``SHOW
  CONSTRAINTS`` stay, they describe the graph like ``db.labels()``;
* no operator on a database other than the session's (``USE system``);
* the plan is read-only (its query type is ``r``).

A statement the server will not even plan is not run. A text check on the statement stripped of
comments and literals is a second lock behind the plan. The session is opened in READ access
mode, so a procedure that writes behind a read-only plan is refused by the server as well.

Three bounds keep an answer small: the server-side timeout (``neo4j.Query(text, timeout=…)``), a
row limit, and a byte limit on the JSON-ready rows. The bytes received from the server are capped
too (at twice the byte limit, as nodes carry properties the answer leaves out), counted on the
connection as they arrive, so a single huge value (``RETURN range(1, 50000000)``) is cut after a few
megabytes instead of being received and decoded whole.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
import weakref
from dataclasses import dataclass, field
from datetime import date, datetime
from datetime import time as dtime
from typing import Any, NoReturn

from neo4j import READ_ACCESS, Driver, Query
from neo4j.exceptions import ClientError, DriverError, Neo4jError, TransientError
from neo4j.graph import Node, Path, Relationship

from chainkg.graph.errors import ChainKGError

DEFAULT_BYTE_LIMIT = 5_000_000

#: The procedures the console may call: the graph's schema for the viewer and analysts, and the
#: full-text indexes (the store's ``search`` index). All read-only; anything else is refused.
ALLOWED_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshipTypes",
        "db.propertyKeys",
        "db.schema.visualization",
        "db.schema.nodeTypeProperties",
        "db.schema.relTypeProperties",
        "db.index.fulltext.queryNodes",
        "db.index.fulltext.queryRelationships",
    }
)
#: User-defined functions (plugins) the console may call; Cypher's built-in functions are always fine.
ALLOWED_FUNCTIONS: frozenset[str] = frozenset()

# SHOW commands that only describe the graph's schema.
_SHOW_ALLOWED = frozenset({"ShowIndexes", "ShowConstraints"})
_PROCEDURE_NAME = re.compile(r"\s*([\w.`]+)\s*\(")

_LOAD_CSV_MESSAGE = (
    "控制台不允许 LOAD CSV（它会让服务器读取文件或网址） / LOAD CSV is not allowed in the console "
    "(it makes the server read files or URLs)"
)
_ADMIN_MESSAGE = (
    "控制台不允许事务或服务器管理命令（SHOW/TERMINATE TRANSACTIONS、SHOW SETTINGS、用户、数据库、"
    "索引的创建与删除等） / transaction and server administration commands are not allowed in the console"
)
_IN_TRANSACTIONS_MESSAGE = (
    "控制台不允许 CALL { … } IN TRANSACTIONS（它分批提交事务） / "
    "CALL { … } IN TRANSACTIONS is not allowed in the console"
)


class ConsoleError(ChainKGError):
    """A console statement was refused or failed; the message says why in Chinese and English."""


class WriteRefused(ConsoleError):
    """The statement would change the database; the console only reads."""


class Refused(ConsoleError):
    """The statement reads files or URLs, calls a procedure outside the allow-list, or administers the server."""


def _use_message(database: str) -> str:
    return (
        f"控制台只查询当前的图数据库，不允许用 USE 切换到 {database} / "
        f"the console queries the current graph only; USE {database} is not allowed"
    )


def _procedure_message(name: str) -> str:
    return (
        f"控制台不允许调用过程 {name}；可调用的过程：{', '.join(sorted(ALLOWED_PROCEDURES))} / "
        f"the console does not call procedure {name}; allowed: {', '.join(sorted(ALLOWED_PROCEDURES))}"
    )


def _function_message(name: str) -> str:
    return (
        f"控制台不允许调用插件函数 {name}（只允许 Cypher 内置函数） / "
        f"the console does not call the user-defined function {name} (built-in functions only)"
    )


def _byte_message(byte_limit: int) -> str:
    mb = byte_limit / 1_000_000
    return (
        f"答案超过 {mb:g} MB 的上限，已停止接收；请加 LIMIT 或只返回需要的属性 / "
        f"the answer exceeds the {mb:g} MB limit; add a LIMIT or return fewer properties"
    )


def _row_message(row_limit: int) -> str:
    return f"只返回前 {row_limit} 行（行数上限） / only the first {row_limit} rows are returned (row limit)"


def _time_message(timeout_seconds: float) -> str:
    return (
        f"查询超过 {timeout_seconds:g} 秒的时间限制，已被服务器终止 / "
        f"the query exceeded the {timeout_seconds:g} s limit"
    )


@dataclass
class ConsoleResult:
    """Columns and rows (JSON-ready), the nodes and relationships found in them, and what was cut."""

    columns: list[str]
    rows: list[list[Any]]
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: dict[str, dict[str, Any]] = field(default_factory=dict)
    truncated: bool = False
    elapsed_ms: float = 0.0
    notice: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "columns": self.columns,
            "rows": self.rows,
            "graph": {"nodes": list(self.nodes.values()), "edges": list(self.edges.values())},
            "truncated": self.truncated,
            "notice": self.notice,
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
        props = {k: self.value(v) for k, v in sorted(node.items()) if k not in ("searchText", "searchKey", "text")}
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


def _strip(text: str) -> str:
    """The statement without comments and string contents, backticked names unquoted (for the text lock)."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
            out.append(" ")
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            out.append(" ")
        elif text[i] in "'\"":
            quote, j = text[i], i + 1
            while j < n and text[j] != quote:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            out.append("''")
        elif text[i] == "`":
            j = i + 1
            while j < n and (text[j] != "`" or text.startswith("``", j)):
                j += 2 if text[j] == "`" else 1
            out.append(re.sub(r"\W", "_", text[i + 1 : j]))
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


_TEXT_LOCKS = [
    (re.compile(p, re.IGNORECASE), message)
    for p, message in (
        (r"\bLOAD\s+CSV\b", _LOAD_CSV_MESSAGE),
        (r"\}\s*IN\s+(?:\S+\s+)?(?:CONCURRENT\s+)?TRANSACTIONS\b", _IN_TRANSACTIONS_MESSAGE),
        (r"(?<![\w.$])TERMINATE\s+TRANSACTIONS?\b", _ADMIN_MESSAGE),
        (r"(?<![\w.$])SHOW\s+(?!(?:\w+\s+){0,3}?(?:INDEX|INDEXES|CONSTRAINT|CONSTRAINTS)\b)\w", _ADMIN_MESSAGE),
        (
            r"(?<![\w.$])(?:CREATE|DROP|ALTER|START|STOP|RENAME|GRANT|DENY|REVOKE|ENABLE|DEALLOCATE|REALLOCATE)"
            r"\s+(?:OR\s+REPLACE\s+)?(?:\w+\s+){0,2}?"
            r"(?:DATABASES?|USERS?|ROLES?|ALIAS(?:ES)?|SERVERS?|INDEX(?:ES)?|CONSTRAINTS?|PRIVILEGES?|COMPOSITE)\b",
            _ADMIN_MESSAGE,
        ),
        (r"(?<![\w.$])USE\s+(?:system\b|graph\s*\.)", _use_message("system")),
    )
]
_CALL_NAME = re.compile(r"(?<![\w.$])CALL\s+([A-Za-z_][\w.]*)", re.IGNORECASE)


def _text_lock(text: str) -> None:
    """The second lock: the same refusals found in the text once comments and literals are gone."""
    stripped = _strip(text)
    for pattern, message in _TEXT_LOCKS:
        if pattern.search(stripped):
            raise Refused(message)
    for match in _CALL_NAME.finditer(stripped):
        if match.group(1) not in ALLOWED_PROCEDURES:
            raise Refused(_procedure_message(match.group(1)))


def _check_plan(plan: dict[str, Any], database: str | None, functions: frozenset[str]) -> None:
    """The first lock: refuse by the operators of the EXPLAIN plan (the whole tree)."""
    function_calls = [
        (name, re.compile(rf"(?<![\w.]){re.escape(name)}\s*\(", re.IGNORECASE))
        for name in sorted(functions - ALLOWED_FUNCTIONS)
    ]
    stack = [plan]
    while stack:
        operator = stack.pop()
        stack.extend(operator.get("children") or [])
        kind, _, on_database = str(operator.get("operatorType") or "").partition("@")
        args = operator.get("args") or {}
        details = str(args.get("Details") or "")
        if kind.startswith(("Show", "Terminate", "Administration")) and kind not in _SHOW_ALLOWED:
            raise Refused(_ADMIN_MESSAGE)
        if on_database and (on_database.lower() == "system" or (database and on_database != database)):
            raise Refused(_use_message(on_database))
        if args.get("planner") == "ADMINISTRATION" or args.get("runtime") in ("SYSTEM", "SCHEMA"):
            raise Refused(_ADMIN_MESSAGE)
        if kind == "LoadCSV":
            raise Refused(_LOAD_CSV_MESSAGE)
        if kind.startswith("Transaction"):  # TransactionApply, TransactionForeach: IN TRANSACTIONS
            raise Refused(_IN_TRANSACTIONS_MESSAGE)
        if "Procedure" in kind:  # ProcedureCall; details: "db.labels() :: (label :: STRING)"
            match = _PROCEDURE_NAME.match(details)
            name = match.group(1).replace("`", "") if match else ""
            if name not in ALLOWED_PROCEDURES:
                raise Refused(_procedure_message(name or kind))
        plain = details.replace("`", "")
        for name, call in function_calls:
            if call.search(plain):
                raise Refused(_function_message(name))


# The user-defined functions of each driver's server, asked once in a while (SHOW FUNCTIONS).
_FUNCTIONS_TTL = 300.0
_functions: weakref.WeakKeyDictionary[Any, dict[str | None, tuple[float, frozenset[str]]]] = weakref.WeakKeyDictionary()
_functions_lock = threading.Lock()


def _user_functions(driver: Driver, session: Any, database: str | None, timeout: float) -> frozenset[str]:
    now = time.monotonic()
    with _functions_lock:
        cached = _functions.get(driver, {}).get(database)
    if cached is not None and now - cached[0] < _FUNCTIONS_TTL:
        return cached[1]
    try:
        rows = session.run(
            Query("SHOW FUNCTIONS YIELD name, isBuiltIn WHERE NOT isBuiltIn RETURN name", timeout=timeout)
        )
        names = frozenset(str(row["name"]) for row in rows)
    except ClientError:
        # A server that does not let this user list functions: the READ session still stands.
        names = frozenset()
    with _functions_lock:
        _functions.setdefault(driver, {})[database] = (now, names)
    return names


class _WireGuard:
    """Counts the bytes of an answer as they arrive and breaks the connection past the cap or the deadline.

    The driver decodes a record only once it has received all of it, so a single huge value
    cannot be measured after the fact: the guard wraps ``recv_into`` of the result's socket (the
    driver's ``BoltSocket``, reached through ``Result._connection``; neo4j 5.x and 6.x), for this
    thread only. Raising ``OSError`` there makes the driver drop the connection, and the server
    ends the transaction when it can no longer send.
    """

    def __init__(self, limit: int, deadline: float) -> None:
        self.limit = limit
        self.deadline = deadline
        self.received = 0
        self.tripped: str | None = None
        self._socket: Any = None
        self._thread = threading.get_ident()
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    def install(self, result: Any) -> bool:
        try:
            sock = result._connection.socket
            original = sock.recv_into
        except AttributeError:
            return False

        def recv_into(buffer: Any, nbytes: int = 0) -> int:
            if threading.get_ident() != self._thread:
                return int(original(buffer, nbytes))
            if self.tripped is None:
                if self.received > self.limit:
                    self.tripped = "bytes"
                elif time.perf_counter() > self.deadline:
                    self.tripped = "time"
            if self.tripped is not None:
                raise OSError(f"chainkg console: the answer passed its {self.tripped} limit")
            received = int(original(buffer, nbytes))
            self.received += received
            return received

        sock.recv_into = recv_into
        self._socket = sock
        # The server packs a record whole before sending it, so no byte may arrive for long:
        # at the deadline the connection is shut, which ends the wait on this side at once.
        self._timer = threading.Timer(max(0.0, self.deadline - time.perf_counter()), self._expire)
        self._timer.daemon = True
        self._timer.start()
        return True

    def _expire(self) -> None:
        with self._lock:
            if self._socket is None:
                return
            self.tripped = self.tripped or "time"
            try:
                self._socket._socket.shutdown(socket.SHUT_RDWR)
            except (AttributeError, OSError):
                pass

    def remove(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            if self._socket is not None:
                self._socket.__dict__.pop("recv_into", None)
                self._socket = None


def _explain(session: Any, text: str, params: dict[str, Any], timeout: float) -> Any:
    return session.run(Query("EXPLAIN " + text, timeout=timeout), params).consume()


def _read(
    records: Any,
    result: ConsoleResult,
    *,
    row_limit: int,
    byte_limit: int,
    timeout_seconds: float,
    deadline: float,
) -> None:
    """Convert rows until the answer ends or reaches its row, byte or time limit."""
    convert = _Converter(result)
    guard = _WireGuard(2 * byte_limit, deadline)
    guard.install(records)
    size = 2
    try:
        for record in records:
            if len(result.rows) >= row_limit:
                result.truncated, result.notice = True, _row_message(row_limit)
                break
            nodes, edges = len(result.nodes), len(result.edges)
            row = [convert.value(v) for v in record.values()]
            size += len(json.dumps(row, ensure_ascii=False, default=str).encode()) + 1
            if size > byte_limit:
                # The graph keeps only what the rows returned show.
                for key in list(result.nodes)[nodes:]:
                    del result.nodes[key]
                for key in list(result.edges)[edges:]:
                    del result.edges[key]
                _cut(result, _byte_message(byte_limit))
                break
            result.rows.append(row)
            if time.perf_counter() > deadline:
                _cut(result, _time_message(timeout_seconds))
                break
        records.consume()
    except (DriverError, Neo4jError, OSError):
        if guard.tripped is None:
            raise
        _cut(result, _byte_message(byte_limit) if guard.tripped == "bytes" else _time_message(timeout_seconds))
    finally:
        guard.remove()


def _cut(result: ConsoleResult, message: str) -> None:
    """Keep the rows so far with a notice, or refuse when not even one row fits."""
    if not result.rows:
        raise ConsoleError(message)
    result.truncated, result.notice = True, message


def _refuse_error(exc: ClientError | TransientError, timeout_seconds: float) -> NoReturn:
    code = exc.code or ""
    if "Timeout" in code or "TimedOut" in code or "Terminated" in code:
        raise ConsoleError(_time_message(timeout_seconds)) from exc
    if "AccessMode" in code or "Forbidden" in code:
        raise WriteRefused(
            f"控制台只允许只读查询，服务器拒绝了写入 / the server refused a write: {exc.message}"
        ) from exc
    if "AdministrationCommand" in code or "NotSystemDatabase" in code:
        raise Refused(_ADMIN_MESSAGE) from exc
    raise ConsoleError(f"Cypher 错误 / Cypher error: {exc.message or exc}") from exc


def run_read_only(
    driver: Driver,
    text: str,
    params: dict[str, Any] | None = None,
    *,
    database: str | None = None,
    timeout_seconds: float = 10.0,
    row_limit: int = 1000,
    byte_limit: int = DEFAULT_BYTE_LIMIT,
) -> ConsoleResult:
    """Run one read-only statement; refuse anything that would write, read the host or administer.

    The answer holds at most ``row_limit`` rows and about ``byte_limit`` bytes of JSON; a
    statement runs at most ``timeout_seconds`` on the server, and its answer is received within
    about that time too. A cut answer is ``truncated`` with a ``notice``; one that cannot give a
    single row within the limits is refused.
    """
    text = text.strip().rstrip(";").strip()
    if not text:
        raise ConsoleError("请输入一条 Cypher 查询语句 / enter a Cypher statement")
    if text.split(None, 1)[0].upper() in ("EXPLAIN", "PROFILE"):
        raise ConsoleError(
            "请直接输入查询语句，不要以 EXPLAIN/PROFILE 开头 / enter the statement without EXPLAIN or PROFILE"
        )
    params = params or {}
    started = time.perf_counter()
    try:
        with driver.session(
            database=database, default_access_mode=READ_ACCESS, fetch_size=min(row_limit + 1, 1000)
        ) as session:
            summary = _explain(session, text, params, timeout_seconds)
            functions = _user_functions(driver, session, database, timeout_seconds)
            _check_plan(summary.plan or {}, summary.database or database, functions)
            _text_lock(text)
            query_type = summary.query_type or ""
            if query_type != "r":
                raise WriteRefused(
                    f"控制台只允许只读查询：该语句会写入或修改数据库（查询类型 {query_type or '未知'}），已拒绝执行。"
                    f" / The console runs read-only queries; this statement would write (query type {query_type!r})."
                )
            result = ConsoleResult(columns=[], rows=[])
            records = session.run(Query(text, timeout=timeout_seconds), params)
            result.columns = list(records.keys())
            _read(
                records,
                result,
                row_limit=row_limit,
                byte_limit=byte_limit,
                timeout_seconds=timeout_seconds,
                deadline=started + timeout_seconds + 1.0,
            )
    except ConsoleError:
        raise
    except (ClientError, TransientError) as exc:
        _refuse_error(exc, timeout_seconds)
    except (Neo4jError, DriverError) as exc:
        raise ConsoleError(f"Neo4j 出错 / Neo4j failed: {exc}") from exc
    result.elapsed_ms = (time.perf_counter() - started) * 1000
    return result
