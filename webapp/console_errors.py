"""The console's errors in Chinese: the common Neo4j error codes and the console's own refusals.

The server answers in English (``Invalid input 'MATC': expected …``); a team member reads what
went wrong here in Chinese, and the server's own words stay beside it (``detail``) for whoever
knows Cypher. The console's refusals (:mod:`chainkg.graph.cypher_console`) already say ``中文 / English``:
the Chinese half is the message, the rest the detail.
"""

from __future__ import annotations

from typing import Any

_TIMEOUT = "查询超时，已被服务器终止；请加 LIMIT 或缩小查询范围"

#: Neo4j status codes (https://neo4j.com/docs/status-codes/) a console user meets, in Chinese.
CODE_ZH: dict[str, str] = {
    "Neo.ClientError.Statement.SyntaxError": "Cypher 语法错误：请检查关键字拼写、括号与引号是否成对",
    "Neo.ClientError.Statement.SemanticError": "Cypher 语义错误：变量未定义、聚合用法不当或子句顺序有误",
    "Neo.ClientError.Statement.ParameterMissing": "缺少查询参数：语句用到了 $参数，却没有给出它的值",
    "Neo.ClientError.Statement.TypeError": "Cypher 类型错误：值的类型与运算或函数不符",
    "Neo.ClientError.Statement.ArgumentError": "Cypher 函数参数有误",
    "Neo.ClientError.Statement.ArithmeticError": "Cypher 算术错误（例如除以零）",
    "Neo.ClientError.Statement.EntityNotFound": "引用的节点或关系不存在（可能已被删除）",
    "Neo.ClientError.Statement.PropertyNotFound": "引用的属性不存在",
    "Neo.ClientError.Statement.AccessMode": "控制台只允许只读查询，服务器拒绝了写入",
    "Neo.ClientError.Statement.ExternalResourceFailed": "无法读取外部资源（文件或网址）",
    "Neo.ClientError.Statement.UnsupportedAdministrationCommand": "控制台不允许服务器管理命令",
    "Neo.ClientError.Statement.NotSystemDatabaseError": "控制台不允许服务器管理命令",
    "Neo.ClientError.Procedure.ProcedureNotFound": "没有这个过程（CALL 的过程名有误或未安装）",
    "Neo.ClientError.Procedure.ProcedureCallFailed": "过程调用失败",
    "Neo.ClientError.Schema.IndexNotFound": "没有这个索引",
    "Neo.ClientError.Security.Forbidden": "控制台只允许只读查询，服务器拒绝了该操作",
    "Neo.ClientError.Transaction.TransactionTimedOut": _TIMEOUT,
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration": _TIMEOUT,
    "Neo.ClientError.Database.DatabaseNotFound": "没有这个数据库",
}

#: By the code's family, when the code itself is not in :data:`CODE_ZH`.
FAMILY_ZH: dict[str, str] = {
    "Neo.ClientError.Statement.": "Cypher 语句有误",
    "Neo.ClientError.": "请求有误，服务器拒绝执行",
    "Neo.TransientError.": "数据库暂时无法完成查询，请稍后重试",
    "Neo.DatabaseError.": "数据库内部错误",
}

#: How the console's message starts when it only passes the server's error on (no Chinese of its own).
_PASSED_ON = ("Cypher 错误", "Neo4j 出错")


def code_message(code: str) -> str:
    """The Chinese message for a Neo4j status code (its family's, or a general one, if it is not listed)."""
    if code in CODE_ZH:
        return CODE_ZH[code]
    family = next((zh for prefix, zh in FAMILY_ZH.items() if code.startswith(prefix)), None)
    return family or "查询出错"


def explain(exc: Exception) -> dict[str, Any]:
    """``{"error": Chinese message, "detail": the server's (or the refusal's English) text, "code": status code}``."""
    zh, _, rest = str(exc).partition(" / ")
    cause = exc.__cause__
    code = str(getattr(cause, "code", None) or "")
    server = str(getattr(cause, "message", None) or cause or "")
    if zh.startswith(_PASSED_ON):
        zh = code_message(code)
    return {"error": zh, "detail": server or rest, "code": code or None}
