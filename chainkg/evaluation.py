"""Scoring the built graph against the annotated gold files (``../shared/gold/README.md``).

The gold README is the specification; this module implements its matching rules
and nothing more, so a score means the same thing to every loader engineer:

- the extracted items of a document are the nodes ``MENTIONED_IN`` its Document
  (the one whose ``name`` is the gold ``document``) and the ends and edges whose
  ``evidence`` names that Document;
- entities match one to one within a label in three passes (canonical names
  equal; any name or alias equal; for Measure and Indicator, containment or a
  character-bigram Dice of at least 0.8 / 0.6 on the canonical names), a Measure
  only within the same policy;
- relations match on type and both matched ends, PART_OF between districts on
  the hierarchy (transitive closure), and a parent district the text never names
  (added from the divisions data set) is no false positive;
- targets match on scope, year, value and an Indicator-style indicator name.

Every one-to-one assignment is greedy in a stable order: all admissible pairs
are sorted by (best similarity first, gold file order, extracted uid) and taken
while both sides are free. It is not an optimal assignment, but it is
deterministic and, with names that are equal or near-equal, it agrees with one.
Counts are summed over documents (micro-averaged).
"""

from __future__ import annotations

import json
import math
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.graph.errors import ChainKGError
from chainkg.graph.model import LABELS, REL_TYPES, Edge, Graph, Node, identity_key
from chainkg.loaders.pipeline import build

#: Suffixes the README strips from IndustryChain names before comparing (longest first).
NAME_SUFFIXES: dict[str, tuple[str, ...]] = {"IndustryChain": ("产业链", "产业", "行业")}

#: Labels matched by the third (fuzzy) pass, with their minimum bigram Dice coefficient.
FUZZY_DICE: dict[str, float] = {"Measure": 0.8, "Indicator": 0.6}

#: Labels that are not entities of the gold files: Documents are the unit of
#: scoring and Targets are scored on their own (with their OF_INDICATOR / FOR edges).
NOT_ENTITIES = frozenset({"Document", "Target"})

#: Relative tolerance for target values (figures are read from text, so 2.2 == 2.2000001).
VALUE_TOLERANCE = 1e-6


class GoldError(ChainKGError):
    """A gold folder or file cannot be used; the message names the file and the value at fault."""


def normalise(label: str, name: str) -> str:
    """Comparison form of a name: NFKC, white space and quotes removed, lower case; chain suffixes cut."""
    key = identity_key(unicodedata.normalize("NFKC", name))
    for suffix in NAME_SUFFIXES.get(label, ()):
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[: -len(suffix)]
    return key


def dice(a: str, b: str) -> float:
    """Character-bigram Dice coefficient (bigrams counted as a multiset); strings under 2 chars: equality."""
    if len(a) < 2 or len(b) < 2:
        return 1.0 if a == b else 0.0
    left = Counter(a[i : i + 2] for i in range(len(a) - 1))
    right = Counter(b[i : i + 2] for i in range(len(b) - 1))
    return 2 * sum((left & right).values()) / (len(a) - 1 + len(b) - 1)


def fuzzy_score(label: str, a: str, b: str) -> float | None:
    """Third-pass similarity of two normalised canonical names, or None when they do not match."""
    threshold = FUZZY_DICE.get(label)
    if threshold is None or not a or not b:
        return None
    score = dice(a, b)
    if a in b or b in a or score >= threshold:
        return score
    return None


# --- counts and the report ---------------------------------------------------------------------------------------


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass
class Counts:
    """True positives, false positives, false negatives, and the ratios they give (None when undefined)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": _rounded(self.precision),
            "recall": _rounded(self.recall),
            "f1": _rounded(self.f1),
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _summed(parts: Iterable[Counts]) -> Counts:
    total = Counts()
    for part in parts:
        total.add(part)
    return total


@dataclass(frozen=True)
class Finding:
    """One false positive or false negative, for ``--details``."""

    outcome: str  # "FP" or "FN"
    kind: str  # "entity", "relation" or "target"
    group: str  # the label, the relationship type, or "Target"
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"outcome": self.outcome, "kind": self.kind, "group": self.group, "text": self.text}


class _Totals:
    """Entity, relation and overall totals of anything that scores per label and per type."""

    if TYPE_CHECKING:  # what a subclass holds (a document's fields) or computes (a report's sums)

        @property
        def entities(self) -> dict[str, Counts]: ...

        @property
        def relations(self) -> dict[str, Counts]: ...

        @property
        def targets(self) -> Counts: ...

    @property
    def entities_total(self) -> Counts:
        return _summed(self.entities.values())

    @property
    def relations_total(self) -> Counts:
        return _summed(self.relations.values())

    @property
    def overall(self) -> Counts:
        return _summed((self.entities_total, self.relations_total, self.targets))


@dataclass
class DocumentScore(_Totals):
    """The counts of one gold document, per label, per relationship type and for targets."""

    document: str
    gold_file: str
    found: bool
    entities: dict[str, Counts] = field(default_factory=dict)
    relations: dict[str, Counts] = field(default_factory=dict)
    targets: Counts = field(default_factory=Counts)
    findings: list[Finding] = field(default_factory=list)

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "document": self.document,
            "gold_file": self.gold_file,
            "found": self.found,
            "entities": {k: v.to_dict() for k, v in _ordered(self.entities, LABELS).items()},
            "relations": {k: v.to_dict() for k, v in _ordered(self.relations, tuple(REL_TYPES)).items()},
            "targets": self.targets.to_dict(),
            "entities_total": self.entities_total.to_dict(),
            "relations_total": self.relations_total.to_dict(),
            "overall": self.overall.to_dict(),
        }
        if details:
            out["findings"] = [f.to_dict() for f in self.findings]
        return out


def _ordered(counts: dict[str, Counts], order: tuple[str, ...]) -> dict[str, Counts]:
    """Labels / types in MODEL.md order, unknown ones (e.g. a gold-only type) after them by name."""
    rank = {name: i for i, name in enumerate(order)}
    return {k: counts[k] for k in sorted(counts, key=lambda k: (rank.get(k, len(rank)), k))}


@dataclass
class EvalReport(_Totals):
    """Scores of every gold document and their sums; render() for people, to_dict() for tools."""

    gold_dir: str
    documents: list[DocumentScore]
    warnings: list[str] = field(default_factory=list)

    def _merged(self, part: str) -> dict[str, Counts]:
        merged: dict[str, Counts] = defaultdict(Counts)
        for doc in self.documents:
            for key, counts in getattr(doc, part).items():
                merged[key].add(counts)
        return dict(merged)

    @property
    def entities(self) -> dict[str, Counts]:
        return _ordered(self._merged("entities"), LABELS)

    @property
    def relations(self) -> dict[str, Counts]:
        return _ordered(self._merged("relations"), tuple(REL_TYPES))

    @property
    def targets(self) -> Counts:
        return _summed(d.targets for d in self.documents)

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        return {
            "gold_dir": self.gold_dir,
            "entities": {k: v.to_dict() for k, v in self.entities.items()},
            "entities_total": self.entities_total.to_dict(),
            "relations": {k: v.to_dict() for k, v in self.relations.items()},
            "relations_total": self.relations_total.to_dict(),
            "targets": self.targets.to_dict(),
            "overall": self.overall.to_dict(),
            "documents": [d.to_dict(details) for d in self.documents],
            "warnings": list(self.warnings),
        }

    def render(self, details: bool = False) -> str:
        """An aligned plain-text table (ASCII row names, so columns line up in any terminal)."""
        rows: list[tuple[str, Counts | None]] = [("entities", None)]
        rows += [(f"  {label}", counts) for label, counts in self.entities.items()]
        rows += [("  total", self.entities_total), ("relations", None)]
        rows += [(f"  {rel}", counts) for rel, counts in self.relations.items()]
        rows += [("  total", self.relations_total), ("targets", self.targets), ("overall", self.overall)]
        rows += [("per document (overall)", None)]
        rows += [(f"  {doc.document}{'' if doc.found else ' (not loaded)'}", doc.overall) for doc in self.documents]
        width = max(len(name) for name, _ in rows)
        header = f"{'':<{width}}  {'TP':>5} {'FP':>5} {'FN':>5}  {'prec':>6} {'recall':>6} {'F1':>6}"
        lines = [f"gold: {self.gold_dir} ({len(self.documents)} documents)", header]
        for name, counts in rows:
            if counts is None:
                lines.append(name)
                continue
            lines.append(
                f"{name:<{width}}  {counts.tp:>5} {counts.fp:>5} {counts.fn:>5}  "
                f"{_cell(counts.precision)} {_cell(counts.recall)} {_cell(counts.f1)}"
            )
        if details:
            for doc in self.documents:
                lines.append("")
                lines.append(f"{doc.document}: {len(doc.findings)} errors")
                lines += [f"  {f.outcome} {f.kind:<8} {f.group:<14} {f.text}" for f in doc.findings]
        return "\n".join(lines)


def _cell(value: float | None) -> str:
    return f"{'-':>6}" if value is None else f"{value:>6.3f}"


# --- gold files --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldEntity:
    label: str
    name: str
    aliases: tuple[str, ...]
    policy: str | None  # Measures: the canonical name of their Policy

    @property
    def key(self) -> tuple[str, str]:
        return (self.label, normalise(self.label, self.name))

    def forms(self) -> set[str]:
        return {normalise(self.label, n) for n in (self.name, *self.aliases)} - {""}


@dataclass(frozen=True)
class GoldRelation:
    type: str
    start: tuple[str, str]  # entity keys
    end: tuple[str, str]


@dataclass(frozen=True)
class GoldTarget:
    indicator: str
    scope: tuple[str, str]
    year: int | None
    value: float | None


@dataclass
class GoldDocument:
    path: Path
    document: str
    entities: list[GoldEntity]
    relations: list[GoldRelation]
    targets: list[GoldTarget]

    def entity(self, key: tuple[str, str]) -> GoldEntity | None:
        return next((e for e in self.entities if e.key == key), None)


def _number(value: Any) -> float | None:
    try:
        return None if value is None or isinstance(value, bool) else float(value)
    except (TypeError, ValueError):
        return None


def _year(value: Any) -> int | None:
    number = _number(value)
    return None if number is None or not number.is_integer() else int(number)


def load_gold(path: Path) -> GoldDocument:
    """One gold file; a malformed one or a reference to an unlisted entity is a :class:`GoldError`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entities = [
            GoldEntity(e["label"], e["name"], tuple(e.get("aliases") or ()), e.get("policy"))
            for e in data.get("entities", [])
        ]
        keys = {e.key for e in entities}

        def ref(pair: list[str], what: str) -> tuple[str, str]:
            label, name = pair
            key = (label, normalise(label, name))
            if key not in keys:
                raise GoldError(f"{path}: {what} refers to {label} {name!r}, which is not listed in entities")
            return key

        relations = [
            GoldRelation(r["type"], ref(r["from"], f"{r['type']} relation"), ref(r["to"], f"{r['type']} relation"))
            for r in data.get("relations", [])
        ]
        targets = [
            GoldTarget(t["indicator"], ref(t["for"], "target"), _year(t.get("year")), _number(t.get("value")))
            for t in data.get("targets", [])
        ]
        return GoldDocument(path, data["document"], entities, relations, targets)
    except GoldError:
        raise
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise GoldError(f"{path}: not a gold file ({type(exc).__name__}: {exc})") from exc


def load_gold_dir(gold_dir: Path, documents: list[str] | None = None) -> list[GoldDocument]:
    """The gold files of ``gold_dir`` in name order, optionally only those for ``documents``."""
    files = sorted(gold_dir.glob("*.json")) if gold_dir.is_dir() else []
    if not files:
        raise GoldError(f"{gold_dir}: no gold *.json files there")
    golds = [load_gold(path) for path in files]
    if documents is None:
        return golds
    wanted = set(documents)
    chosen = [g for g in golds if wanted & {g.document, g.path.name, g.path.stem}]
    unknown = wanted - {name for g in chosen for name in (g.document, g.path.name, g.path.stem)}
    if unknown:
        known = ", ".join(g.document for g in golds)
        raise GoldError(f"{gold_dir}: no gold file for {', '.join(sorted(unknown))} (gold documents: {known})")
    return chosen


# --- what was extracted from one document ------------------------------------------------------------------------


class _Extracted:
    """The nodes and edges of one document in the built graph, with the lookups the matching needs."""

    def __init__(self, graph: Graph, out: dict[str, list[Edge]], doc_uids: set[str]) -> None:
        self.graph = graph
        self.out = out
        self._policies: dict[str, list[Node]] = {}
        self.mentioned = {e.start for e in graph.edges.values() if e.type == "MENTIONED_IN" and e.end in doc_uids}
        self.edges = [
            graph.edges[key]
            for key in sorted(graph.edges)
            if key[0] != "MENTIONED_IN" and doc_uids & graph.edges[key].evidence.keys()
        ]
        uids = self.mentioned | {uid for e in self.edges for uid in (e.start, e.end)}
        self.nodes = [graph.nodes[uid] for uid in sorted(uids - doc_uids)]

    def targets_of(self, uid: str, rel_type: str) -> list[Node]:
        return [self.graph.nodes[e.end] for e in self.out.get(uid, []) if e.type == rel_type]

    def policies_of(self, measure_uid: str) -> list[Node]:
        """Policies reached from a Measure through PART_OF over Measures (Measure→Measure→…→Policy)."""
        if measure_uid in self._policies:
            return self._policies[measure_uid]
        found: list[Node] = []
        seen, todo = {measure_uid}, [measure_uid]
        while todo:
            for node in self.targets_of(todo.pop(), "PART_OF"):
                if node.uid in seen:
                    continue
                seen.add(node.uid)
                if node.label == "Policy":
                    found.append(node)
                elif node.label == "Measure":
                    todo.append(node.uid)
        self._policies[measure_uid] = found
        return found


def _forms(node: Node) -> set[str]:
    return {normalise(node.label, n) for n in (node.name, *node.aliases)} - {""}


#: A node of the relation :func:`_closure` closes.
_T = TypeVar("_T", str, int)


def _closure(pairs: Iterable[tuple[_T, _T]]) -> set[tuple[_T, _T]]:
    """Transitive closure of a small relation (district hierarchies are a few levels deep), of uids or of gold
    entity indexes."""
    parents: dict[_T, set[_T]] = defaultdict(set)
    for child, parent in pairs:
        parents[child].add(parent)
    closed: set[tuple[_T, _T]] = set()
    for start in list(parents):
        seen: set[_T] = set()
        todo = list(parents[start])
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo.extend(parents.get(node, ()))
        closed |= {(start, p) for p in seen}
    return closed


# --- matching ----------------------------------------------------------------------------------------------------


def _assign(pairs: list[tuple[float, int, str]], gold_free: set[int], ext_free: set[str]) -> dict[int, str]:
    """Greedy one-to-one assignment: best score first, then gold order, then uid."""
    chosen: dict[int, str] = {}
    for _score, gi, uid in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if gi in gold_free and uid in ext_free:
            chosen[gi] = uid
            gold_free.discard(gi)
            ext_free.discard(uid)
    return chosen


def _entity_order(labels: Iterable[str]) -> list[str]:
    """Policies first (Measures are matched within their matched Policy), then MODEL.md order."""
    rank = {name: i for i, name in enumerate(LABELS)}
    return sorted(set(labels), key=lambda lab: (lab != "Policy", rank.get(lab, len(rank)), lab))


def _match_entities(gold: GoldDocument, ext: _Extracted) -> dict[int, str]:
    """Gold entity index → extracted uid, in the README's three passes."""
    assigned: dict[int, str] = {}
    by_uid: dict[str, int] = {}
    ext_nodes = [n for n in ext.nodes if n.label not in NOT_ENTITIES]
    policy_index = {e.key: i for i, e in enumerate(gold.entities) if e.label == "Policy"}

    def same_policy(entity: GoldEntity, node: Node) -> bool:
        if entity.label != "Measure" or not entity.policy:
            return True
        policies = ext.policies_of(node.uid)
        gold_policy = policy_index.get(("Policy", normalise("Policy", entity.policy)))
        if gold_policy is not None:
            return any(by_uid.get(p.uid) == gold_policy for p in policies)
        name = normalise("Policy", entity.policy)
        return any(name in _forms(p) for p in policies)

    for label in _entity_order([e.label for e in gold.entities] + [n.label for n in ext_nodes]):
        golds = {i: e for i, e in enumerate(gold.entities) if e.label == label}
        nodes = {n.uid: n for n in ext_nodes if n.label == label}
        gold_free, ext_free = set(golds), set(nodes)
        for pass_no in (1, 2, 3):
            pairs: list[tuple[float, int, str]] = []
            for gi in sorted(gold_free):
                entity = golds[gi]
                gold_name, gold_forms = normalise(label, entity.name), entity.forms()
                for uid in sorted(ext_free):
                    node = nodes[uid]
                    if pass_no == 1:
                        score = 1.0 if gold_name and gold_name == normalise(label, node.name) else None
                    elif pass_no == 2:
                        score = 1.0 if gold_forms & _forms(node) else None
                    else:
                        score = fuzzy_score(label, gold_name, normalise(label, node.name))
                    if score is not None and same_policy(entity, node):
                        pairs.append((score, gi, uid))
            chosen = _assign(pairs, gold_free, ext_free)
            assigned.update(chosen)
            by_uid.update({uid: gi for gi, uid in chosen.items()})
    return assigned


def _describe(node: Node) -> str:
    return f"{node.label}:{node.name}"


def _score_document(gold: GoldDocument, graph: Graph, out: dict[str, list[Edge]], doc_uids: set[str]) -> DocumentScore:
    score = DocumentScore(gold.document, gold.path.name, found=bool(doc_uids))
    ext = _Extracted(graph, out, doc_uids)
    assigned = _match_entities(gold, ext)
    owner = {uid: gi for gi, uid in assigned.items()}
    key_index = {e.key: i for i, e in enumerate(gold.entities)}

    # Entities.
    for gi, entity in enumerate(gold.entities):
        counts = score.entities.setdefault(entity.label, Counts())
        if gi in assigned:
            counts.tp += 1
        else:
            counts.fn += 1
            score.findings.append(Finding("FN", "entity", entity.label, entity.name))
    for node in ext.nodes:
        if node.label in NOT_ENTITIES or node.uid in owner:
            continue
        if node.label == "District" and node.uid not in ext.mentioned:
            continue  # a parent from the divisions data set, not named in the text
        score.entities.setdefault(node.label, Counts()).fp += 1
        score.findings.append(Finding("FP", "entity", node.label, f"{node.name} [{node.uid}]"))

    # Relations: District PART_OF on the hierarchy, every other one on its matched ends.
    def is_hierarchy(rel_type: str, start_label: str, end_label: str) -> bool:
        return rel_type == "PART_OF" and start_label == end_label == "District"

    nodes = graph.nodes
    rel_edges = [
        e for e in ext.edges if nodes[e.start].label not in NOT_ENTITIES and nodes[e.end].label not in NOT_ENTITIES
    ]
    ext_hierarchy = _closure(
        (e.start, e.end) for e in rel_edges if is_hierarchy(e.type, nodes[e.start].label, nodes[e.end].label)
    )
    gold_hierarchy = _closure(
        (key_index[r.start], key_index[r.end]) for r in gold.relations if is_hierarchy(r.type, r.start[0], r.end[0])
    )
    gold_plain = {
        (r.type, key_index[r.start], key_index[r.end])
        for r in gold.relations
        if not is_hierarchy(r.type, r.start[0], r.end[0])
    }
    met: set[tuple[str, int, int]] = set()
    for edge in rel_edges:
        start, end = nodes[edge.start], nodes[edge.end]
        gs, ge = owner.get(edge.start), owner.get(edge.end)
        if is_hierarchy(edge.type, start.label, end.label):
            if edge.start not in ext.mentioned or edge.end not in ext.mentioned:
                continue  # drawn through a division the text does not name: judged via the closure only
            if gs is not None and ge is not None and (gs, ge) in gold_hierarchy:
                continue  # true, and credited through the gold edges it helps meet
        elif gs is not None and ge is not None and (edge.type, gs, ge) in gold_plain:
            score.relations.setdefault(edge.type, Counts()).tp += 1
            met.add((edge.type, gs, ge))
            continue
        score.relations.setdefault(edge.type, Counts()).fp += 1
        score.findings.append(Finding("FP", "relation", edge.type, f"{_describe(start)} -> {_describe(end)}"))
    for rel in gold.relations:
        gs, ge = key_index[rel.start], key_index[rel.end]
        counts = score.relations.setdefault(rel.type, Counts())
        if is_hierarchy(rel.type, rel.start[0], rel.end[0]):
            if gs in assigned and ge in assigned and (assigned[gs], assigned[ge]) in ext_hierarchy:
                counts.tp += 1
                continue
        elif (rel.type, gs, ge) in met:
            continue  # counted on the extracted side above
        counts.fn += 1
        text = (
            f"{gold.entities[gs].label}:{gold.entities[gs].name} -> {gold.entities[ge].label}:{gold.entities[ge].name}"
        )
        score.findings.append(Finding("FN", "relation", rel.type, text))

    _score_targets(gold, ext, assigned, key_index, score)
    return score


def _indicator_score(gold_names: set[str], gold_name: str, node: Node) -> float | None:
    """How well an extracted Indicator matches a gold indicator name, by the Indicator entity rules."""
    if gold_name == normalise("Indicator", node.name) or gold_names & _forms(node):
        return 1.0
    return fuzzy_score("Indicator", gold_name, normalise("Indicator", node.name))


def _score_targets(
    gold: GoldDocument,
    ext: _Extracted,
    assigned: dict[int, str],
    key_index: dict[tuple[str, str], int],
    score: DocumentScore,
) -> None:
    """Targets one to one: same scope node, year and value; the best-matching indicator name first."""
    targets = [n for n in ext.nodes if n.label == "Target"]
    pairs: list[tuple[float, int, str]] = []
    for ti, target in enumerate(gold.targets):
        scope_uid = assigned.get(key_index[target.scope])
        indicator = gold.entity(("Indicator", normalise("Indicator", target.indicator)))
        gold_name = normalise("Indicator", target.indicator)
        gold_names = indicator.forms() if indicator else {gold_name}
        for node in targets:
            year, value = _year(node.props.get("year")), _number(node.props.get("value"))
            if scope_uid is None or target.year is None or year != target.year:
                continue
            if value is None or target.value is None:
                continue
            if not math.isclose(value, target.value, rel_tol=VALUE_TOLERANCE, abs_tol=VALUE_TOLERANCE):
                continue
            if scope_uid not in {n.uid for n in ext.targets_of(node.uid, "FOR")}:
                continue
            scores = [_indicator_score(gold_names, gold_name, n) for n in ext.targets_of(node.uid, "OF_INDICATOR")]
            best = max((s for s in scores if s is not None), default=None)
            if best is not None:
                pairs.append((best, ti, node.uid))
    chosen = _assign(pairs, set(range(len(gold.targets))), {n.uid for n in targets})
    score.targets.tp = len(chosen)
    score.targets.fn = len(gold.targets) - len(chosen)
    score.targets.fp = len(targets) - len(chosen)
    for ti, target in enumerate(gold.targets):
        if ti not in chosen:
            scope = f"{target.scope[0]}:{gold.entities[key_index[target.scope]].name}"
            shown = "?" if target.value is None else f"{target.value:g}"
            text = f"{target.indicator} for {scope} {target.year} = {shown}"
            score.findings.append(Finding("FN", "target", "Target", text))
    matched = set(chosen.values())
    for node in targets:
        if node.uid in matched:
            continue
        indicators = ",".join(n.name for n in ext.targets_of(node.uid, "OF_INDICATOR")) or "?"
        scopes = ",".join(_describe(n) for n in ext.targets_of(node.uid, "FOR")) or "?"
        text = f"{indicators} for {scopes} {node.props.get('year')} = {node.props.get('value')} [{node.uid}]"
        score.findings.append(Finding("FP", "target", "Target", text))


# --- entry point -------------------------------------------------------------------------------------------------


def evaluate(graph: Graph, gold_dir: Path, documents: list[str] | None = None) -> EvalReport:
    """Score ``graph`` against every gold file in ``gold_dir`` (or those for ``documents``, by file name).

    A gold document that was not loaded scores all-missed and adds a warning,
    so a partial build cannot look better than it is.
    """
    report = EvalReport(str(gold_dir), [])
    doc_uids: dict[str, set[str]] = defaultdict(set)
    for node in graph.by_label("Document"):
        doc_uids[node.name].add(node.uid)
    out: dict[str, list[Edge]] = defaultdict(list)
    for key in sorted(graph.edges):
        out[key[1]].append(graph.edges[key])
    for gold in load_gold_dir(gold_dir, documents):
        uids = doc_uids.get(gold.document, set())
        if not uids:
            report.warnings.append(
                f"{gold.path.name}: document {gold.document!r} is not in the graph; all its items count as missed"
            )
        elif len(uids) > 1:
            report.warnings.append(
                f"{gold.path.name}: {len(uids)} Document nodes are named {gold.document!r}; scoring them together"
            )
        report.documents.append(_score_document(gold, graph, out, uids))
    return report


# --- gold sets with their corpus ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldSet:
    """A gold set: the folder of its gold files and the corpus they annotate, when that is at hand."""

    gold_dir: Path
    corpus: Path | None


def gold_set(path: Path) -> GoldSet:
    """The gold set a folder holds: gold files in ``PATH/gold/`` or in ``PATH`` itself; the corpus in
    ``PATH/corpus/``, else in a ``corpus/`` folder beside ``PATH`` (the layout of the bundled and
    shared sets: ``dev/gold`` + ``dev/corpus``, or ``gold/`` beside ``corpus/``)."""
    gold_dir = path / "gold" if (path / "gold").is_dir() else path
    for corpus in (path / "corpus", path.parent / "corpus"):
        if corpus.is_dir() and corpus.resolve() != gold_dir.resolve():
            return GoldSet(gold_dir, corpus)
    return GoldSet(gold_dir, None)


def evaluate_fresh(gold: GoldSet, documents: list[str] | None = None, workers: int = 1) -> EvalReport:
    """Build the set's corpus into a fresh embedded store (in a temporary folder) and score it.

    Scores then depend on the rules and the corpus alone, not on what a store held before.
    """
    if gold.corpus is None:
        raise GoldError(f"{gold.gold_dir}: no corpus/ folder beside the gold files to build")
    with tempfile.TemporaryDirectory(prefix="chainkg-eval-") as tmp:
        with EmbeddedStore(Path(tmp) / "graph.json") as store:
            build([gold.corpus], store, workers=workers)
            graph = store.read()
    return evaluate(graph, gold.gold_dir, documents)
