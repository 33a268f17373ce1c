"""Chain templates: the links a chain usually has, upstream to downstream, as data files users can edit.

A plan often names a chain without laying out its links, and a 招商 team still needs its map. Each
``*.toml`` file of this folder describes one chain common in provincial plans: its name and aliases,
category, the national classification codes it corresponds to, the sources its facts came from, and its
links in order, each with a position (上游/中游/下游), the products it makes and the business words that
place a firm on it. A chain the documents name is matched to a template by name or alias
(:func:`match`); users add templates of their own in another folder (:func:`load_templates`).
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from chainkg.graph.errors import ChainKGError

POSITIONS = ("上游", "中游", "下游")
CATEGORIES = ("新兴", "传统", "未来")
#: Words too general to place a firm on one link (a firm "making equipment" is on no link in particular).
GENERIC_KEYWORDS = frozenset({"设备", "材料", "服务", "系统", "产品", "制造", "技术", "应用"})
#: Endings a chain's name is written with and without (新能源汽车产业链 is the 新能源汽车 chain).
_NAME_ENDINGS = ("产业链", "产业集群", "产业", "行业", "集群")


class TemplateError(ChainKGError):
    """A template file that cannot be read; the message names the file and what is wrong."""


@dataclass(frozen=True)
class TemplateLink:
    """One link of a template: its name, position, order along the chain, products and placing keywords."""

    name: str
    position: str
    order: int
    products: tuple[str, ...]
    keywords: tuple[str, ...]
    codes: tuple[str, ...] = ()
    source: str | None = None


@dataclass(frozen=True)
class ChainTemplate:
    """A chain's usual links, upstream first, and where that knowledge came from."""

    name: str
    aliases: tuple[str, ...]
    category: str
    codes: tuple[str, ...]
    sources: tuple[str, ...]
    links: tuple[TemplateLink, ...]
    path: str

    def names(self) -> set[str]:
        """The chain's name and aliases, normalised as :func:`chain_key` does."""
        return {chain_key(n) for n in (self.name, *self.aliases)}


def chain_key(name: str) -> str:
    """A chain's name for matching: NFKC, no spaces, without a trailing 产业链/产业/行业/集群."""
    key = "".join(unicodedata.normalize("NFKC", name).split())
    for ending in _NAME_ENDINGS:
        if key.endswith(ending) and len(key) > len(ending) + 1:
            return key[: -len(ending)]
    return key


def check(data: dict[str, Any], where: str) -> list[str]:
    """What is wrong with one template's data (empty when it is sound)."""
    problems = [
        f"{key}: missing or not a {kind.__name__}" for key, kind in _FIELDS if not isinstance(data.get(key), kind)
    ]
    if problems:
        return [f"{where}: {p}" for p in problems]
    if data["category"] not in CATEGORIES:
        problems.append(f"category {data['category']!r} is not one of {'、'.join(CATEGORIES)}")
    if not data["sources"]:
        problems.append("sources: name at least one source of the layout")
    links = data["links"]
    if not links:
        problems.append("links: a template needs at least one link")
    seen: set[str] = set()
    keyword_link: dict[str, str] = {}
    last_order, last_position = 0, 0
    for index, link in enumerate(links, 1):
        label = f"link {index} ({link.get('name', '?')})"
        missing = [key for key in ("name", "position", "order", "products", "keywords") if key not in link]
        if missing:
            problems.append(f"{label}: missing {', '.join(missing)}")
            continue
        if link["name"] in seen:
            problems.append(f"{label}: the name is used twice")
        seen.add(link["name"])
        if link["position"] not in POSITIONS:
            problems.append(f"{label}: position {link['position']!r} is not 上游, 中游 or 下游")
            continue
        if not isinstance(link["order"], int) or link["order"] <= last_order:
            problems.append(f"{label}: order {link['order']!r} does not increase")
        else:
            last_order = link["order"]
        position = POSITIONS.index(link["position"])
        if position < last_position:
            problems.append(f"{label}: {link['position']} after a link further downstream")
        last_position = max(last_position, position)
        for key in ("products", "keywords"):
            if not link[key] or not all(isinstance(v, str) and v.strip() for v in link[key]):
                problems.append(f"{label}: {key} must be a non-empty list of words")
        for word in link["keywords"]:
            if word in GENERIC_KEYWORDS:
                problems.append(f"{label}: keyword {word!r} is too general to place a firm")
            elif keyword_link.setdefault(word, link["name"]) != link["name"]:
                problems.append(f"{label}: keyword {word!r} also places firms on {keyword_link[word]}")
    return [f"{where}: {p}" for p in problems]


_FIELDS = (("name", str), ("aliases", list), ("category", str), ("codes", list), ("sources", list), ("links", list))


def read_template(path: Path | str, text: str) -> ChainTemplate:
    """One template from its TOML text; :class:`TemplateError` names the file and every problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{path}: not valid TOML: {exc}") from exc
    problems = check(data, str(path))
    if problems:
        raise TemplateError("; ".join(problems))
    links = tuple(
        TemplateLink(
            name=link["name"],
            position=link["position"],
            order=link["order"],
            products=tuple(link["products"]),
            keywords=tuple(link["keywords"]),
            codes=tuple(link.get("codes", ())),
            source=link.get("source"),
        )
        for link in data["links"]
    )
    return ChainTemplate(
        name=data["name"],
        aliases=tuple(data["aliases"]),
        category=data["category"],
        codes=tuple(data["codes"]),
        sources=tuple(data["sources"]),
        links=links,
        path=str(path),
    )


def load_templates(extra: Iterable[Path] = ()) -> list[ChainTemplate]:
    """The bundled templates, then those of the ``extra`` folders; a later one of the same chain wins.

    A user's folder can so add a chain or replace a bundled one without touching the package.
    """
    found: dict[str, ChainTemplate] = {}
    bundled = sorted((f for f in files(__name__).iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)
    sources: list[tuple[str, str]] = [(f"{__name__}/{f.name}", f.read_text(encoding="utf-8")) for f in bundled]
    for folder in extra:
        if not folder.is_dir():
            raise TemplateError(f"{folder}: no such folder of chain templates")
        sources += [(str(p), p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.toml"))]
    for where, text in sources:
        template = read_template(where, text)
        found[chain_key(template.name)] = template
    return sorted(found.values(), key=lambda t: t.name)


def match(name: str, templates: Iterable[ChainTemplate]) -> ChainTemplate | None:
    """The template of the chain called ``name`` (by its name or an alias), if any."""
    key = chain_key(name)
    return next((t for t in templates if key in t.names()), None)
