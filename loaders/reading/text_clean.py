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
from array import array
from functools import cache
from importlib.resources import files
from typing import NamedTuple, TypeAlias

import opencc

_DEBRIS = re.compile(r"\[(?:bookmark|footnote|endnote|comment|image)[^\]]*\]", re.IGNORECASE)
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,3}\s*/\s*\d{1,3})\s*$"
)
#: What a page-number line opens with after white space: the first characters :data:`_PAGE_NUMBER` allows.
_PAGE_NUMBER_OPENINGS = frozenset("-—–－第")
_WIDE = r"\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e“”‘’"
#: Spaces between two CJK characters (or a CJK character and a number) are layout, not words. Written to open
#: with the literal first space (the lookbehinds then look past it) so the engine skips straight to spaces with
#: a fast literal search; a leading lookahead or lookbehind would have it try the pattern at every character.
_SPACED = re.compile(rf" (?:(?<=[{_WIDE}] ) *(?=[{_WIDE}\d(])|(?<=[{_WIDE}\d%)] ) *(?=[{_WIDE}]))")
_SENTENCE_END = tuple("。！？；：:;!?）)”》")
#: A line ending like a title (…方案, …要点) or a table's caption (…表) is a heading, not a sentence cut at a page end.
#: Words a policy instrument's title ends with (``policy_cues.txt``).
POLICY_CUES = tuple(
    line
    for line in files(__package__).joinpath("policy_cues.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
)
_TITLE_ENDS = (*POLICY_CUES, "表")
#: A line that opens a numbered item, an annex or a table row never continues the line before it.
_ITEM_START = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、]|[（(]\d{1,2}[）)]|[①-⑳]"
    r"|第[一二三四五六七八九十百零〇\d]{1,4}[条章]|附件|附\s*\d|附：|抄送|序号|[-•·])"
)
#: A field of a government site's header (索引号：…, 发布机构：…, 文号：…): one field a line, never part of a sentence
#: cut at a page end, and never continued by the title line after the header. :data:`_FIELD` catches other short
#: label lines; a field named here is one whatever its value holds (来源：某某网，作者…).
_SITE_FIELD = re.compile(
    r"^(?:索引号|分类|发文机关|发布机构|发文单位|成文日期|发布日期|发布时间|主题分类|主题词|来源|文号|发文字号|"
    r"有效性|时效性|信息来源|公开方式|组配分类|体裁分类|所属机构)\s*[:：]"
)
#: A field of a file's header (索引号：…, 发布机构：…, 成文日期：…): a short label and its value, never a sentence
#: cut at a page end, so the line after it (the next field, or the title) is no continuation of it.
_FIELD = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[:：]\s*[^。，,]*$")


@cache
def _t2s():  # noqa: ANN202 - opencc has no type hints
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional characters read as simplified (繁體 → 繁体)."""
    return _t2s().convert(text)


class Cleaned(NamedTuple):
    """Cleaned text and, for every offset in it (and its end), the offset in the source text it came from."""

    text: str
    origin: array
    source: str

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source offsets of the cleaned span ``[start, end)``: its first and one past its last character."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1

    def source_text(self, start: int, end: int) -> str:
        """The source wording of the cleaned span ``[start, end)``, trimmed of surrounding white space."""
        first, last = self.source_span(start, end)
        return self.source[first:last].strip()


def _delete(text: str, origin: array, pattern: re.Pattern[str]) -> tuple[str, array]:
    """``text`` without the matches of ``pattern``, with the origins of the characters kept."""
    if pattern.search(text) is None:
        return text, origin
    parts: list[str] = []
    kept = array("l")
    last = 0
    for match in pattern.finditer(text):
        parts.append(text[last : match.start()])
        kept.extend(origin[last : match.start()])
        last = match.end()
    parts.append(text[last:])
    kept.extend(origin[last:])  # includes the entry past the end
    return "".join(parts), kept


@cache
def _traditional() -> re.Pattern[str]:
    """The characters OpenCC changes on their own: a text with none of them is simplified already."""
    chars = [chr(c) for c in range(0x3400, 0xA000)]
    converted = to_simplified("\n".join(chars)).split("\n")
    changed = "".join(c for c, s in zip(chars, converted, strict=True) if c != s)
    return re.compile(f"[{re.escape(changed)}]")


def _same_length_simplified(text: str) -> str:
    """Simplified text of exactly the source's length, so offsets carry over one to one.

    A text without a traditional character is left as it is (most files; the
    conversion is the costliest step of cleaning). OpenCC's phrase tables keep
    length in practice; a line where they do not is converted character by character.
    """
    if _traditional().search(text) is None:
        return text
    converted = to_simplified(text)
    if len(converted) == len(text):
        return converted
    lines = []
    for line in text.split("\n"):
        simple = to_simplified(line)
        lines.append(simple if len(simple) == len(line) else "".join(to_simplified(c)[:1] or c for c in line))
    return "\n".join(lines)


#: A cleaned line and where its characters, then the line break after it, stand in the origin map of the text
#: being cleaned, as ranges ``[start, stop)`` of that map. Ranges rather than copies of the map: most lines are
#: kept as they are, and the ranges of consecutive kept lines join into one, so the cleaned text's map is built
#: from a few long slices instead of two small arrays per line.
_Line: TypeAlias = tuple[str, list[tuple[int, int]]]


def _join_broken(lines: list[tuple[str, int]]) -> list[_Line]:
    """Glue a body line cut at a page end to the line that continues it (``lines``: each with where it starts)."""
    out: list[_Line] = []
    pending_blank = False
    for line, at in lines:
        stripped = line.strip()
        brk = at + len(line)  # the line break after the line
        if not stripped:
            if not pending_blank:
                blank_break = brk
            pending_blank = True
            continue
        prev = out[-1][0] if out else ""
        lead = len(line) - len(line.lstrip())
        if (
            prev
            and "\t" not in prev
            and "\t" not in line
            and len(prev) >= 24
            and not prev.endswith(_SENTENCE_END)
            and not _ITEM_START.match(stripped)
            and not _SITE_FIELD.match(prev)
            and not _SITE_FIELD.match(stripped)
            and not stripped.endswith(("：", ":"))
            and not prev.endswith(_TITLE_ENDS)
            and not _FIELD.match(prev)
        ):
            prev_ranges = out[-1][1][:-1]  # without the line break of the previous line
            out[-1] = (prev + stripped, [*prev_ranges, (at + lead, at + lead + len(stripped)), (brk, brk + 1)])
        else:
            if pending_blank and out:
                out.append(("", [(blank_break, blank_break + 1)]))
            kept = line.rstrip()
            out.append((kept, [(at, at + len(kept)), (brk, brk + 1)]))
        pending_blank = False
    return out


def _is_page_number(line: str) -> bool:
    """Whether ``line`` is a page number (— 3 —, 第3页, 3/12). Most lines open with a character no page number
    opens with, which tells them apart without trying the pattern on each of a document's hundreds of lines."""
    first = line.lstrip()[:1]
    return (first in _PAGE_NUMBER_OPENINGS or first.isdecimal()) and _PAGE_NUMBER.match(line) is not None


#: ``0, 1, 2 …``: the origin map of an untouched text, sliced rather than built per document (building an
#: array from ``range`` costs a Python step per character). It grows to the longest text cleaned so far.
_IDENTITY = array("l")


def _identity(length: int) -> array:
    """``array([0, 1, …, length - 1])``, a copy of a prefix of :data:`_IDENTITY`."""
    global _IDENTITY
    if len(_IDENTITY) < length:
        _IDENTITY = array("l", range(max(length, 2 * len(_IDENTITY))))
    return _IDENTITY[:length]


def clean(text: str) -> Cleaned:
    """The text extraction reads (debris, page numbers, spaced characters and page-end breaks removed),
    with the map back to ``text`` so evidence can quote the source as written."""
    simple = _same_length_simplified(text).replace("\u00a0", " ").replace("\u3000", " ")
    simple, origin = _delete(simple, _identity(len(text) + 1), _DEBRIS)
    # Spaced-out characters are removed in one pass over the whole text rather than line by line: the
    # pattern matches only spaces between two characters of a line, so it never reaches across a line
    # break, and a page-number line reads the same with or without them (its pattern allows any spacing).
    simple, origin = _delete(simple, origin, _SPACED)
    lines: list[tuple[str, int]] = []
    position = 0
    for line in simple.split("\n"):
        if not _is_page_number(line):
            lines.append((line, position))
        position += len(line) + 1
    joined = _join_broken(lines)
    cleaned = "\n".join(line for line, _ in joined) + "\n"
    mapped = array("l")
    start = stop = 0  # the range of the map not copied yet
    for _, ranges in joined:
        for first, last in ranges:
            if first != stop:
                mapped.extend(origin[start:stop])
                start = first
            stop = last
    mapped.extend(origin[start:stop])
    if not joined:
        mapped.append(len(text))
    mapped.append(len(text))
    return Cleaned(cleaned, mapped, text)
