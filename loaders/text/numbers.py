"""Numbers as documents write them: 37, 2.6, 2/3, 三, 十五, with their comparators.

Chinese numerals go through cn2an (a maintained converter) rather than a
hand-written table.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Comparator words (before or after the number) → comparator.
COMPARATORS: tuple[tuple[str, str], ...] = (
    ("不低于", ">="),
    ("不少于", ">="),
    ("以上", ">="),
    ("不超过", "<="),
    ("不高于", "<="),
    ("以下", "<="),
    ("以内", "<="),
    ("左右", "about"),
    ("约", "about"),
    ("近", "about"),
    ("超过", ">"),
    ("突破", ">"),
    ("超", ">"),
    ("余", ">"),
    ("多", ">"),
)
_FRACTION = re.compile(r"^(\d+)/(\d+)$")


def parse_number(text: str) -> float | None:
    """A written number as a float (2/3 → 66.67 when it is a share, left to the caller), or None."""
    try:
        return float(text)  # most numbers are written plainly: read them without the other readings' work
    except ValueError:
        pass
    text = text.strip().replace(",", "").replace("，", "")
    if not text:
        return None
    fraction = _FRACTION.match(text)
    if fraction:
        return round(int(fraction.group(1)) / int(fraction.group(2)) * 100, 2)
    try:
        return float(text)
    except ValueError:
        pass
    try:
        import cn2an  # some 0.1 s to import: only when a Chinese numeral comes

        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


@lru_cache(maxsize=4096)
def comparator(before: str, after: str) -> str:
    """The comparator stated around a number (以上 after it, 超过 before it …); ``=`` when none is.

    Cached: the words around a figure repeat (达到 … 以上) and every figure of a document asks.
    """
    for word, symbol in COMPARATORS:
        if after.startswith(word):
            return symbol
    for word, symbol in COMPARATORS:
        if before.endswith(word):
            return symbol
    return "="
