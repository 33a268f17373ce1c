"""A page and its JSON twin from one function, so the two can never disagree.

``@twin(bp, "/nodes/<uid>", "/api/nodes/<uid>", "node.html")`` registers the HTML route and the
API route; the decorated function returns the data both show. Both answers are kept in the
app's response cache (``chainkg_responses``, :mod:`chainkg.webapp.response_cache`) until the store changes,
one per chosen region.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, Response, current_app, render_template, request

from chainkg.webapp import region
from chainkg.webapp.store_holder import store_stamp

Data = dict[str, Any]


def twin(
    bp: Blueprint, rule: str, api_rule: str, template: str
) -> Callable[[Callable[..., Data]], Callable[..., Data]]:
    def register(fn: Callable[..., Data]) -> Callable[..., Data]:
        def page(**kwargs: Any) -> Response:
            return _cached("page", lambda: (render_template(template, **fn(**kwargs)).encode(), "text/html"))

        def api(**kwargs: Any) -> Response:
            return _cached("api", lambda: (current_app.json.dumps(fn(**kwargs)).encode() + b"\n", "application/json"))

        bp.add_url_rule(rule, fn.__name__, page, methods=["GET"])
        bp.add_url_rule(api_rule, f"api_{fn.__name__}", api, methods=["GET"])
        return fn

    return register


def _cached(kind: str, compute: Callable[[], tuple[bytes, str]]) -> Response:
    # the region may come from the cookie, which the path does not show
    key = (kind, request.full_path, region.requested(), store_stamp())
    body, mimetype = current_app.extensions["chainkg_responses"].get_or_compute(key, compute)
    return Response(body, mimetype=mimetype)
