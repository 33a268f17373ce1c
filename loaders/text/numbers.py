"""Numbers as documents write them: 37, 2.6, 2/3, 三, 十五, with their comparators.

Chinese numerals go through cn2an (a maintained converter) rather than a
hand-written table.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib.resources import files

import cn2an

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
    return _cn2an(text)


def _cn2an(text: str) -> float | None:
    """cn2an's reading of a Chinese numeral."""
    try:
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


def _read_units() -> tuple[tuple[str, ...], frozenset[str], dict[str, str]]:
    data = tomllib.loads(files(__package__).joinpath("units.toml").read_text(encoding="utf-8"))
    return tuple(data["units"]), frozenset(data["count"]), dict(data["aliases"])


#: Every unit a figure is written with (``units.toml``), units that count things, and short forms (亿 → 亿元).
UNITS, COUNT_UNITS, UNIT_ALIASES = _read_units()

_HAN_DIGITS = "零〇一二两三四五六七八九"
#: A Chinese numeral written before a unit (五千亿元, 三十家, 两万辆): one that starts with a digit word or 十 and
#: holds a magnitude or stands before 万/亿. A lone magnitude (百亿元的企业, 千亿级集群) qualifies, it counts nothing.
#: The first digit word stands before the lookbehind (``[…十](?<![…十百千].)``: no numeral before it), so ``re``
#: tries the pattern only where a digit word stands: a pattern opening with a lookbehind is tried at every
#: character of every clause read for figures.
_HAN_NUMBER = re.compile(
    rf"([{_HAN_DIGITS}十](?<![{_HAN_DIGITS}十百千].)[{_HAN_DIGITS}十百千]*)"
    r"(?=(?:万亿|亿|万)?(?:元|家|个|项|辆|吨|台|件|户|人|名|座|条|套))"
)
#: A round threshold crossed (突破千亿大关, 迈上5000亿元大关): the threshold in 亿元 or 万亿元.
_MILESTONE = re.compile(r"(\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)(万亿|亿)元?(?:级?大关|关口)")
_LONE_MAGNITUDE = {"十": 10, "百": 100, "千": 1000}


def _han_value(text: str) -> str | None:
    """A Chinese numeral as digits (五千 → 5000, 千 → 1000), or None when cn2an cannot read it."""
    if text in _LONE_MAGNITUDE:
        return str(_LONE_MAGNITUDE[text])
    value = _cn2an(text)
    return None if value is None else f"{value:g}"


def _milestone(match: re.Match[str]) -> str:
    digits = match.group(1) if match.group(1)[0].isdigit() else _han_value(match.group(1))
    return f"{digits}{match.group(2)}元" if digits else match.group(0)


def _numeral(match: re.Match[str]) -> str:
    text = match.group(1)
    if not any(char in text for char in "十百千") and not match.string.startswith(("万", "亿"), match.end()):
        return text  # 两个, 一家: an article more than a count
    return _han_value(text) or text


#: A round count written as a word (上百家, 逾千个, 近万人): more than (上, 逾) or about (近) the round number.
_ROUND_COUNT = re.compile(r"(上|逾|近)(百|千|万)(?=[家个项条名人户台])")
_ROUND = {"百": 100, "千": 1000, "万": 10000}


def _round_count(match: re.Match[str]) -> str:
    number = _ROUND[match.group(2)]
    return f"近{number}" if match.group(1) == "近" else f"{number}余"


def arabic_figures(text: str) -> str:
    """``text`` with its figures in digits: 五千亿元 → 5000亿元, 三十家 → 30家, 突破千亿大关 → 突破1000亿元,
    上百家 → 100余家.

    The length changes: read offsets in the result, not in ``text``.
    """
    if "大关" in text or "关口" in text:
        text = _MILESTONE.sub(_milestone, text)
    if "上" in text or "逾" in text or "近" in text:
        text = _ROUND_COUNT.sub(_round_count, text)
    return _HAN_NUMBER.sub(_numeral, text)
