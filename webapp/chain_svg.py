"""Geometry of the printable chain map (SVG): the layered columns as boxes with wrapped text.

The SVG is drawn on the server from the same layout as the page, so the exported map and the
screen agree, and it prints on any printer and opens in any office tool. Text widths are
estimated (a CJK character is one em, other characters about half), which is enough to wrap
names inside their boxes.
"""

from __future__ import annotations

import unicodedata
from typing import Any

FONT = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
COLUMN_WIDTH = 300
COLUMN_GAP = 60
MARGIN = 24
PADDING = 10
FIRMS_SHOWN = 12


def text_width(text: str, size: float) -> float:
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.58 for ch in text)


def wrap(text: str, width: float, size: float) -> list[str]:
    """Lines of ``text`` no wider than ``width`` at font ``size`` (broken between characters, as Chinese is)."""
    lines, line = [], ""
    for ch in text:
        if line and text_width(line + ch, size) > width:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line] if line else lines


def _box_lines(seg: dict[str, Any], inner: float) -> list[dict[str, Any]]:
    title = seg["name"] + ("（模板）" if seg.get("origin") == "模板" else "")
    lines: list[dict[str, Any]] = [{"text": t, "size": 16, "cls": "seg-name"} for t in wrap(title, inner, 16)]
    if seg["products"]:
        products = "产品：" + "、".join(p["name"] for p in seg["products"])
        lines += [{"text": t, "size": 12, "cls": "products"} for t in wrap(products, inner, 12)]
    if seg["state"] == "stated_gap":
        lines.append({"text": "短板：文件明确指出", "size": 13, "cls": "gap"})
    if seg["state"] == "confirmed_gap":
        lines.append({"text": "确认缺失：已导入企业名单，本地无企业", "size": 13, "cls": "gap"})
    elif not seg["firms"]:
        lines.append({"text": "待梳理：暂无已知本地企业", "size": 13, "cls": "unknown"})
    if not seg["firms"]:
        return lines
    lines.append({"text": f"企业 {seg['firm_count']} 家", "size": 13, "cls": "count"})
    for firm in seg["firms"][:FIRMS_SHOWN]:
        mark = "★ " if firm["owner"] else "· "
        suffix = "（链主）" if firm["owner"] else ""
        lines += [
            {"text": t, "size": 12, "cls": "owner" if firm["owner"] else "firm"}
            for t in wrap(mark + firm["name"] + suffix, inner, 12)
        ]
    if seg["firm_count"] > FIRMS_SHOWN:
        lines.append({"text": f"… 等 {seg['firm_count']} 家", "size": 12, "cls": "firm"})
    return lines


def geometry(
    chain: dict[str, Any], layout: dict[str, Any], carriers: dict[str, list[dict[str, Any]]]
) -> dict[str, Any]:
    """Positions of the title, column headers, link boxes (with text lines), arrows and legend."""
    inner = COLUMN_WIDTH - 2 * PADDING
    title_y = MARGIN + 24
    sub = []
    if carriers["platforms"]:
        sub.append("承载平台：" + "、".join(p["name"] for p in carriers["platforms"]))
    if carriers["districts"]:
        sub.append("发展区域：" + "、".join(d["name"] for d in carriers["districts"]))
    columns = layout["columns"]
    total_width = max(1, len(columns)) * (COLUMN_WIDTH + COLUMN_GAP) - COLUMN_GAP + 2 * MARGIN
    sub_lines = [line for text in sub for line in wrap(text, total_width - 2 * MARGIN, 13)]
    top = title_y + 16 + 20 * len(sub_lines) + 16
    out_columns = []
    bottom = top
    for i, column in enumerate(columns):
        x = MARGIN + i * (COLUMN_WIDTH + COLUMN_GAP)
        y = top + 36
        boxes = []
        for seg in column["segments"]:
            lines = _box_lines(seg, inner)
            height = 2 * PADDING + sum(line["size"] + 6 for line in lines)
            ty = y + PADDING
            for line in lines:
                ty += line["size"] + 4
                line["y"] = ty
                ty += 2
            boxes.append(
                {
                    "x": x,
                    "y": y,
                    "width": COLUMN_WIDTH,
                    "height": height,
                    "state": seg["state"],
                    "uid": seg["uid"],
                    "lines": lines,
                }
            )
            y += height + 14
        out_columns.append({"x": x, "title": column["title"], "boxes": boxes})
        bottom = max(bottom, y)
    arrows = [
        {"x1": c["x"] + COLUMN_WIDTH + 6, "x2": c["x"] + COLUMN_WIDTH + COLUMN_GAP - 6, "y": top + 18}
        for c in out_columns[:-1]
    ]
    unplaced = layout["unplaced"]
    unplaced_lines = []
    if unplaced:
        text = (
            f"未归入环节的企业（{len(unplaced)} 家）："
            + "、".join(("★" if f["owner"] else "") + f["name"] for f in unplaced[:40])
            + ("…" if len(unplaced) > 40 else "")
        )
        unplaced_lines = wrap(text, total_width - 2 * MARGIN, 12)
    legend_y = bottom + 10 + 18 * len(unplaced_lines) + 16
    return {
        "font": FONT,
        "width": total_width,
        "height": legend_y + 56,
        "title": f"{chain['name']} 产业链图",
        "title_y": title_y,
        "sub_lines": [{"text": t, "y": title_y + 24 + 20 * i} for i, t in enumerate(sub_lines)],
        "column_title_y": top + 22,
        "columns": out_columns,
        "arrows": arrows,
        "unplaced_lines": [{"text": t, "y": bottom + 10 + 18 * (i + 1)} for i, t in enumerate(unplaced_lines)],
        "legend_y": legend_y,
        "column_width": COLUMN_WIDTH,
    }
