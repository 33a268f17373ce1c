"""A general vocabulary of Chinese industry names and their synonyms.

Chain maps are drawn per industry, and documents name one industry many ways
(化妆品 / 美妆 / 时尚美妆). This table maps the common surface forms of the
industries Chinese cities plan for onto one canonical name; forms not listed
are still found by their structure (lists ending in 产业链/产业/行业, see
:mod:`chainkg.loaders.extract.industries`). It is a vocabulary of the trade, not of any corpus,
kept as data in ``industry_terms.toml``.
"""

from __future__ import annotations

import tomllib
from importlib.resources import files

_DATA = tomllib.loads(files(__package__).joinpath("industry_terms.toml").read_text(encoding="utf-8"))


def _rows(file: str) -> list[list[str]]:
    """The data rows of a TSV beside this module (lines after its ``#`` header of source and columns)."""
    text = files(__package__).joinpath(file).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


#: GB/T 4754-2017 国民经济行业分类: code -> (level, name), and 战略性新兴产业分类（2018）: code -> (level, name).
GBT_4754: dict[str, tuple[str, str]] = {row[0]: (row[1], row[2]) for row in _rows("gbt4754_2017.tsv")}
SEI_2018: dict[str, tuple[str, str]] = {row[0]: (row[1], row[2]) for row in _rows("sei_2018.tsv")}
#: Chain names provincial plans use, with the number of provinces each was read in and its class code, if any.
CHAIN_NAMES: dict[str, tuple[int, str]] = {row[0]: (int(row[3]), row[5]) for row in _rows("chain_names.tsv")}

#: canonical name -> other names of the same industry.
SYNONYMS: dict[str, tuple[str, ...]] = {name: tuple(forms) for name, forms in _DATA["synonyms"].items()}
#: Industries named alone in running text (long or unambiguous enough to need no 产业 suffix).
STRONG_TERMS: tuple[str, ...] = tuple(_DATA["strong"])
#: Short or ambiguous industries, counted only with a suffix (服装产业, 汽车产业链) or in an industry list.
WEAK_TERMS: tuple[str, ...] = tuple(_DATA["weak"])


def _plan_terms() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The chain names of provincial plans and the 中类 of 战略性新兴产业分类, split by how they are recognised.

    A name of four characters or more that plans of two provinces or more use is strong enough to be found
    alone (动力电池, 工程机械); a shorter one, or one only a single province was read using, is found with a
    head word (钛材料产业链) or in a list of industries, like the weak terms. The 中类 of the national
    classification (智能制造装备产业) are official names a plan quotes with their 产业 head, so they are weak.
    """
    known = {*_DATA["strong"], *_DATA["weak"], *_DATA["plan_exclusions"]}
    strong: list[str] = []
    weak: list[str] = []
    for name, (provinces, _code) in CHAIN_NAMES.items():
        if name in known or not name.strip():
            continue
        if len(name) >= 2:
            (strong if len(name) >= 4 and provinces >= 2 else weak).append(name)
    for level, name in SEI_2018.values():
        plain = name.removesuffix("产业")
        if level == "中类" and plain not in known and "、" not in plain and plain not in weak and plain not in strong:
            weak.append(plain)
    return tuple(strong), tuple(weak)


PLAN_STRONG_TERMS, PLAN_WEAK_TERMS = _plan_terms()
STRONG_TERMS = STRONG_TERMS + PLAN_STRONG_TERMS
WEAK_TERMS = WEAK_TERMS + PLAN_WEAK_TERMS
#: Words around X in "X产业链 / X产业集群" that are not X (see :mod:`chainkg.loaders.extract.industries`).
QUALIFIERS: tuple[str, ...] = tuple(_DATA["by_head"]["qualifiers"])
GENERIC_HEADS: frozenset[str] = frozenset(_DATA["by_head"]["generic"])
REGIONS: tuple[str, ...] = tuple(_DATA["by_head"]["regions"])
HEAD_VERBS: tuple[str, ...] = tuple(_DATA["by_head"]["verbs"])
TIME_WORDS: tuple[str, ...] = tuple(_DATA["by_head"]["time_words"])
#: Whole sectors (工业, 制造业, 服务业): they group chains and name no one industry.
SECTORS: frozenset[str] = frozenset(_DATA["by_head"]["sectors"])
#: What may follow "X产业" when it names the industry X (see :mod:`chainkg.loaders.extract.industries`).
INDUSTRY_FOLLOWERS: tuple[str, ...] = tuple(_DATA["by_head"]["industry_followers"])
#: What an industry's name ends with: the nouns of ``noun_heads`` and every term of the vocabulary.
NOUN_HEADS: tuple[str, ...] = tuple({*_DATA["by_head"]["noun_heads"], *STRONG_TERMS, *WEAK_TERMS})


def industry_code(name: str) -> str | None:
    """The class code of a chain name (GB/T 4754-2017 or 战略性新兴产业分类 2018) when plans' usage gives one."""
    known = CHAIN_NAMES.get(name)
    if known and known[1]:
        return known[1]
    for table, prefix in ((SEI_2018, "SEI"), (GBT_4754, "GB")):
        for code, (_level, official) in table.items():
            if official.removesuffix("产业").removesuffix("制造业") == name:
                return f"{prefix} {code}"
    return None


#: Modifiers that do not change which industry is meant (时尚童装 is the 童装 industry).
NEUTRAL_PREFIXES: tuple[str, ...] = tuple(_DATA["neutral_prefixes"])


def canonical(term: str) -> str:
    """The canonical name of an industry surface form (itself when unknown)."""
    return _CANONICAL.get(term, term)


_CANONICAL: dict[str, str] = {alias: name for name, aliases in SYNONYMS.items() for alias in aliases}
