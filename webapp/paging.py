"""Pages of a long list: the rows of the requested page (``?page=N``) and what the pager shows.

A list of 2,000 firms or 400 targets is one table a browser draws slowly and a person cannot
scan; every long list of the viewer (and its API twin, which takes the same ``page``) is cut
here into pages of the same size, with the total kept, so 上一页 / 下一页 and “共 N 条” agree.
Exports (CSV, Excel) are never paged.
"""

from __future__ import annotations

from typing import Any, TypeVar

from flask import request

T = TypeVar("T")

#: Rows on one page of a list or of search results.
PAGE_SIZE = 100


def requested_page() -> int:
    """The page this request asks for (``page``, from 1); a missing or bad value is page 1."""
    try:
        return max(1, int(request.args.get("page", "1")))
    except ValueError:
        return 1


def page_of(rows: list[T], size: int = PAGE_SIZE, page: int | None = None) -> tuple[list[T], dict[str, Any]]:
    """The rows of the requested page (the last page when asked for one past it) and the pager's facts:
    ``{page, pages, size, total, first, last}`` (``first``/``last``: the rows shown, counted from 1)."""
    total = len(rows)
    pages = max(1, -(-total // size))
    page = min(page or requested_page(), pages)
    start = (page - 1) * size
    shown = rows[start : start + size]
    return shown, {
        "page": page,
        "pages": pages,
        "size": size,
        "total": total,
        "first": start + 1 if shown else 0,
        "last": start + len(shown),
    }
