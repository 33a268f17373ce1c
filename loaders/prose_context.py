"""The surroundings of a mention in prose: the chains, platforms and districts near it.

News names a firm after the chain and the platform it talks about ("…智能物流装备
产业集群… 成功引进三一装载机"), so relations of a firm, platform or project are
read from its sentence and, failing that, from the sentences before it in the
same paragraph. Computed once per extractor call from one scan of the text.
"""

from __future__ import annotations

from graph.model import Node
from loaders.builder import DocumentGraph
from loaders.industries import CHAIN, find_industries
from loaders.platforms import find_platforms
from loaders.text import ParsedDocument
from loaders.text_spans import district_mentions, district_node, sentence_of


class ProseContext:
    """What the sentences around a mention name: chains, platforms, districts (for relations)."""

    def __init__(self, doc: ParsedDocument, graph: DocumentGraph) -> None:
        self.doc, self.graph = doc, graph
        self.chains: dict[int, list[str]] = {}
        for m in find_industries(doc.text, doc.scope):
            if m.label == CHAIN:
                names = self.chains.setdefault(sentence_of(doc, m.start), [])
                if m.name not in names:
                    names.append(m.name)
        self.platforms: dict[int, list[str]] = {}
        for label, name, start, _end in find_platforms(doc):
            if label == "Platform":
                self.platforms.setdefault(sentence_of(doc, start), []).append(name)
        self.districts: dict[int, list[tuple[str, str]]] = {}
        for d in district_mentions(doc):
            self.districts.setdefault(sentence_of(doc, d.start), []).append((d.name, d.level))

    def paragraph_start(self, index: int) -> int:
        """Index of the first sentence of the paragraph holding sentence ``index``."""
        start = self.doc.text.rfind("\n\n", 0, self.doc.sentences[index].start)
        i = index
        while i > 0 and self.doc.sentences[i - 1].start > start:
            i -= 1
        return i

    def chain_near(self, index: int) -> list[str]:
        """Chains of the sentence, else of the nearest earlier sentence in the paragraph or the one before."""
        if self.chains.get(index):
            return self.chains[index]
        for i in range(index - 1, max(-1, self.paragraph_start(index) - 3), -1):
            if self.chains.get(i):
                return self.chains[i][-1:]
        return []

    def chain_nodes(self, names: list[str], evidence: str) -> list[Node]:
        return [self.graph.node(CHAIN, name, evidence) for name in names]

    def platform_near(self, index: int, exclude: str = "") -> Node | None:
        """The platform named in the sentence or, failing that, earlier in its paragraph."""
        for i in range(index, self.paragraph_start(index) - 1, -1):
            names = [n for n in self.platforms.get(i, []) if n != exclude]
            if names:
                return self.graph.node("Platform", names[-1], self.doc.sentences[i].text)
        return None

    def district_near(self, index: int) -> Node | None:
        """The finest district the sentence names, else the document's scope for news."""
        rank = {"town": 0, "zone": 1, "county": 2, "city": 3, "province": 4}
        found = sorted(self.districts.get(index, []), key=lambda d: rank.get(d[1], 5))
        evidence = self.doc.sentences[index].text
        if found and found[0][1] in ("town", "zone", "county"):
            return district_node(self.graph, found[0][0], evidence)
        if self.doc.scope and self.graph.document.props.get("kind") == "news":
            return district_node(self.graph, self.doc.scope, evidence)
        return None
