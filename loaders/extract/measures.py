"""The numbered structure of a policy document: every item at every level.

Chinese official documents number their items with a small set of styles
(一、 （一） 1. （1） ①) whose nesting is conventional but not fixed: a plan may
skip a level, restart 1. in every section or number it continuously, and put
①②③ inline in one paragraph. The parser therefore keeps a stack of the
styles seen: an item of a style already on the stack closes everything below
it; a new style opens a child. That reads every habit without knowing which
one a document uses.

Rules-style instruments (办法, 若干措施, 若干政策, 实施细则) number their items as
articles instead: 第一条 (headed 第一条　发展目标。… or 第一条（目的依据）…),
grouped in chapters (第一章 总则). Both are two more styles on the same stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Numbering styles, each with the pattern of an item start (number, then the rest of the line).
_CN = "一二三四五六七八九十"
STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cn", re.compile(rf"^([{_CN}]{{1,3}})、\s*(.*)$")),
    ("cn_paren", re.compile(rf"^[（(]([{_CN}]{{1,3}})[）)]\s*(.*)$")),
    ("arabic", re.compile(r"^(\d{1,2})[.．、](?!\d)\s*(.*)$")),
    ("arabic_paren", re.compile(r"^[（(](\d{1,2})[）)]\s*(.*)$")),
    ("circled", re.compile(r"^([①-⑳])\s*(.*)$")),
    ("chapter", re.compile(rf"^第([{_CN}百零〇]{{1,4}}|\d{{1,3}})章\s*(.*)$")),
    ("article", re.compile(rf"^第([{_CN}百零〇]{{1,4}}|\d{{1,3}})条\s*(.*)$")),
)
#: An article's heading in brackets right after its number: 第二条（适用对象）本政策适用于….
_BRACKETED_HEADING = re.compile(r"^[（(【]([^（）()【】。；]{2,30})[）)】]\s*")
#: The characters an item can open with (an Arabic numeral is any decimal digit, as ``\d`` reads it).
_ITEM_FIRSTS = frozenset(f"{_CN}（(第" + "".join(chr(c) for c in range(ord("①"), ord("⑳") + 1)))
_ANNEX_LIST = re.compile(r"^(?:[-•·]\s*)?附件\s*[:：]")
_CIRCLED_INLINE = re.compile(r"[①-⑳]")
_TITLE_END = re.compile(r"[。！？；]")
#: How an Arabic-numbered item's words open (2023年 or 1.5 are numbers, not items).
_WORDS_START = re.compile(r"[\u4e00-\u9fff“《]")


@dataclass(slots=True)
class Item:
    """One numbered item: its numbering path, heading, text and where it stands."""

    code: str
    style: str
    title: str
    text: str
    start: int
    parent: Item | None = None
    children: list[Item] = field(default_factory=list)
    #: The uid of the item's Measure node, once :func:`chainkg.loaders.policies.extract` has made it (targets read it).
    uid: str | None = None

    @property
    def own_text(self) -> str:
        """The item's text before its first child (what it says itself)."""
        return self.text


def _label(style: str, number: str) -> str:
    """The code segment of an item as the gold sets write it: 二, （一）, 1, ①, 第三条, 第二章."""
    if style == "article":
        return f"第{number}条"
    if style == "chapter":
        return f"第{number}章"
    return f"（{number}）" if style.endswith("_paren") else number


_UNITS_AFTER_TITLE = re.compile(r"[（(](?:责任单位|牵头单位)[:：].*$")


def heading(rest: str) -> str:
    """The heading of an item: the words before the first 。, without trailing unit lists."""
    rest = rest.strip()
    match = _TITLE_END.search(rest)
    title = rest[: match.start()] if match else rest
    title = _UNITS_AFTER_TITLE.sub("", title)
    return title.strip(" ：:")


def _split_inline(line: str) -> list[str]:
    """A paragraph with ①…；②… inline becomes one line per circled item (the lead-in stays first)."""
    positions = [m.start() for m in _CIRCLED_INLINE.finditer(line)]
    if len(positions) < 2 and not line.startswith(tuple("①②③④⑤⑥⑦⑧⑨⑩")):
        return [line]
    cuts = [0, *positions, len(line)]
    return [line[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if line[a:b].strip()]


def parse(text: str, start: int = 0, end: int | None = None) -> list[Item]:
    """Top-level items of ``text[start:end]`` with their descendants."""
    end = len(text) if end is None else end
    roots: list[Item] = []
    stack: list[Item] = []
    offset = start
    for raw in text[start:end].split("\n"):
        line_start = offset
        offset += len(raw) + 1
        line = raw.strip()
        if _ANNEX_LIST.match(line):
            break  # 附件：1. …  2. … lists the annexes by title: they are not items of this text
        if not line or "\t" in line:
            continue
        inner = line_start + raw.index(line[0])
        for piece in _split_inline(line):
            piece_start = inner
            inner += len(piece)
            item = _item_of(piece.strip(), piece_start, stack)
            if item is None:
                if stack:
                    stack[-1].text += "\n" + piece.strip() if not stack[-1].text.endswith(piece.strip()) else ""
                continue
            if item.parent is None:
                roots.append(item)
            else:
                item.parent.children.append(item)
            stack.append(item)
    return roots


def _item_of(line: str, start: int, stack: list[Item]) -> Item | None:
    """The item a line opens (closing deeper items on ``stack``), or None for body text."""
    first = line[:1]
    if first and first not in _ITEM_FIRSTS and not first.isdecimal():
        return None  # no style's pattern can match: body text, decided without trying them in turn
    for style, pattern in STYLES:
        match = pattern.match(line)
        if not match or not match.group(2).strip():
            continue
        if style == "arabic" and not _WORDS_START.match(match.group(2)):
            continue  # 2023年 or 1.5 are numbers, not items
        depth = next((i for i, it in enumerate(stack) if it.style == style), None)
        if depth is not None:
            del stack[depth:]
        parent = stack[-1] if stack else None
        label = _label(style, match.group(1))
        code = f"{parent.code}.{label}" if parent else label
        return Item(code, style, _heading_of(style, match.group(2)), line, start, parent)
    return None


def _heading_of(style: str, rest: str) -> str:
    """An item's heading; an article's bracketed heading (第二条（适用对象）…) when it has one."""
    if style == "article":
        bracketed = _BRACKETED_HEADING.match(rest)
        if bracketed:
            return bracketed.group(1).strip()
    return heading(rest)


def walk(items: list[Item]):  # noqa: ANN201 - generator of Item
    """Every item, depth first, parents before children."""
    for item in items:
        yield item
        yield from walk(item.children)
