"""The surroundings of a mention in prose: the chains, platforms and districts near it, and where it is placed.

News places a firm, platform or project by a few cue patterns, and a careful
reader links only what the text places:

- adjacency: 位于埭溪镇的美妆小镇, 来自吴兴高新区杨桂珍螃蟹庄, 独山港镇原中嘉华宸能源公司;
- a locative frame opening the sentence: 在吴兴高新区，湖州三一装载机有限公司… (a frame closed by 的,
  在X投产的P, places P only);
- A在X建设/投资…, A在X的工厂: the place of the subject's work or plant;
- a place that introduces: 吴兴高新区引进的…, X成功引进A、B;
- a verb after the name: A落户/入驻/落地X;
- 引进/落户/入驻/共建 with no place in the sentence: the carrier platform named
  just before in the paragraph (以…平台为主阵地。成功引进A、B…);
- 以Y为主阵地/主平台: platform Y lies in the zone (高新区, 开发区) the text is about.

Only carriers that can hold things (zones, parks, towns, bases) are places; a
service platform or an industry brain holds nothing. What no cue places falls
back, in news only, to the zone of the section (for platforms and institutes)
or the document's scope. Everything per document is computed once (one scan of
the text for chains, platforms and districts) and cached on the document.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass
from importlib.resources import files

from chainkg.graph.model import Node
from chainkg.loaders.extract.builder import DocumentGraph
from chainkg.loaders.extract.findings import CHAIN, Findings, IndustryMention, PlatformMention, ProseLayout
from chainkg.loaders.extract.text_spans import district_node
from chainkg.loaders.text.divisions import ABBREVIATIONS, DistrictMention, city_of, find_districts
from chainkg.loaders.text.document import ParsedDocument
from chainkg.loaders.text.evidence import sentence_of

#: Verbs that place the firms or institutes of their sentence in a carrier.
PLACING_VERB = re.compile(r"引进|引育|招引|落户|入驻|落地|共建|集聚")
_AFTER_NAME = re.compile(
    r"(?:等[^，。；]{0,8}?|[^，。；]{0,6}?|[，,])(?:落户|入驻|落地|位于|坐落于|扎根|选址)(?:于|至|在|(?:同|也|均)?(?:在|位于))?"
)
#: P总投资N亿元，落户X: a clause of figures after the name, then a clause opening with the placing verb.
_NEXT_CLAUSE = re.compile(r"[^，。；,;的项目]{0,14}[，,](?:并|将|已|拟|正式)?(?:落户|入驻|落地|选址)(?:于|至|在)?")
#: The rest of an enumeration a name opens or continues (A、B、C等8个项目落户…, A、B先后在园区投产): the verb
#: after the list places every item.
_SIBLINGS = re.compile(r"(?:、[^、，。；,;]{2,30}?)+?(?=等|先后|相继|分别|均|都)")
#: 在园区 / 在该开发区 / 走进高新区的 / 落户园区: a carrier named by its kind word alone, after a verb of place,
#: refers back to the carrier named before.
_BACK_REFERENCE = re.compile(
    r"(?:(?<=在)|(?<=走进)|(?<=位于)|(?<=落户)|(?<=入驻))(?:该|本)?(?:园区|开发区|高新区|经开区|产业园|工业园)"
)
#: A在X建设/投资…: the subject placed by the place of its verb (A通过子公司在X投资…, A已在X形成产能).
_AT_PLACE = re.compile(r"[^，。；,;]{0,16}?在")
_DOING_AT = re.compile(
    r"[^，。；,;]{0,4}?(?:投资|建设|新建|扩建|布局|设立|落户|建成|形成|打造|投产|开工|生产|巩固|壮大|做强|做大|延伸)"
    r"|的[^，。；,;的]{0,6}?(?:工厂|基地|生产线|总部|厂区)"  # A在X的整车工厂: A's plant there
)
#: The items of a list before a name (A、B和C: up to C), each closed by 、 or 和/与/及; no item holds 的.
_ITEMS = r"(?:[^，。；,;:：的、和与及]{2,40}[、和与及])*"
#: A place, 的, then the list: 济南的A、B和青岛的C.
_OF_PLACE_LIST = re.compile(rf"的{_ITEMS}")
#: The document's own area (区内, 本县, 驻区), a kind of actor, then the list: 区内链主企业A、B; 驻区高校A、B.
_IN_SCOPE = re.compile(r"(?<![园新])(?:区内|县内|市内)|本区|本县|本市|驻区|驻县|驻市")
_IN_SCOPE_LIST = re.compile(rf"(?:{_IN_SCOPE.pattern})[^，。；,;:：的、]{{0,8}}?(?:企业|高校|院校|公司){_ITEMS}")
_SCOPE_AFTER_LIST = re.compile(
    rf"(?:[、和与及][^，。；,;:：的、和与及]{{2,40}})*等(?:{_IN_SCOPE.pattern})[^，。；,;:：的、]{{0,6}}?(?:企业|高校|院校)"
)
#: 与A / 与B、A / 与驻地高校A: the name is the partner of the clause's subject.
_PARTNER_BEFORE = re.compile(r"与(?:[^，。；]{0,14}、|[^，。；、的]{0,4}(?:高校|院校|院所|企业))?$")
#: A与B共建/合作/联合…: the name works with B on what the clause builds.
_PARTNER_AFTER = re.compile(r"(?:[（(][^）)]{0,20}[）)])?与[^，。；]{1,20}?(?:共建|合作|联合|共同)")
_MAIN_BASE = re.compile(r"以[“\"]?(?P<name>[^，。；]{2,24}?)[”\"]?为(?:主阵地|主平台|主战场|主载体|核心载体|核心区)")
_INTRODUCES = re.compile(r"(?:成功|先后|相继|已|所)?(?:引进|招引|孵化出?|培育出|聚集了|集聚了|汇聚了|吸引了?)的?")
_SUBJECT = re.compile(r"(?:^|[，：；,:;]|——)(?:目前|眼下|近年来|同时|此外|如今|而|其中)?(?:在)?$")
_HEADING_MAX = 30
_CLAUSE_MARK = re.compile(r"[。！？；，,]")
_CLAUSE_MARKS = "。！？；，,;"
_RANK = {"town": 0, "zone": 1, "county": 2, "city": 3, "province": 4}


@dataclass(frozen=True)
class Place:
    """Where a mention is placed: a platform or district name and the label of its node."""

    label: str
    name: str


#: The kinds of platform names (``platform_kinds.toml``).
PLATFORM_KINDS: dict[str, list[str]] = tomllib.loads(
    files(__package__).joinpath("platform_kinds.toml").read_text(encoding="utf-8")
)
#: Kinds that hold firms and projects (a service platform or an industry brain holds nothing).
CONTAINER_KINDS = frozenset(PLATFORM_KINDS["containers"])
#: Zones: what a news section about a district's carriers is usually about.
ZONE_KINDS = frozenset(PLATFORM_KINDS["zones"])
#: \n+ written \n\n*: a pattern opening with a literal lets the engine skip to it, one opening with a repeat is
#: tried at every character.
_BREAK = re.compile(r"\n\n*")


def prose_layout(
    doc: ParsedDocument,
    industries: list[IndustryMention],
    platforms: list[PlatformMention],
    districts: list[DistrictMention],
) -> ProseLayout:
    """The chains, platforms and districts of each sentence, and the paragraph and section layout."""
    chains: dict[int, list[tuple[str, int]]] = {}
    for m in industries:
        if m.label == CHAIN:
            chains.setdefault(sentence_of(doc, m.start), []).append((m.name, m.start))
    by_sentence: dict[int, list[PlatformMention]] = {}
    for p in platforms:
        by_sentence.setdefault(sentence_of(doc, p.start), []).append(p)
    places: dict[int, list[DistrictMention]] = {}
    for d in districts:
        places.setdefault(sentence_of(doc, d.start), []).append(d)
    paragraphs, sections = _layout(doc)
    return ProseLayout(chains, by_sentence, places, paragraphs, sections)


def _layout(doc: ParsedDocument) -> tuple[list[int], list[int]]:
    """Paragraph openers and headings, from the line breaks between sentences (one scan for breaks)."""
    sentences = doc.sentences
    ends = [s.end for s in sentences]
    paragraphs, sections = {0}, {0}
    for brk in _BREAK.finditer(doc.text):
        after = bisect_right(ends, brk.start())  # the sentence after the break, if the break lies between two
        if after == 0 or after >= len(sentences) or sentences[after].start < brk.end():
            continue
        if "\n\n" in doc.text[ends[after - 1] : sentences[after].start]:
            paragraphs.add(after)
        text = sentences[after].text
        if len(text) <= _HEADING_MAX and not _CLAUSE_MARK.search(text):
            sections.add(after)
    return sorted(paragraphs), sorted(sections)


class ProseContext:
    """What the sentences around a mention name (chains, platforms, districts) and where a mention is placed."""

    def __init__(self, doc: ParsedDocument, graph: DocumentGraph, findings: Findings) -> None:
        self.doc, self.graph, self.findings = doc, graph, findings
        self.layout = findings.layout
        self.news = graph.document.props.get("kind") == "news"
        self._document_chain: list[str] | None = None

    # -- chains ---------------------------------------------------------------------------------------
    def is_subject(self, index: int, offset: int) -> bool:
        """Whether a name at text ``offset`` opens a clause of sentence ``index`` (after 在, a time word or 而)."""
        before = self.doc.text[self.doc.sentences[index].start : offset]
        return bool(_SUBJECT.search(before))

    def chains_in(self, index: int) -> list[str]:
        """Chains the sentence names, in order, without repeats."""
        out: list[str] = []
        for name, _ in self.layout.chains.get(index, []):
            if name not in out:
                out.append(name)
        return out

    def chains_near(self, index: int, start: int, end: int) -> list[str]:
        """The chain sentence ``index`` ties the mention at sentence offsets ``start``-``end`` to: the only chain
        the sentence names, else the one named in the mention's clause nearest before it (X产业链链主A).

        A sentence naming several chains (在汽车、化工、医药等领域, A、B…) ties a firm to none but its clause's."""
        named = self.layout.chains.get(index, [])
        if len({name for name, _ in named}) == 1:
            return [named[0][0]]
        sentence = self.doc.sentences[index]
        text = sentence.text
        left = max(text.rfind(mark, 0, start) for mark in _CLAUSE_MARKS) + 1
        rights = [i for i in (text.find(mark, end) for mark in _CLAUSE_MARKS) if i >= 0]
        right = min(rights, default=len(text))
        clause = [(name, pos - sentence.start) for name, pos in named if left <= pos - sentence.start < right]
        before = [item for item in clause if item[1] < start]
        return [before[-1][0]] if before else []

    def chain_before(self, index: int) -> list[str]:
        """The chain last named before sentence ``index`` in its section (what 产业链 alone refers back to)."""
        for i in range(index - 1, self.layout.section(index) - 1, -1):
            if self.layout.chains.get(i):
                return [self.layout.chains[i][-1][0]]
        return []

    def paragraph_chain(self, index: int) -> list[str]:
        """The one chain the opening sentence of the paragraph of sentence ``index`` names: news writes a
        paragraph per chain and says which in its first sentence (钢铁深加工项目唱主角。A投资的…项目…)."""
        named = {name for name, _ in self.layout.chains.get(self.layout.paragraph(index), [])}
        return sorted(named) if len(named) == 1 else []

    def document_chain(self) -> list[str]:
        """The one chain the document's titles name (its headline, the titles of its instruments: 关于推进X产业…的
        意见, X项目接连开工): what its firms and projects belong to where nothing nearer names another. A title
        is read for the chains the whole text names (a title alone is too short to tell an industry by)."""
        if self._document_chain is None:
            heads = [self.graph.document.props.get("title") or "", *(s.title for s in self.findings.sections)]
            titles = re.sub(r"\s", "", "\n".join(heads))
            named = {name for name in self.findings.chain_names() if name in titles}
            named = {name for name in named if not any(name != other and name in other for other in named)}
            self._document_chain = sorted(named) if len(named) == 1 else []
        return self._document_chain

    def chain_nodes(self, names: list[str], evidence: str) -> list[Node]:
        return [self.graph.node(CHAIN, name, evidence) for name in names]

    # -- places ---------------------------------------------------------------------------------------
    def place_node(self, place: Place, evidence: str) -> Node:
        if place.label == "District":
            return district_node(self.graph, place.name, evidence)
        return self.graph.node("Platform", place.name, evidence)

    def _places_in(self, index: int, exclude: str) -> list[tuple[int, int, Place, str]]:
        """(start, end, place, level-or-kind) of the carriers and districts named in sentence ``index``."""
        base = self.doc.sentences[index].start
        out = [
            (p.start - base, p.end - base, Place("Platform", p.name), p.kind)
            for p in self.layout.platforms.get(index, [])
            if p.label == "Platform" and p.name != exclude and p.kind in CONTAINER_KINDS
        ]
        carriers = [(start, end) for start, end, _, _ in out]
        out += [  # 吴兴 inside 吴兴高新区 is the zone's name, not a second place
            (d.start - base, d.end - base, Place("District", d.name), d.level)
            for d in self.layout.districts.get(index, [])
            if d.level != "province" and not any(s <= d.start - base and d.end - base <= e for s, e in carriers)
        ]
        out += self._back_references(index, out)
        return sorted(out, key=lambda item: (item[0], item[1]))

    def _back_references(
        self, index: int, named: list[tuple[int, int, Place, str]]
    ) -> list[tuple[int, int, Place, str]]:
        """在园区 (a carrier's kind word alone, no name of its own): the carrier named last before it in the
        section, as a place at the word's offsets."""
        sentence = self.doc.sentences[index].text
        out = []
        for match in _BACK_REFERENCE.finditer(sentence):
            if any(s <= match.start() < e for s, e, _, _ in named):
                continue  # the word ends a name (在吴兴高新区)
            before = [
                (s, place, kind) for s, e, place, kind in named if e <= match.start() and place.label != "District"
            ]
            carrier = Place("Platform", before[-1][1].name) if before else self.carrier_in_section(index)
            if carrier is not None:
                out.append((match.start(), match.end(), carrier, "back-reference"))
        return out

    def carrier_in_section(self, index: int) -> Place | None:
        """The carrier platform named last before sentence ``index`` in its section."""
        for i in range(index - 1, self.layout.section(index) - 1, -1):
            found = [p for p in self.layout.platforms.get(i, []) if p.kind in CONTAINER_KINDS]
            if found:
                return Place("Platform", found[-1].name)
        return None

    def cued_place(self, index: int, start: int, end: int, exclude: str = "") -> Place | None:
        """The place sentence ``index`` gives the name at sentence offsets ``start``-``end`` by a cue."""
        sentence = self.doc.sentences[index].text
        places = self._places_in(index, exclude)
        inside = [p for p in places if p[0] < start or p[1] > end]
        for _s, e, place, _ in inside:  # adjacency: 埭溪镇的美妆小镇, 吴兴高新区杨桂珍螃蟹庄, 独山港镇原…
            if 0 <= start - e <= 1 and (start == e or sentence[e] in '的原内“"'):
                return place
        listed = self._list_place(sentence, start, end, [p for p in inside if p[1] <= start])
        if listed is not None:
            return listed
        if self.is_partner(index, start, end):
            return None
        siblings = _SIBLINGS.match(sentence, end)
        tail = siblings.end() if siblings else end  # A、B等…落户X places A as well as B
        respective = _respective(sentence, tail, sentence.count("、", end, tail), inside)
        if respective is not None:
            return respective
        at = _AT_PLACE.match(sentence, tail)
        if at:
            for s, e, place, _ in inside:  # A在X建设…: the last of adjacent places (在宜昌高新区白洋工业园建设)
                if s == at.end():
                    e, place = _last_adjacent(inside, e, place)
                    if _DOING_AT.match(sentence, e):
                        return place
        after = _AFTER_NAME.match(sentence, tail) or _NEXT_CLAUSE.match(sentence, tail)
        if after:
            for s, e, place, _ in inside:  # A落户于X, not A落地，X…(a new clause); 落户X镇的Y园 → Y园
                if 0 <= s - after.end() <= 1 and not _CLAUSE_MARK.search(sentence, after.end(), s):
                    return _last_adjacent(inside, e, place, joined="的")[1]
        for s, e, place, _ in inside:  # 在X，… / X成功引进A / A便是X引进的…
            introduces = _INTRODUCES.match(sentence, e)
            if e <= start and sentence[max(0, s - 1) : s] == "在" and not _modifies_another(sentence, e, start):
                return _last_adjacent(inside, e, place)[1] if e < start else place
            if e <= start and introduces:
                return place
            if introduces and introduces.group(0).endswith("的"):
                return place
        return None

    def is_partner(self, index: int, start: int, end: int) -> bool:
        """Whether the name at sentence offsets ``start``-``end`` is a partner of sentence ``index`` (深化与A的合作,
        A与B共建的C): it works with others on something placed there, and is not placed by it."""
        sentence = self.doc.sentences[index].text
        return bool(_PARTNER_BEFORE.search(sentence, 0, start) or _PARTNER_AFTER.match(sentence, end))

    def _list_place(
        self, sentence: str, start: int, end: int, before: list[tuple[int, int, Place, str]]
    ) -> Place | None:
        """The place a list opens with, for each of its items (济南的A、B和青岛的C: B in 济南, C in 青岛), or the
        document's own area where the list is of its firms or universities (区内链主企业A、B; A、B等驻区高校)."""
        if before and _OF_PLACE_LIST.fullmatch(sentence, before[-1][1], start):
            return before[-1][2]
        if self.doc.scope and _SCOPE_AFTER_LIST.match(sentence, end):
            return Place("District", self.doc.scope)
        if self.doc.scope and any(
            _IN_SCOPE_LIST.fullmatch(sentence, m.start(), start) for m in _IN_SCOPE.finditer(sentence, 0, start)
        ):
            return Place("District", self.doc.scope)
        return _stationed_in_city(self.doc.scope, sentence, start)

    def carrier_before(self, index: int, exclude: str = "") -> Place | None:
        """The carrier platform named in the sentence or the two before it in its paragraph (for 引进/落户/入驻)."""
        for i in range(index, max(self.layout.paragraph(index), index - 2) - 1, -1):
            found = [p for p in self.layout.platforms.get(i, []) if p.kind in CONTAINER_KINDS and p.name != exclude]
            if found:
                return Place("Platform", found[-1].name)
        return None

    def zone_before(self, index: int, exclude: str = "") -> Place | None:
        """The zone (高新区, 开发区) last named up to sentence ``index`` in its section: the subject of the section."""
        for i in range(index, self.layout.section(index) - 1, -1):
            found = [
                p
                for p in self.layout.platforms.get(i, [])
                if p.kind in ZONE_KINDS and p.name != exclude and self.is_subject(i, p.start)
            ]
            if found:
                return Place("Platform", found[-1].name)
        return None

    def lead_zone(self) -> Place | None:
        """The zone a news text is about: the one zone (高新区, 开发区) its headline and lead sentence name
        (X经开区：项目集中开工 … 位于Y县的X经济开发区举行…). What it reports with no other place happens there."""
        if not self.news:
            return None
        lead = next((i for i, s in enumerate(self.doc.sentences) if _CLAUSE_MARK.search(s.text)), 0)
        zones = {p.name for i in range(lead + 1) for p in self.layout.platforms.get(i, []) if p.kind in ZONE_KINDS}
        return Place("Platform", zones.pop()) if len(zones) == 1 else None

    def main_base_of(self, name: str, index: int) -> Place | None:
        """以Y为主阵地: Y lies in the zone the text is about (the zone named before it in its section)."""
        sentence = self.doc.sentences[index].text
        for match in _MAIN_BASE.finditer(sentence):
            if name in match.group("name").replace("“", "").replace("”", ""):
                return self.zone_before(index, exclude=name)
        return None

    def is_main_base(self, index: int, name: str) -> bool:
        """以Y为主阵地/主平台: whether sentence ``index`` makes ``name`` the main base of its work."""
        sentence = self.doc.sentences[index].text
        return any(name in m.group("name").replace("“", "").replace("”", "") for m in _MAIN_BASE.finditer(sentence))

    def scope(self) -> Place | None:
        """The document's scope, as a place of last resort (news only: a plan speaks of its area, not in it)."""
        if self.news and self.doc.scope:
            return Place("District", self.doc.scope)
        return None

    def finest_district(self, text: str) -> Place | None:
        """The finest city, county or town named in ``text`` (a name: 湖州吴兴高新技术产业园区 → 吴兴区)."""
        found = [m for m in find_districts(text, self.doc.scope) if m.level in ("city", "county", "town")]
        if not found:
            return None
        return Place("District", min(found, key=lambda m: _RANK[m.level]).name)


#: 驻鞍高校A、B: the universities stationed in the city written by its first character (驻甬, 驻榕, 驻鞍).
_STATIONED = re.compile(r"驻([\u4e00-\u9fff])(?:高校|院校|高等院校|科研院所)")


def _stationed_in_city(scope: str | None, sentence: str, start: int) -> Place | None:
    """驻鞍高校辽宁某某大学 in a 鞍山 text, 驻甬高校A、B in a 宁波 one: a university listed as stationed in the
    city written by its first character or its abbreviation (简称) lies in that city."""
    city = city_of(scope)
    if city is None:
        return None
    for match in _STATIONED.finditer(sentence, 0, start):
        char = match.group(1)
        if (city.startswith(char) or ABBREVIATIONS.get(char) == city) and re.fullmatch(
            _ITEMS, sentence[match.end() : start]
        ):
            return Place("District", city)
    return None


def _last_adjacent(
    places: list[tuple[int, int, Place, str]], end: int, place: Place, joined: str = ""
) -> tuple[int, Place]:
    """The last of the places written one after another from ``place`` (宜昌高新区白洋工业园 → 白洋工业园): the
    finest, which the writer names last. With ``joined`` (的), also across that word (牌楼镇的开发区)."""
    for s, e, nxt, _ in places:
        if s == end or (joined and s == end + len(joined)):
            end, place = e, nxt
    return end, place


#: 在X投产的 / 在X建设的: a frame closed by 的 describes the noun right after it.
_RELATIVE = re.compile(r"[^，。；,;的]{1,10}的")


def _modifies_another(sentence: str, end: int, start: int) -> bool:
    """在X投产的P由A投资: the frame 在X…的 places P, the noun it describes, and no name after P (A)."""
    relative = _RELATIVE.match(sentence, end)
    return relative is not None and relative.end() < start


#: A、B分别在X、Y / 分别落户X和Y: the places given item by item.
_RESPECTIVE = re.compile(r"[^，。；,;]{0,8}?分别(?:在|落户|位于|入驻|落地)(?:于|至|在)?")
_PLACE_JOIN = "、和及与"


def _respective(sentence: str, tail: int, later: int, places: list[tuple[int, int, Place, str]]) -> Place | None:
    """A、B…分别在X、Y…: the name is paired with the place of its rank, counted from the list's end (the name is
    followed by ``later`` siblings, its place by as many other places)."""
    verb = _RESPECTIVE.match(sentence, tail)
    if verb is None:
        return None
    listed: list[Place] = []
    at = verb.end()
    for s, e, place, _ in places:
        if s == at:
            listed.append(place)
            at = e + 1 if e < len(sentence) and sentence[e] in _PLACE_JOIN else -1
    rank = len(listed) - 1 - later
    return listed[rank] if len(listed) >= 2 and rank >= 0 else None
