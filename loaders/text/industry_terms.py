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

#: canonical name -> other names of the same industry.
SYNONYMS: dict[str, tuple[str, ...]] = {name: tuple(forms) for name, forms in _DATA["synonyms"].items()}
#: Industries named alone in running text (long or unambiguous enough to need no 产业 suffix).
STRONG_TERMS: tuple[str, ...] = tuple(_DATA["strong"])
#: Short or ambiguous industries, counted only with a suffix (服装产业, 汽车产业链) or in an industry list.
WEAK_TERMS: tuple[str, ...] = tuple(_DATA["weak"])
#: Modifiers that do not change which industry is meant (时尚童装 is the 童装 industry).
NEUTRAL_PREFIXES: tuple[str, ...] = tuple(_DATA["neutral_prefixes"])


def canonical(term: str) -> str:
    """The canonical name of an industry surface form (itself when unknown)."""
    return _CANONICAL.get(term, term)


_CANONICAL: dict[str, str] = {alias: name for name, aliases in SYNONYMS.items() for alias in aliases}
