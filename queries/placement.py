"""The one rule that puts a chain's links on its map and its firms on those links, each with its reason.

Every page and list that shows firms per link (the chain map and its SVG, the firm list, the gap list,
the home page) builds its picture here, from rows of named queries, so the embedded store and Neo4j
show the same map: the queries (``chain_map``, ``chain_firm_evidence``, ``chain_gap_sentences``, each
with Cypher and an embedded twin held equal by ``tests/test_query_parity.py``) only fetch facts, and
this module decides. The chain templates live in files, not in the graph, which is why the decision is
made here and not in Cypher.

**Links** (:func:`merge_links`): the document's own links (ChainSegment nodes, origin 文件) where the
documents give a layout; a template link (origin 模板) for every link of the chain's template
(:func:`chainkg.templates.match`) no document link covers. A document link covers a template link
of the same name (one name inside the other) or sharing a product; it then takes the template link's
products and keywords for placing firms, and its position and order where the document gave none.

**Firms on a link** (:func:`place`), strongest reason first:

1. ``环节`` — the firm is IN_SEGMENT the link (a document says so);
2. ``产品`` — the firm MAKES a product the link INCLUDES (by node, or by name for a template's product);
3. ``经营范围`` — a product or keyword of the link's template is in the firm's registered business scope (an
   imported firm list's 经营范围 column, :func:`scope_match`): in an item that makes, designs or integrates
   (an item only selling, renting or repairing — 堆垛机销售 — places nobody), outside a clause that excludes
   (（除…外）, （不含…）); the word must be specific (:func:`specific`: two characters at least, not a
   general word such as 技术服务). The "sentence" is the part of the scope around the words, its source the
   firm-table Document and the row it was read from;
4. ``所属行业`` — such a word is in the firm's 所属行业 (industry) column;
5. ``关键词`` — a product or keyword of the link's template is in one of the firm's evidence sentences
   (the sentences of its IN_CHAIN, CHAIN_OWNER_OF, IN_SEGMENT, MAKES and LOCATED_IN relationships; of an
   evidence text of several sentences, those naming the firm, so another firm's sentence places nobody).

Each placement keeps the words and the sentence (and its document), so the map can say why.

**Firms of a map**: those tied to the chain by the documents (``chain_firm_evidence``: IN_CHAIN,
CHAIN_OWNER_OF, IN_SEGMENT, MAKES a product of its links) and the imported firms (no edge to any chain)
that 经营范围 or 所属行业 places on one of its template links. Both come with ``chain_leads``, which also
returns the other firms making the links' products (the 招商 leads of :mod:`chainkg.queries.leads`).

**State of a link** (:func:`link_state`): ``firms`` (a local firm is on it), ``stated_gap`` when a
sentence of the chain's documents names a gap word (短板, 空白, 缺失, 补链) together with the link's name
or one of its products (red, whatever firms it has), ``confirmed_gap`` (red) when no firm is on it although
the region's firm list has been imported (a firm-table Document covers it: :meth:`Regions.has_firm_list`),
else ``unknown`` (no firm known: 待梳理, grey). A chain with no link and no template is 未梳理
(:func:`chain_picture` ``mapped`` is false).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from chainkg.templates import GENERIC_KEYWORDS, ChainTemplate, chain_key, match

ORIGIN_DOCUMENT = "文件"
ORIGIN_TEMPLATE = "模板"
POSITION_EN = {"上游": "upstream", "中游": "midstream", "下游": "downstream"}
GAP_WORDS = ("短板", "空白", "缺失", "补链")
#: Slogans that name 补链 of every chain at once (延链补链强链): not a statement about one link.
_SLOGAN = re.compile(r"(?:[延强固稳补优育拓]链){2,}")
#: Why a firm is on a link, strongest first.
REASONS = ("环节", "产品", "经营范围", "所属行业", "关键词")
REASON_ZH = {
    "环节": "文件载明所属环节",
    "产品": "生产该环节产品",
    "经营范围": "经营范围含该环节产品",
    "所属行业": "所属行业含该环节产品",
    "关键词": "证据句含该环节关键词",
}
#: The reasons read from an imported firm list's columns.
ROW_REASONS = ("经营范围", "所属行业")
STATE_ZH = {
    "firms": "已有企业",
    "unknown": "待梳理",
    "stated_gap": "文件所述短板",
    "confirmed_gap": "已导入企业名单但本地无企业",
}
#: Gap states: no local firm is known, or a document or the imported firm list says the link is weak or empty.
GAP_STATES = ("stated_gap", "confirmed_gap", "unknown")
#: Kind of the Document an imported firm list is (``chainkg import firms``).
FIRM_TABLE = "firm_table"
#: Business-scope words too general to say what a firm makes (any trading or software firm has them).
SCOPE_GENERIC = GENERIC_KEYWORDS | {
    "技术服务",
    "技术开发",
    "技术咨询",
    "软件开发",
    "机械设备",
    "电子产品",
    "货物进出口",
    "技术进出口",
    "信息咨询",
    "设备制造",
    "设备销售",
    "智能",
    "装备",
    "配件",
    "零部件",
}
#: Items of a business scope end at these marks (一般项目：A；B。（…）许可项目：C).
_SCOPE_ITEM = re.compile(r"[；;。\n]|(?:一般|许可)项目[:：]")
#: A clause that excludes what it names: （除依法须经批准的项目外…）, （不含危险化学品）.
_EXCLUDED = re.compile(r"[（(](?:除|不含|不得|不涉及|不包括|依法须经)[^（）()]*[）)]")
_TRADE_VERBS = ("销售", "批发", "零售", "代理", "进出口", "经销", "租赁", "维修", "回收")
_MAKE_VERBS = ("制造", "生产", "研发", "研制", "加工", "设计", "集成", "组装", "装配", "开发", "安装", "服务", "运营")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
SNIPPET = 16
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n")

Row = dict[str, Any]
RunQuery = Callable[[str, dict[str, Any]], list[Row]]


@dataclass
class Link:
    """One link of a chain map: from a document (``uid`` set) or from the chain's template."""

    key: str
    name: str
    origin: str
    position: str | None
    order: int | None
    uid: str | None = None
    products: list[dict[str, Any]] = field(default_factory=list)
    downstream: list[str] = field(default_factory=list)
    keywords: tuple[str, ...] = ()
    template_link: str | None = None
    template_order: int | None = None
    # words() and scope_words(), asked for every firm of a chain: kept once computed (a link is complete when
    # merge_links returns it)
    _words: tuple[str, ...] | None = field(default=None, repr=False, compare=False)
    _scope_words: tuple[str, ...] | None = field(default=None, repr=False, compare=False)

    def product_names(self) -> set[str]:
        return {p["name"] for p in self.products if p.get("name")}

    def product_uids(self) -> set[str]:
        return {p["uid"] for p in self.products if p.get("uid")}

    def words(self) -> tuple[str, ...]:
        """What places a firm by its sentences: the template's keywords and products (documents' links have none)."""
        if self.template_link is None:
            return ()
        if self._words is None:
            names = sorted(self.product_names(), key=lambda n: (-len(n), n))
            self._words = tuple(dict.fromkeys([*self.keywords, *names]))
        return self._words

    def scope_words(self) -> tuple[str, ...]:
        """What places a firm by its business scope or industry: the :func:`specific` ones of :meth:`words`."""
        if self._scope_words is None:
            self._scope_words = tuple(w for w in self.words() if specific(w))
        return self._scope_words


@dataclass(frozen=True)
class Placement:
    """Why a firm is on a link: the reason, the words that matched, and the sentence with its document."""

    link: str
    reason: str
    words: tuple[str, ...]
    sentence: str | None
    source: str | None
    #: The imported row it was read from ("企业名单.xlsx 第12行"), for 经营范围 and 所属行业.
    row: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "link": self.link,
            "reason": self.reason,
            "reason_zh": REASON_ZH[self.reason],
            "words": list(self.words),
            "sentence": self.sentence,
            "source": self.source,
            "row": self.row,
        }


def _norm(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split())


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _covers(segment: Row, link: Any) -> bool:
    """A document's link stands for a template link: one name in the other, a shared product, or the same
    kind of thing at the same position (a common ending of three characters or more: 关键零部件 / 核心零部件)."""
    a, b = _norm(segment["name"] or ""), _norm(link.name)
    if a and (a == b or (min(len(a), len(b)) >= 2 and (a in b or b in a))):
        return True
    if {p["name"] for p in segment.get("products") or []} & set(link.products):
        return True
    same_position = segment.get("position") in (None, POSITION_EN[link.position])
    return same_position and _common_suffix(a, b) >= 3


def merge_links(segments: list[Row], template: ChainTemplate | None) -> list[Link]:
    """The links of the map: the documents' ``chain_map`` rows, then the template's links none of them covers."""
    links: list[Link] = []
    taken: set[str] = set()
    template_links = list(template.links) if template else []
    for seg in segments:
        if not seg.get("uid"):
            continue
        tl = next((t for t in template_links if t.name not in taken and _covers(seg, t)), None)
        link = Link(
            key=seg["uid"],
            name=seg["name"],
            origin=ORIGIN_DOCUMENT,
            position=seg.get("position"),
            order=seg.get("order"),
            uid=seg["uid"],
            products=[dict(p) for p in seg.get("products") or []],
            downstream=list(seg.get("downstream") or []),
        )
        if tl is not None:
            taken.add(tl.name)
            link.template_link, link.template_order, link.keywords = tl.name, tl.order, tl.keywords
            link.position = link.position or POSITION_EN[tl.position]
            have = link.product_names()
            link.products += [{"uid": None, "name": p} for p in tl.products if p not in have]
        links.append(link)
    for tl in template_links:
        if tl.name in taken:
            continue
        assert template is not None
        links.append(
            Link(
                key=f"template:{template.name}:{tl.name}",
                name=tl.name,
                origin=ORIGIN_TEMPLATE,
                position=POSITION_EN[tl.position],
                order=tl.order,
                products=[{"uid": None, "name": p} for p in tl.products],
                keywords=tl.keywords,
                template_link=tl.name,
                template_order=tl.order,
            )
        )
    return links


_FIRM_ENDINGS = ("集团股份有限公司", "集团有限公司", "股份有限公司", "有限责任公司", "有限公司", "公司", "集团")


def firm_names(name: str) -> list[str]:
    """The firm's name and its short form without 有限公司 / 集团 … (two characters at least)."""
    names = [name]
    for ending in _FIRM_ENDINGS:
        if name.endswith(ending) and len(name) - len(ending) >= 2:
            names.append(name[: -len(ending)])
            break
    return names


def _sentences(fact: Row, names: list[str] | None = None) -> Iterable[tuple[str, str | None]]:
    """The fact's evidence, sentence by sentence; with ``names``, only the sentences naming the firm when any does.

    An evidence text can hold several sentences about several firms (乙生产伺服电机。丙供应钢材。): a
    keyword of another firm's sentence must not place this one.
    """
    for text, source in zip(fact.get("evidences") or [], fact.get("sources") or [], strict=False):
        if not text:
            continue
        if names is None:
            yield text, source
            continue
        parts = split_sentences(text)
        own = [s for s in parts if any(n in s for n in names)]
        for sentence in own or parts:
            yield sentence, source


def specific(word: str) -> bool:
    """Whether a template word says what a firm makes precisely enough to place it by its 经营范围 or 所属行业:
    two characters at least and not a general word (:data:`SCOPE_GENERIC`)."""
    return len(_norm(word)) >= 2 and word not in SCOPE_GENERIC


def scope_words(links: Iterable[Link]) -> list[str]:
    """The words that place a firm on one of ``links`` by its business scope (:func:`specific` ones), sorted."""
    return sorted({w for link in links for w in link.scope_words()})


def _found(word: str, text: str) -> int:
    """Where ``word`` is in ``text`` (-1 if not); a Latin word (AGV, WMS) only as a whole word (not in MAGV)."""
    at = text.find(word)
    if at < 0 or not word.isascii():
        return at
    while at >= 0:
        before = text[at - 1] if at else ""
        end = at + len(word)
        after = text[end] if end < len(text) else ""
        if not (_ASCII_WORD.match(before) or _ASCII_WORD.match(after)):
            return at
        at = text.find(word, at + 1)
    return -1


def scope_items(scope: str) -> list[str]:
    """The items of a business scope that say what the firm makes: without excluding clauses (（除…外）,
    （不含…）) and without items that only trade (销售, 批发, 租赁, 维修 … and no 制造, 生产, 研发, 集成 …)."""
    text = _EXCLUDED.sub("", scope)
    items = [i.strip(" ，,、：:") for i in _SCOPE_ITEM.split(text)]
    return [i for i in items if i and not (any(v in i for v in _TRADE_VERBS) and not any(v in i for v in _MAKE_VERBS))]


def scope_match(items: list[str], words: Iterable[str]) -> tuple[tuple[str, ...], str] | None:
    """The ``words`` found in a business scope's ``items`` (:func:`scope_items`) and the text around the first,
    or None when none is."""
    hits: list[str] = []
    snippet = ""
    joined = "\n".join(items)
    for word in words:
        if word not in joined:
            continue
        for item in items:
            at = _found(word, item)
            if at >= 0:
                hits.append(word)
                if not snippet:
                    start, end = max(0, at - SNIPPET), at + len(word) + SNIPPET
                    snippet = ("…" if start else "") + item[start:end] + ("…" if end < len(item) else "")
                break
    return (tuple(hits), snippet) if hits else None


def _row_placement(firm: Row, link: Link, items: list[str]) -> Placement | None:
    """A placement by the firm's imported 经营范围 or 所属行业 (reasons 3 and 4), or None."""
    words = link.scope_words()
    if not words:
        return None
    table = next((d["uid"] for d in firm.get("tables") or []), None)
    row = next(iter(firm.get("import_sources") or []), None)
    found = scope_match(items, words) if items else None
    if found is not None:
        return Placement(link.key, "经营范围", found[0], f"经营范围：{found[1]}", table, row)
    industry = firm.get("industry") or ""
    hits = tuple(w for w in words if industry and _found(w, industry) >= 0)
    if hits:
        return Placement(link.key, "所属行业", hits, f"所属行业：{industry}", table, row)
    return None


def place(firm: Row, links: list[Link]) -> list[Placement]:
    """Where one ``chain_firm_evidence`` or ``chain_leads`` row's firm sits, one placement per link, in the order
    of ``links``."""
    facts = firm.get("facts") or []
    names = firm_names(firm.get("name") or "")
    items = scope_items(firm["business_scope"]) if firm.get("business_scope") else []
    sentences: list[tuple[str, str | None]] | None = None  # of every fact, read once for all links
    out = []
    for link in links:
        found: Placement | None = None
        for fact in facts:
            if fact["type"] == "IN_SEGMENT" and link.uid and fact["uid"] == link.uid:
                sentence, source = next(iter(_sentences(fact, names)), (None, None))
                found = Placement(link.key, "环节", (link.name,), sentence, source)
                break
        if found is None:
            for fact in facts:
                if fact["type"] == "MAKES" and (
                    fact["uid"] in link.product_uids() or fact["name"] in link.product_names()
                ):
                    sentence, source = next(iter(_sentences(fact, names)), (None, None))
                    found = Placement(link.key, "产品", (fact["name"],), sentence, source)
                    break
        if found is None and (items or firm.get("industry")):
            found = _row_placement(firm, link, items)
        words = link.words()
        if found is None and words:
            if sentences is None:
                sentences = [pair for fact in facts for pair in _sentences(fact, names)]
            for sentence, source in sentences:
                hits = tuple(w for w in words if w in sentence)
                if hits:
                    found = Placement(link.key, "关键词", hits, sentence, source)
                    break
        if found is not None:
            out.append(found)
    return out


def split_sentences(text: str) -> list[str]:
    """Sentences of a document's text (ended by 。！？； or a line break), stripped, none empty."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def stated_gaps(link: Link, documents: list[Row], chain_names: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Sentences of ``chain_gap_sentences`` documents naming a gap word with the link's name or one of its products.

    The sentence must be about this chain: it names the chain (``chain_names``: its name and aliases), or its
    document's title does. A slogan (延链补链强链) is no statement of a gap; a sentence counts once.
    """
    terms = [t for t in (link.name, *sorted(link.product_names())) if len(_norm(t)) >= 2]
    names = [n for n in chain_names if len(n) >= 2]
    found: list[dict[str, Any]] = []
    seen: set[str] = set()
    for doc in documents:
        about_chain = any(n in (doc.get("title") or "") for n in names)
        for sentence in split_sentences(doc.get("text") or ""):
            if sentence in seen or not (about_chain or any(n in sentence for n in names)):
                continue
            plain = _SLOGAN.sub("", sentence)
            gap_words = [w for w in GAP_WORDS if w in plain]
            named = [t for t in terms if t in plain]
            if gap_words and named:
                seen.add(sentence)
                found.append(
                    {"sentence": sentence, "source": doc["uid"], "title": doc["title"], "words": gap_words + named}
                )
    return found


def link_state(firms: list[Any], gaps: list[Any], firm_list: bool = False) -> str:
    """``stated_gap`` (red), ``firms``, ``confirmed_gap`` (red: the region's firm list is imported and none of
    its firms is on the link) or ``unknown`` (grey, 待梳理)."""
    if gaps:
        return "stated_gap"
    if firms:
        return "firms"
    return "confirmed_gap" if firm_list else "unknown"


def chain_picture(run: RunQuery, chain: str, templates: list[ChainTemplate]) -> dict[str, Any] | None:
    """The chain's links with their firms (each with its placements), states and stated gaps; None if no such chain.

    ``placements`` are those of the map's firms (see the module docstring); ``candidates`` the ``chain_leads`` rows
    of the firms placed on one of its links, wherever they are, and ``candidate_placements`` their placements.

    ``run(name, params)`` runs a named query on the store (the viewer's cached ``run_query``, or
    ``lambda n, p: queries.run(store, n, p)``).
    """
    rows = run("chain_map", {"chain": chain})
    if not rows:
        return None
    chain_uid = rows[0]["chain_uid"]
    rows = [r for r in rows if r["chain_uid"] == chain_uid]
    template = match(rows[0]["chain"], templates)
    links = merge_links(rows, template)
    evidence = run("chain_firm_evidence", {"chain": chain_uid})
    documents = run("chain_gap_sentences", {"chain": chain_uid}) if links else []
    words = scope_words(links)
    candidates = run("chain_leads", {"chain": chain_uid, "words": "|".join(words)}) if words else []
    by_uid = {r["uid"]: r for r in candidates}
    placements = {f["uid"]: place(by_uid.get(f["uid"], f), links) for f in evidence}
    placed: dict[str, list[Placement]] = {}  # every candidate placed on a link
    for row in candidates:
        found = placements.get(row["uid"])
        if found is None:
            found = place(row, links)
            if row["tables"] and any(p.reason in ROW_REASONS for p in found):
                placements[row["uid"]] = found
        if found:
            placed[row["uid"]] = found
    chain_names = {rows[0]["chain"], *(template.names() if template else ())}
    chain_names |= {chain_key(n) for n in set(chain_names)}
    out_links = []
    for link in links:
        firms = [uid for uid, ps in placements.items() if any(p.link == link.key for p in ps)]
        gaps = stated_gaps(link, documents, chain_names)
        out_links.append({"link": link, "firms": firms, "stated_gaps": gaps, "state": link_state(firms, gaps)})
    return {
        "chain": {"uid": chain_uid, "name": rows[0]["chain"], "category": rows[0]["category"]},
        "template": template,
        "mapped": bool(links),
        "links": out_links,
        "placements": placements,
        "owners": {f["uid"] for f in evidence if f["owner"]},
        "candidates": [r for r in candidates if r["uid"] in placed],
        "candidate_placements": placed,
    }
