"""Resolution: one node per real thing across documents.

A document's graph names things as that document does; the resolver maps each
node onto the node already stored for the same thing (by canonical name or
alias, within its label) so that a firm, platform or chain mentioned by many
documents is one node with every alias and a ``MENTIONED_IN`` to each.

Only labels whose names are global are matched by alias. Districts and
departments are already identified by canonical full names read in each
document's scope (平湖's 市经信局 and 湖州's are different uids), and measures,
targets and segments by keys, so for them the uid alone decides. Each merged
form records the rule that merged it (``Node.alias_rules``).

Platforms and firms are keyed by what their short and full forms share
(:func:`identity`): 吴兴高新区 and 湖州吴兴高新技术产业开发区 are the zone 吴兴
高新区, 三一装载机 and 湖州三一装载机有限公司 the firm 三一装载机. Their uid is
made from that key, so it is the same whichever document is loaded first, and
:meth:`chainkg.graph.model.Node.merge` shows the fullest form seen as the name. A firm of an imported
firm table carries its 统一社会信用代码, which decides before any name: the firm stored with that code
is the one, and a stored firm of the same name but another code is another firm. Within one
document a node named by another node's alias is that node (纺织 where the
document's chain is 纺织面料, alias 纺织).
"""

from __future__ import annotations

import functools
import re

from chainkg.graph.model import Edge, Graph, Node, clean_name, identity_key, make_uid
from chainkg.loaders.text.names import LEGAL_SUFFIX, leading_places, legal_short_forms, without_leading_place

#: Labels whose nodes may be merged by a shared name or alias across documents.
ALIAS_LABELS = frozenset({"IndustryChain", "Cluster", "Product", "Enterprise", "Platform", "Institute", "Project"})


#: Official kinds and the short kind a text uses for them (高新区 is 高新技术产业开发区; “2+8”产业平台,
#: “2+8”高能级平台 and “2+8”平台 are one programme's platforms).
_KIND_FORMS = (
    ("高新技术产业开发区", "高新区"),
    ("高新技术产业园区", "高新区"),
    ("经济技术开发区", "经开区"),
    ("高能级产业平台", "平台"),
    ("高能级平台", "平台"),
    ("产业平台", "平台"),
)
#: Zones are named by a county or area under a city: the city before it may be dropped (湖州吴兴高新区).
_ZONE_ENDINGS = ("高新区", "经开区", "经济开发区", "开发区", "新区")
_LEADING_LEVELS = ("province", "city")


#: The legal suffixes of a group: its core keeps the word, so a group and its listed subsidiary stay apart.
_GROUP = re.compile(r"集团(?:有限公司|股份有限公司|股份)?$")


@functools.lru_cache(maxsize=1 << 17)
def _legal_short_forms(name: str) -> tuple[str, ...]:
    """:func:`legal_short_forms`, once per name: resolving a firm reads its forms several times (its uid, its
    keys in the index and in the document), and a firm list brings a hundred thousand names."""
    return tuple(legal_short_forms(name))


@functools.lru_cache(maxsize=1 << 17)
def identity(label: str, name: str) -> str:
    """The identity key of a name: what the short and the full form of one platform or firm share.

    A zone is its distinctive part and short kind, without the province or city
    before it (湖州吴兴高新技术产业开发区 → 吴兴高新区); a firm with a legal name
    is its core without place and legal suffix (湖州三一装载机有限公司 → 三一装载机).
    Other labels are identified by their name.
    """
    if label == "Platform":
        for full, short in _KIND_FORMS:
            if name.endswith(full) and len(name) > len(full):
                name = name[: -len(full)] + short
                break
        kind = next((k for k in _ZONE_ENDINGS if name.endswith(k)), None)
        if kind is None:  # 湖州市企业服务平台 and 嘉兴市企业服务平台 are two things
            return identity_key(name)
        return identity_key(without_leading_place(name, _LEADING_LEVELS, keep=len(kind) + 2))
    if label == "Enterprise" and LEGAL_SUFFIX.search(name):
        forms = _legal_short_forms(name)
        core = forms[0] if forms else name
        if _GROUP.search(name) and forms:
            core += "集团"  # a group and its listed company (鞍钢集团, 鞍钢股份有限公司) are two firms
        return identity_key(core)
    return identity_key(name)


def credit_uid(code: str) -> str:
    """The uid of a firm keyed by its 统一社会信用代码: for two firms of a firm table whose names share
    an identity key (湖州星光科技有限公司 and 杭州星光科技有限公司 are both 星光科技) but not their code."""
    return make_uid("Enterprise", "统一社会信用代码", code)


def identity_uid(node: Node) -> str:
    """The uid of a platform or firm, made from its identity key (a firm keyed by its credit code keeps
    that key); other nodes keep theirs."""
    if node.label == "Enterprise":
        code = node.props.get("credit_code")
        if code and node.uid == credit_uid(code):
            return node.uid
    if node.label in ("Platform", "Enterprise"):
        return make_uid(node.label, identity(node.label, node.name))
    return node.uid


def _keys(node: Node) -> list[tuple[str, str]]:
    """(form, rule) pairs a node can be found by: its name, its aliases, a firm's short forms.

    A cluster is a place's (湖州市八大新兴产业链): its bare aliases (八大新兴产业链) are read in that place,
    so the clusters of two cities never meet through a form both write.
    """
    if node.label == "Cluster":
        places = leading_places(node.name)
        place = places[0] if places else ""
        aliases = [a if leading_places(a) else place + a for a in node.aliases]
        return [(node.name, "same-name")] + [(alias, "same-alias") for alias in aliases]
    out = [(node.name, "same-name")] + [(alias, "same-alias") for alias in node.aliases]
    if node.label == "Enterprise" and LEGAL_SUFFIX.search(node.name):
        out += [(short, "enterprise-short-name") for short in _legal_short_forms(node.name)]
    return out


class Resolver:
    """Knows the stored nodes' names and aliases; maps new nodes onto them."""

    def __init__(self, stored: Graph) -> None:
        self.index: dict[tuple[str, str], str | None] = {}  # None: a form two stored things share
        self.names: dict[str, str] = {}
        #: Firms by 统一社会信用代码 and back: the code identifies a firm before any name does.
        self.by_credit: dict[str, str] = {}
        self.credit: dict[str, str] = {}
        self.learn(stored)

    def learn(self, graph: Graph) -> None:
        """Remember the names and aliases of ``graph``'s nodes (first holder of a form keeps it; the fuller name)."""
        for uid in sorted(graph.nodes):
            node = graph.nodes[uid]
            if node.label not in ALIAS_LABELS:
                continue
            code = node.props.get("credit_code")
            if code:
                self.by_credit.setdefault(code, uid)
                self.credit.setdefault(uid, code)
            held = self.names.get(uid)
            if held is None or (-len(node.name), node.name) < (-len(held), held):
                self.names[uid] = node.name  # the stored display name: the fuller one (Node.merge)
            for form, _rule in _keys(node):
                key = (node.label, identity_key(form))
                held = self.index.setdefault(key, uid)
                if held is not None and held != uid:
                    self.index[key] = None

    def _match(self, node: Node, uid_now: str) -> tuple[str, str] | None:
        """The stored uid ``node`` (now ``uid_now``) is, and the rule that says so; None when new or ambiguous."""
        code = node.props.get("credit_code") if node.label == "Enterprise" else None
        if code and code in self.by_credit:
            held = self.by_credit[code]
            return None if held == uid_now else (held, "same-credit-code")
        hits: dict[str, str] = {}
        for form, rule in _keys(node):
            uid = self.index.get((node.label, identity_key(form)))
            if uid is not None and (not code or self.credit.get(uid, code) == code):
                hits.setdefault(uid, rule)  # a stored firm of another credit code is another firm
        if uid_now in hits:
            return None  # already the stored node
        if len(hits) == 1:
            uid, rule = next(iter(hits.items()))
            return uid, rule
        return None

    def resolve(self, graph: Graph) -> Graph:
        """``graph`` with its nodes keyed by identity and mapped onto stored ones where names agree.

        ``graph`` is used up: its nodes and edges become the result's (changed where merged or moved), so a
        large document's graph is not held twice.
        """
        mapping: dict[str, tuple[str, str]] = {}
        for uid in sorted(graph.nodes):
            node = graph.nodes[uid]
            keyed = identity_uid(node)
            if keyed != uid:
                mapping[uid] = (keyed, "same-identity-key")
        mapping.update(_within_document(graph, mapping))
        for uid in sorted(graph.nodes):
            node = graph.nodes[uid]
            if node.label in ALIAS_LABELS:
                hit = self._match(node, mapping.get(uid, (uid, ""))[0])
                if hit is not None:
                    mapping[uid] = (hit[0], f"cross-document:{hit[1]}")
                code = node.props.get("credit_code") if node.label == "Enterprise" else None
                target = mapping.get(uid, (uid, ""))[0]
                if code and self.credit.get(target, code) != code:  # its key is a stored firm of another code
                    mapping[uid] = (credit_uid(code), "credit-code-differs")
        groups: dict[str, list[Node]] = {}
        for uid in sorted(graph.nodes):
            groups.setdefault(mapping.get(uid, (uid, ""))[0], []).append(graph.nodes[uid])
        out = Graph()
        for target, nodes in groups.items():
            stored = self.names.get(target)
            forms = {n.name for n in nodes} | ({stored} if stored else set())
            if len(forms) == 1 and nodes[0].uid == target:
                out.add_node(nodes[0])
                continue
            # every form of the thing is explained by the same rule, whichever reading is merged into which
            rule = next((mapping[n.uid][1] for n in nodes if n.uid in mapping), "same-identity-key")
            explained = {clean_name(a): r for n in reversed(nodes) for a, r in n.alias_rules.items()}
            for form in sorted(forms):
                explained.setdefault(form, rule)
            for node in nodes:
                out.add_node(Node(target, node.label, node.name, dict(explained), node.props))
        for key in sorted(graph.edges):
            edge = graph.edges[key]
            start = mapping.get(edge.start, (edge.start, ""))[0]
            end = mapping.get(edge.end, (edge.end, ""))[0]
            if start == end and edge.type != "MENTIONED_IN":
                continue
            if (start, end) != (edge.start, edge.end):
                edge = Edge(edge.type, start, end, edge.evidence, edge.props)
            held = out.edges.get(edge.key) if edge.type == "MENTIONED_IN" else None
            if held is not None:  # two readings of one thing in this document: both readings' mentions count
                counted = held.props.get("count", 0) + edge.props.get("count", 0)
                held.merge(edge)
                held.props["count"] = counted
            else:
                out.add_edge(edge)
        return out


def _within_document(graph: Graph, keyed: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """Nodes named by the alias of exactly one other node of their label in the same document (纺织 → 纺织面料)."""
    holders: dict[tuple[str, str], set[str]] = {}
    for uid, node in graph.nodes.items():
        if node.label in ALIAS_LABELS:
            # the forms another document's node would be matched by (a cluster's aliases read in its place), so
            # a document resolves its own nodes as it would against a stored copy of itself
            for form, rule in _keys(node):
                if rule == "same-alias":
                    holders.setdefault((node.label, identity_key(form)), set()).add(keyed.get(uid, (uid, ""))[0])
    out: dict[str, tuple[str, str]] = {}
    for uid in sorted(graph.nodes):
        node = graph.nodes[uid]
        own = keyed.get(uid, (uid, ""))[0]
        found = holders.get((node.label, identity_key(node.name)), set()) - {own}
        if len(found) == 1:
            out[uid] = (found.pop(), "same-document-alias")
    return out
