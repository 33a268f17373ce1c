"""Conversion debris removed before extraction.

Word and PDF exports of government files carry marks no reader sees
([bookmark: _GoBack]), page numbers between paragraphs, sentences broken
at page ends and characters spaced out to fill a table cell
(``企 业 优 强 行 动``). Extraction reads numbered items, bracketed unit lists
and table rows, so those must be whole again; what is kept is still the text a
reader sees, so the sentences used as evidence stay readable. Traditional
characters become simplified (OpenCC) so one rule set reads both.
"""

from __future__ import annotations

import re
from functools import cache

_DEBRIS = re.compile(r"\[(?:bookmark|footnote|endnote|comment|image)[^\]]*\]", re.IGNORECASE)
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,3}\s*/\s*\d{1,3})\s*$"
)
_WIDE = r"\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e“”‘’"
#: Spaces between two CJK characters (or a CJK character and a number) are layout, not words.
_SPACED = re.compile(rf"(?<=[{_WIDE}]) +(?=[{_WIDE}\d])|(?<=[{_WIDE}\d%]) +(?=[{_WIDE}])")
_SENTENCE_END = tuple("。！？；：:;!?）)”》")
#: A line ending like a title (…方案, …要点) is a heading, not a sentence cut at a page end.
_TITLE_ENDS = (
    "方案",
    "意见",
    "通知",
    "办法",
    "规划",
    "指南",
    "标准",
    "计划",
    "要点",
    "措施",
    "细则",
    "决定",
    "规定",
    "表",
)
#: A line that opens a numbered item, an annex or a table row never continues the line before it.
_ITEM_START = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、]|[（(]\d{1,2}[）)]|[①-⑳]"
    r"|附件|附\s*\d|附：|抄送|序号|[-•·])"
)


@cache
def _t2s():  # noqa: ANN202 - opencc has no type hints
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional characters read as simplified (繁體 → 繁体)."""
    return _t2s().convert(text)


def _join_broken(lines: list[str]) -> list[str]:
    """Glue a body line cut at a page end to the line that continues it."""
    out: list[str] = []
    pending_blank = False
    for line in lines:
        stripped = line.strip()
        if not stripped:
            pending_blank = True
            continue
        prev = out[-1] if out else ""
        if (
            prev
            and "\t" not in prev
            and "\t" not in line
            and len(prev) >= 24
            and not prev.endswith(_SENTENCE_END)
            and not _ITEM_START.match(stripped)
            and not stripped.endswith(("：", ":"))
            and not prev.endswith(_TITLE_ENDS)
        ):
            out[-1] = prev + stripped
        else:
            if pending_blank and out:
                out.append("")
            out.append(line.rstrip())
        pending_blank = False
    return out


def clean(text: str) -> str:
    """The text extraction reads: debris, page numbers, spaced characters and page-end breaks removed."""
    text = to_simplified(_DEBRIS.sub("", text)).replace("\u00a0", " ").replace("\u3000", " ")
    lines = [_SPACED.sub("", line) for line in text.split("\n") if not _PAGE_NUMBER.match(line)]
    return "\n".join(_join_broken(lines)).strip("\n") + "\n"
