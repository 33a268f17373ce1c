"""Errors as a page for HTML paths and as JSON for ``/api/`` paths.

A user who follows a dead link gets a Chinese page that says what was not found (or, where a
chain is missing or unknown, the chain picker: :mod:`chainkg.webapp.chain_picker`); a script
calling the API gets ``{"error": ..., "status": ...}`` with the same status code.
"""

from __future__ import annotations

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from chainkg.graph.errors import ChainKGError, StoreError
from chainkg.webapp.chain_picker import ChainMissing, picker_page

_TITLES = {
    400: "请求有误",
    404: "未找到",
    405: "不支持的请求方法",
    409: "当前存储不支持",
    500: "服务器内部错误",
    503: "图谱存储不可用",
}


def _respond(status: int, message: str) -> tuple[Response | str, int]:
    if request.path.startswith("/api/"):
        return jsonify({"error": message, "status": status}), status
    title = _TITLES.get(status, "出错了")
    return render_template("error.html", status=status, title=title, message=message), status


def register(app: Flask) -> None:
    @app.errorhandler(ChainMissing)
    def _chain_missing(exc: ChainMissing) -> tuple[Response | str, int]:
        if request.path.startswith("/api/"):
            return _respond(exc.code or 404, exc.description or exc.name)
        return picker_page(exc)

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException) -> tuple[Response | str, int]:
        return _respond(exc.code or 500, exc.description or exc.name)

    @app.errorhandler(ChainKGError)
    def _chainkg(exc: ChainKGError) -> tuple[Response | str, int]:
        return _respond(503 if isinstance(exc, StoreError) else 400, str(exc))
