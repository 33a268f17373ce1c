"""The chosen region (地区): every map, list and gap of the viewer is for it.

A page takes its region from the ``region`` query parameter (a District's or Platform's uid, its name, or a
part of its name no other region has); without one, from the ``region`` cookie, which every request naming a
region sets (``region=`` clears it). The header's picker lists the regions the graph has firms, measures,
targets or documents in (:meth:`chainkg.queries.region.Regions.choices`). What lies in a region is decided
by :mod:`chainkg.queries.region` alone.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, request

from chainkg.queries.region import Regions, scoped_picture
from chainkg.webapp.store_holder import run_query, store_stamp

bp = Blueprint("region", __name__)

COOKIE = "region"
#: A year: the region a team works on does not change often.
COOKIE_SECONDS = 365 * 24 * 3600


def regions() -> Regions:
    """The graph's regions, built once per store version."""
    key = ("regions", store_stamp())
    return current_app.extensions["chainkg_cache"].get_or_compute(  # type: ignore[no-any-return]
        key, lambda: Regions.from_rows(run_query("region_facts"))
    )


def requested() -> str:
    """The region key this request asks for: its ``region`` parameter, else the cookie (may be empty)."""
    if "region" in request.args:
        return request.args.get("region", "").strip()
    return request.cookies.get(COOKIE, "").strip()


def chosen() -> dict[str, Any] | None:
    """The chosen region ({uid, name, label, level, level_zh}), or None for the whole graph: a key that
    means one region (its uid, its name, or a part of its name only it has: :meth:`Regions.find`)."""
    found = regions().find(requested())
    return found[0] if len(found) == 1 else None


def chosen_uid() -> str:
    region = chosen()
    return region["uid"] if region else ""


def contains(uid: str | None) -> bool:
    """Whether ``uid`` is in the chosen region (everything is, when none is chosen)."""
    return regions().contains(chosen_uid(), uid)


def scoped(pic: dict[str, Any]) -> dict[str, Any]:
    """The chain picture for the chosen region (:func:`chainkg.queries.region.scoped_picture`)."""
    return scoped_picture(pic, regions(), chosen_uid())


@bp.after_app_request
def _remember(response: Response) -> Response:
    """A request naming a region remembers it in the cookie; ``region=`` (全部地区) forgets it."""
    if "region" in request.args:
        region = chosen()
        if region is None:
            response.delete_cookie(COOKIE)
        else:
            response.set_cookie(COOKIE, region["uid"], max_age=COOKIE_SECONDS, samesite="Lax", httponly=True)
    return response


@bp.app_context_processor
def _picker() -> dict[str, Any]:
    try:
        return {"region": chosen(), "region_choices": regions().choices()}
    except Exception:  # noqa: BLE001 - an error page must render even when the store cannot answer
        return {"region": None, "region_choices": []}
