"""The typed graph every stage hands to the next: nodes, edges, provenance.

This module is the contract between the loaders and the stores
(``../shared/MODEL.md`` in code). A loader produces one :class:`Graph` per
document; stores merge such graphs; exports and the viewer read them back.
Merging is defined once, here, so the embedded store and Neo4j agree on what
"loading twice changes nothing" means.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NoReturn

from chainkg.graph.errors import ModelError

#: Node labels of the domain model, in the order MODEL.md lists them.
LABELS: tuple[str, ...] = (
    "Document",
    "Policy",
    "Measure",
    "Department",
    "District",
    "IndustryChain",
    "Cluster",
    "ChainSegment",
    "Product",
    "Enterprise",
    "Platform",
    "Institute",
    "Project",
    "Indicator",
    "Target",
)

#: For the membership test of every Node built (a set lookup, not a tuple scan).
_LABEL_SET = frozenset(LABELS)
#: The opening of each label's uids (``indicator-``): looked up, not rebuilt from the label for every uid made.
_UID_PREFIXES = {label: f"{label[0].lower()}{label[1:]}-" for label in LABELS}

#: Relationship types with the labels allowed at each end (``None``: any label).
REL_TYPES: dict[str, tuple[frozenset[str] | None, frozenset[str]]] = {
    "MENTIONED_IN": (None, frozenset({"Document"})),
    "CITES": (frozenset({"Policy"}), frozenset({"Policy"})),
    "ISSUED_BY": (frozenset({"Policy"}), frozenset({"Department"})),
    "PART_OF": (
        frozenset({"Measure", "District", "IndustryChain", "Department", "Policy"}),
        frozenset({"Measure", "Policy", "District", "Cluster", "Department"}),
    ),
    "LED_BY": (frozenset({"Measure"}), frozenset({"Department"})),
    "INVOLVES": (frozenset({"Measure"}), frozenset({"Department"})),
    # Members of a 工作专班 / 领导小组: the gold sets use it, MODEL.md does not list it yet.
    "MEMBER_OF": (frozenset({"Department"}), frozenset({"Department"})),
    "SUPPORTS": (frozenset({"Measure", "Policy"}), frozenset({"IndustryChain", "Cluster"})),
    "APPLIES_TO": (frozenset({"Measure", "Policy"}), frozenset({"District"})),
    "SETS": (frozenset({"Measure", "Policy"}), frozenset({"Target"})),
    "OF_INDICATOR": (frozenset({"Target"}), frozenset({"Indicator"})),
    "FOR": (
        frozenset({"Target"}),
        frozenset({"District", "IndustryChain", "Cluster", "Platform", "Enterprise"}),
    ),
    "OWNED_BY": (frozenset({"Indicator"}), frozenset({"Department"})),
    "DEVELOPED_IN": (frozenset({"IndustryChain", "Cluster"}), frozenset({"District", "Platform"})),
    "HOSTS": (frozenset({"Platform"}), frozenset({"IndustryChain", "Cluster"})),
    "LOCATED_IN": (
        frozenset({"Enterprise", "Platform", "Institute", "Project"}),
        frozenset({"District", "Platform"}),
    ),
    "CHAIN_OWNER_OF": (frozenset({"Enterprise"}), frozenset({"IndustryChain"})),
    "IN_CHAIN": (frozenset({"Enterprise", "Project"}), frozenset({"IndustryChain"})),
    "IN_SEGMENT": (frozenset({"Enterprise"}), frozenset({"ChainSegment"})),
    "HAS_SEGMENT": (frozenset({"IndustryChain"}), frozenset({"ChainSegment"})),
    "UPSTREAM_OF": (frozenset({"ChainSegment"}), frozenset({"ChainSegment"})),
    "INCLUDES": (frozenset({"ChainSegment"}), frozenset({"Product"})),
    "MAKES": (frozenset({"Enterprise"}), frozenset({"Product"})),
    "ACQUIRED": (frozenset({"Enterprise"}), frozenset({"Enterprise"})),
    "INVESTS_IN": (frozenset({"Enterprise"}), frozenset({"Project"})),
}

#: Every (type, start label, end label) :data:`REL_TYPES` allows, for a one-lookup check of each edge added.
_ALLOWED_ENDS: frozenset[tuple[str, str, str]] = frozenset(
    (rel_type, start, end)
    for rel_type, (starts, ends) in REL_TYPES.items()
    for start in (starts if starts is not None else LABELS)
    for end in ends
)

_MARKS = re.compile(r"[《》〈〉“”‘’「」『』\"'\s]")


@functools.lru_cache(maxsize=65536)
def clean_name(text: str) -> str:
    """Display form of a name: without book-title marks, quotes or white space (MODEL.md)."""
    return _MARKS.sub("", text).strip()


@functools.lru_cache(maxsize=65536)
def identity_key(text: str) -> str:
    """Comparison form of a name: NFKC (full-width to half-width), marks removed, lower case."""
    return clean_name(unicodedata.normalize("NFKC", text)).lower()


def make_uid(label: str, *key_parts: str) -> str:
    """A stable uid from a label and the parts that identify the thing.

    The same label and key always give the same uid, across runs and machines,
    which is what makes loading idempotent and exports byte-identical.
    """
    prefix = _UID_PREFIXES.get(label)
    if prefix is None:
        raise ModelError(f"unknown label {label!r}; known labels: {', '.join(LABELS)}")
    # "\x1f".join((label, *key_parts)), without building that tuple for every uid
    joined = label + "\x1f" + "\x1f".join(key_parts) if key_parts else label
    return prefix + hashlib.sha1(joined.encode()).hexdigest()[:16]


@functools.lru_cache(maxsize=65536)
def node_uid(label: str, name: str) -> str:
    """The uid of a node identified by its canonical name alone (most labels).

    Cached as a whole (one lookup rather than two): a document names the same things again and again.
    """
    return make_uid(label, identity_key(name))


#: List properties that hold a set of facts, each stated by some reading: merging unites them, where
#: other properties keep the first reading's value (a firm is 链主 in one document and 专精特新 in a firm list).
UNITED_PROPS = frozenset({"tags", "import_sources"})

#: What a row of an imported firm table (``chainkg import firms``) says of its firm. The row's own values
#: are also kept on the firm's ``MENTIONED_IN`` edge to the table, the one place that says which file
#: stated them: retracting the table (removed, or replaced by a changed version) takes exactly them back
#: (:func:`restate_table_props`), whichever documents name the firm too.
TABLE_PROPS = (
    "credit_code",
    "legal_representative",
    "registered_capital",
    "registered_capital_currency",
    "registered_capital_text",
    "founded",
    "company_type",
    "industry",
    "business_scope",
    "province",
    "city",
    "county",
    "tags",
    "import_sources",
)
#: The property every table row's ``MENTIONED_IN`` edge has: how a table's statement of a firm is told apart.
TABLE_MARK = "import_sources"


def merge_props(held: dict[str, Any], other: dict[str, Any]) -> None:
    """Fold ``other``'s properties into ``held``: missing ones are filled, :data:`UNITED_PROPS` united."""
    for key, value in other.items():
        current = held.get(key)
        if current in (None, "", []):
            held[key] = value
        elif key in UNITED_PROPS and value and value != current:
            held[key] = sorted({*current, *value})


def restate_table_props(node: Node, retracted: Iterable[dict[str, Any]], remaining: Iterable[dict[str, Any]]) -> None:
    """Take back what the ``retracted`` table rows said of ``node``; the ``remaining`` ones (the
    properties of its other tables' ``MENTIONED_IN`` edges, in source order) say it again.

    A tag is dropped only if a retracted row gave it and no remaining row does: a tag a document
    gave as well goes with the table (documents' tags are not kept per source).
    """
    dropped_tags: set[str] = set()
    for row in retracted:
        dropped_tags.update(row.get("tags", ()))
    remaining = list(remaining)
    kept_tags = {tag for row in remaining for tag in row.get("tags", ())}
    tags = [tag for tag in node.props.get("tags", ()) if tag not in dropped_tags - kept_tags]
    for key in TABLE_PROPS:
        node.props.pop(key, None)
    if tags:
        node.props["tags"] = tags
    for row in remaining:
        merge_props(node.props, {key: row[key] for key in TABLE_PROPS if key in row and key != "tags"})


@dataclass(init=False)
class Node:
    """A thing in the graph, identified by ``uid``.

    ``alias_rules`` maps every other surface form to the rule that merged it,
    so a merge can always be explained ("市经信局 ⇐ scope-abbreviation").
    The dicts given are the node's own from then on (not copied).
    """

    uid: str
    label: str
    name: str
    alias_rules: dict[str, str]
    props: dict[str, Any]

    #: The constructor checks the label and cleans the name, so a node is valid however it is made.
    def __init__(
        self,
        uid: str,
        label: str,
        name: str,
        alias_rules: dict[str, str] | None = None,
        props: dict[str, Any] | None = None,
    ) -> None:
        if label not in _LABEL_SET:
            raise ModelError(f"unknown label {label!r} for node {name!r}")
        self.uid = uid
        self.label = label
        self.name = name = clean_name(name) if label != "Document" else name
        if alias_rules is None:
            alias_rules = {}
        else:
            alias_rules.pop(name, None)
        self.alias_rules = alias_rules
        self.props = {} if props is None else props

    @property
    def aliases(self) -> list[str]:
        return sorted(self.alias_rules)

    def add_alias(self, alias: str, rule: str) -> None:
        alias = clean_name(alias)
        if alias and alias != self.name and alias not in self.alias_rules:
            self.alias_rules[alias] = rule

    def merge(self, other: Node) -> None:
        """Fold another reading of the same thing into this one.

        The fuller name is the display name (longer, then lexicographically
        smaller), whichever document came first: 湖州吴兴高新技术产业开发区 wins
        over 吴兴高新区 in any load order, and the other becomes an alias (with
        the rule either reading gives it). Properties already set stay (first
        reading wins, and loaders read files in sorted order, so the result does
        not depend on timing); missing ones are filled; aliases are united, and
        so are the set-like lists of :data:`UNITED_PROPS` (every reading's tags count).
        """
        if other.uid != self.uid:
            raise ModelError(f"cannot merge {other.uid} into {self.uid}")
        if other.name != self.name:
            rule = other.alias_rules.get(self.name) or self.alias_rules.get(other.name) or "same-uid"
            if (-len(other.name), other.name) < (-len(self.name), self.name):
                self.name, shorter = other.name, self.name
                self.alias_rules.pop(self.name, None)
            else:
                shorter = other.name
            self.add_alias(shorter, rule)
        for alias, rule in other.alias_rules.items():
            self.add_alias(alias, rule)
        merge_props(self.props, other.props)

    def to_dict(self) -> dict[str, Any]:
        """The export form: ``uid``, ``label``, ``name``, ``aliases``, then the properties.

        A property holding an empty list is left out (it says nothing, and
        Neo4j's offline importer cannot write one), so every store round-trips it alike.
        """
        out: dict[str, Any] = {"uid": self.uid, "label": self.label, "name": self.name}
        out["aliases"] = self.aliases
        if self.alias_rules:
            out["mergedBy"] = [f"{a} ⇐ {self.alias_rules[a]}" for a in self.aliases]
        out.update(sorted(item for item in self.props.items() if item[1] != []))
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Node:
        data = dict(data)
        rules = dict(_split_rule(r) for r in data.pop("mergedBy", []))
        aliases = data.pop("aliases", [])
        node = cls(uid=data.pop("uid"), label=data.pop("label"), name=data.pop("name"))
        node.alias_rules = {a: rules.get(a, "imported") for a in aliases}
        node.props = data
        return node


def _split_rule(text: str) -> tuple[str, str]:
    alias, _, rule = text.partition(" ⇐ ")
    return alias, rule


@dataclass(init=False)
class Edge:
    """A relationship, identified by ``(type, start, end)``.

    ``evidence`` maps each source Document uid to the sentence the fact was read
    from: one fact stated by several documents is one edge with several sources.
    """

    type: str
    start: str
    end: str
    evidence: dict[str, str]
    props: dict[str, Any]

    #: The constructor checks the relationship type, as :class:`Node`'s checks the label.
    def __init__(
        self,
        type: str,  # the relationship type, named as Neo4j and MODEL.md name it
        start: str,
        end: str,
        evidence: dict[str, str] | None = None,
        props: dict[str, Any] | None = None,
    ) -> None:
        if type not in REL_TYPES:
            raise ModelError(f"unknown relationship type {type!r}")
        self.type = type
        self.start = start
        self.end = end
        self.evidence = {} if evidence is None else evidence
        self.props = {} if props is None else props

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.type, self.start, self.end)

    @property
    def sources(self) -> list[str]:
        return sorted(self.evidence)

    def merge(self, other: Edge) -> None:
        """Add another document's statement of the same fact."""
        for source, sentence in other.evidence.items():
            self.evidence.setdefault(source, sentence)
        merge_props(self.props, other.props)

    def to_dict(self) -> dict[str, Any]:
        """Export form: ``source``/``evidence`` of the first source, ``sources``/``evidences`` if several."""
        sources = self.sources
        out: dict[str, Any] = {"type": self.type, "start": self.start, "end": self.end}
        out["source"] = sources[0] if sources else None
        out["evidence"] = self.evidence[sources[0]] if sources else None
        if len(sources) > 1:
            out["sources"] = sources
            out["evidences"] = [self.evidence[s] for s in sources]
        out.update(sorted(item for item in self.props.items() if item[1] != []))  # as for nodes
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Edge:
        data = dict(data)
        source, sentence = data.pop("source", None), data.pop("evidence", None)
        sources = data.pop("sources", None) or ([source] if source else [])
        sentences = data.pop("evidences", None) or ([sentence] if source else [])
        edge = cls(type=data.pop("type"), start=data.pop("start"), end=data.pop("end"))
        edge.evidence = dict(zip(sources, sentences, strict=True))
        edge.props = data
        return edge


class Graph:
    """Nodes by uid and edges by ``(type, start, end)``, merged as they are added."""

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.edges: dict[tuple[str, str, str], Edge] = {}

    def __len__(self) -> int:
        return len(self.nodes) + len(self.edges)

    def add_node(self, node: Node) -> Node:
        """Add or merge ``node``; returns the node held by the graph."""
        held = self.nodes.get(node.uid)
        if held is None:
            self.nodes[node.uid] = node
            return node
        if held.label != node.label:
            raise ModelError(f"uid {node.uid} is a {held.label}, not a {node.label}")
        held.merge(node)
        return held

    def add_edge(self, edge: Edge) -> Edge:
        """Add or merge ``edge``; both ends must already be in the graph."""
        if not self._ends_allowed(edge.type, edge.start, edge.end):
            self._reject(edge)
        key = (edge.type, edge.start, edge.end)
        held = self.edges.get(key)
        if held is None:
            self.edges[key] = edge
            return edge
        held.merge(edge)
        return held

    def _ends_allowed(self, rel_type: str, start: str, end: str) -> bool:
        """Whether both ends are held, with labels ``rel_type`` allows: one set lookup (:meth:`_reject` says why)."""
        nodes = self.nodes
        held_start, held_end = nodes.get(start), nodes.get(end)
        return (
            held_start is not None
            and held_end is not None
            and (rel_type, held_start.label, held_end.label) in _ALLOWED_ENDS
        )

    def _reject(self, edge: Edge) -> NoReturn:
        """Raise the reason ``edge`` cannot be added, checking its ends one by one."""
        allowed = REL_TYPES[edge.type]
        for uid, labels in ((edge.start, allowed[0]), (edge.end, allowed[1])):
            node = self.nodes.get(uid)
            if node is None:
                raise ModelError(f"{edge.type} edge refers to missing node {uid}")
            if labels is not None and node.label not in labels:
                raise ModelError(f"{edge.type} cannot touch a {node.label} ({node.name})")
        raise AssertionError(f"{edge.key} passes every check")  # unreachable: _ALLOWED_ENDS mirrors REL_TYPES

    def merge(self, other: Graph, *, adopt: bool = False) -> None:
        """Fold ``other`` into this graph (nodes first, so edges find their ends).

        Label clashes are checked before anything changes, so a graph that
        cannot be merged leaves this one as it was. The nodes and edges this
        graph did not hold are added as copies, so ``other`` stays as it was;
        with ``adopt``, as themselves: for a graph handed over and not used
        again (a document's, written to the embedded store), so that a large
        document's graph is not held twice.
        """
        self.check_labels(other)
        for node in other.nodes.values():
            self.add_node(node if adopt else _copy_node(node))
        for edge in other.edges.values():
            self.add_edge(edge if adopt else _copy_edge(edge))

    def check_labels(self, other: Graph) -> None:
        """:class:`ModelError` if a node of ``other`` has a uid this graph holds under another label."""
        for node in other.nodes.values():
            held = self.nodes.get(node.uid)
            if held is not None and held.label != node.label:
                raise ModelError(f"uid {node.uid} is a {held.label}, not a {node.label}")

    def by_label(self, label: str) -> Iterator[Node]:
        return (n for n in self.nodes.values() if n.label == label)

    def edges_of(self, uid: str) -> Iterator[Edge]:
        return (e for e in self.edges.values() if uid in (e.start, e.end))

    def retract(self, source: str) -> None:
        """Take back what document ``source`` stated; facts other documents state stay.

        Nodes this leaves with no edge at all (their only mention was in that
        document) are removed, and so is the Document node itself. What a firm
        table's rows said of firms that stay is taken back (:func:`restate_table_props`).
        """
        touched: set[str] = set()
        rows: dict[str, dict[str, Any]] = {}  # what a firm table's rows said of each firm, to take back
        for key, edge in list(self.edges.items()):
            if source in edge.evidence or source in (edge.start, edge.end):
                edge.evidence.pop(source, None)
                touched.update((edge.start, edge.end))
                if edge.type == "MENTIONED_IN" and edge.end == source and TABLE_MARK in edge.props:
                    rows[edge.start] = edge.props
                if not edge.evidence or source in (edge.start, edge.end):
                    del self.edges[key]
        self.nodes.pop(source, None)
        linked = {uid for e in self.edges.values() for uid in (e.start, e.end)}
        for uid in touched - linked:
            if uid in self.nodes and self.nodes[uid].label != "Document":
                del self.nodes[uid]
        if rows:
            remaining: dict[str, list[tuple[str, dict[str, Any]]]] = {}
            for edge in self.edges.values():
                if edge.start in rows and edge.type == "MENTIONED_IN" and TABLE_MARK in edge.props:
                    remaining.setdefault(edge.start, []).append((edge.end, edge.props))
            for uid, row in rows.items():
                if uid in self.nodes:
                    restate_table_props(self.nodes[uid], [row], [p for _, p in sorted(remaining.get(uid, []))])

    def counts(self) -> dict[str, int]:
        """Nodes per label and edges per type, for ``chainkg stats`` and build summaries."""
        out: dict[str, int] = {}
        for node in self.nodes.values():
            out[node.label] = out.get(node.label, 0) + 1
        for edge in self.edges.values():
            out[edge.type] = out.get(edge.type, 0) + 1
        return dict(sorted(out.items()))

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        """The stable JSON export: nodes sorted by uid, edges by (type, start, end)."""
        return {"nodes": list(self.node_dicts()), "edges": list(self.edge_dicts())}

    def node_dicts(self) -> Iterator[dict[str, Any]]:
        """The nodes' export forms in export order, made one at a time: a writer of a large graph never holds
        them all (they take more memory than the graph)."""
        return (self.nodes[uid].to_dict() for uid in sorted(self.nodes))

    def edge_dicts(self) -> Iterator[dict[str, Any]]:
        """The edges' export forms in export order, made one at a time (as :meth:`node_dicts`)."""
        return (self.edges[key].to_dict() for key in sorted(self.edges))

    @classmethod
    def from_dict(cls, data: dict[str, Iterable[dict[str, Any]]]) -> Graph:
        graph = cls()
        for item in data.get("nodes", []):
            graph.add_node(Node.from_dict(item))
        for item in data.get("edges", []):
            graph.add_edge(Edge.from_dict(item))
        return graph


def _copy_node(node: Node) -> Node:
    return Node(node.uid, node.label, node.name, dict(node.alias_rules), dict(node.props))


def _copy_edge(edge: Edge) -> Edge:
    return Edge(edge.type, edge.start, edge.end, dict(edge.evidence), dict(edge.props))
