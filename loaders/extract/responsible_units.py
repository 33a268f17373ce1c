"""Who is responsible for a measure: the units a plan names after, under or inside each measure.

Plans of every province say it in a few shapes:

- a bracket closing the measure, with a label: （责任单位：A、B）, 〔牵头单位：A；配合单位：B〕, 【责任部门：…】;
- a bracket with role words instead of a label: （A牵头，B、C配合）, （A、B按职责分工负责）, or units only: （A）;
- labelled lines under the measure: ``责任单位：A（牵头），B，C``, or ``牵头单位：A`` then ``责任单位：B、C``
  (a 牵头领导 line names a person, not a unit);
- prose: 由A牵头，B配合; A会同B、C; A、B按职责分工负责.

The lead (LED_BY) is a unit marked as leading (牵头单位, …牵头, A（牵头）; several: the first), else the
first unit listed; every other unit is involved (INVOLVES). Later units of a list often drop their level
prefix (省工信厅、财政厅; 市经信局、科技局): they take the prefix of the unit before them. Collective units
(各区县人民政府, 各州、市人民政府) and bracketed inclusions (各区县人民政府〈含某新区管委会〉) are units of
their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from chainkg.loaders.extract import departments
from chainkg.loaders.extract.departments import DepartmentMention
from chainkg.loaders.extract.measures import Item
from chainkg.loaders.text import divisions

LEAD, OTHER, LISTED = "lead", "other", "listed"

#: Labels of a unit list and the role of the units after them.
_LABEL_ROLES = {
    "牵头单位": LEAD, "牵头部门": LEAD, "主责单位": LEAD, "主责部门": LEAD, "牵头": LEAD,
    "责任单位": LISTED, "责任部门": LISTED, "实施单位": LISTED, "承办单位": LISTED,
    "配合单位": OTHER, "配合部门": OTHER, "协同单位": OTHER, "协同部门": OTHER, "参与单位": OTHER,
    "协办单位": OTHER, "协助单位": OTHER, "配合": OTHER, "协同": OTHER, "参与": OTHER,
}  # fmt: skip
_LABEL = re.compile(f"({'|'.join(sorted(_LABEL_ROLES, key=len, reverse=True))})\\s*[:：]")
#: A line of units under a measure: a label opening the line.
_LABEL_LINE = re.compile(f"^\\s*(?:{'|'.join(_LABEL_ROLES)})\\s*[:：].*$", re.MULTILINE)
#: Words closing a clause of units and the role they give them (the longest first).
_ROLE_WORDS = (
    ("分别牵头", LEAD), ("负责牵头", LEAD), ("牵头负责", LEAD), ("牵头抓总", LEAD), ("牵头", LEAD),
    ("按职责分工负责", LISTED), ("按职责分工落实", LISTED), ("按职责负责", LISTED), ("分工负责", LISTED),
    ("共同负责", LISTED), ("组织落实", LISTED), ("负责落实", LISTED), ("抓好落实", LISTED), ("负责", LISTED),
    ("为责任主体", LISTED), ("配合", OTHER), ("参与", OTHER), ("协同", OTHER), ("协助", OTHER),
    ("协办", OTHER),
)  # fmt: skip
#: A unit marked as leading inside a list: 市工业和信息化局（牵头）.
_LEAD_MARK = re.compile(r"[（(]\s*牵头\s*[）)]$")
#: Remarks about the list, not units: 列第一位的为牵头单位, 下同, 以下均需….
_META = re.compile(r"(?:列|排)(?:第一位|第一|首位)的?为牵头单位|[，,]?下同|以下均需.*$|等$")
_INCLUDING = re.compile(r"[〈<（(]含")
_CLOSING = re.compile(r"[〉>）)]")
_CLAUSE_SEPARATOR = re.compile(r"[，,；;。\n]")
_UNIT_SEPARATOR = "、"
_OPENERS, _CLOSERS = "（(〔【[", "）)〕】]"
_BRACKET = re.compile(f"[{re.escape(_OPENERS + _CLOSERS)}]")
#: A prefix a unit's name opens with (市经信局); a unit without one takes the prefix before it.
_LEVEL_PREFIX = re.compile(r"^(?:省|自治区|市|州|区|县)")
#: Prose: 由A牵头，B、C配合 / A会同B、C / A、B按职责分工负责 (one clause, units on either side).
_PROSE_LEAD = re.compile(r"(?:^|[，,：:由])([^，,。；;：:由]{2,60}?)(?:负责)?牵头(?:负责)?[，,、]?"
                         r"(?:([^，,。；;]{2,80}?)(?:配合|参与|协同|协助|按职责分工负责|共同负责))?")  # fmt: skip
_PROSE_JOINT = re.compile(r"(?:^|[，,：:由])([^，,。；;：:由]{2,40}?)会同([^，,。；;]{2,80})")
_PROSE_DUTY = re.compile(r"(?:^|[，,：:（(])([^，,。；;：:（(]{2,80}?)按职责分工负责")
#: The prose patterns in the order they are tried, each with the word every match of it holds, and the roles
#: of its groups.
_PROSE_PATTERNS = (
    ("牵头", _PROSE_LEAD, (LEAD, OTHER)),
    ("会同", _PROSE_JOINT, (LEAD, OTHER)),
    ("按职责分工负责", _PROSE_DUTY, (LISTED,)),
)
#: Prose naming the roles: 牵头部门为A，B、C为协同部门 / A为牵头单位 / 配合单位为B.
_ROLE_NOUNS = ("单位", "部门")
_ROLE_NOUN = f"(?:{'|'.join(_ROLE_NOUNS)})"
_ROLE_STATEMENTS = (
    (re.compile(rf"(?:牵头|主责){_ROLE_NOUN}为([^，,。；;]{{2,80}})"), LEAD),
    (re.compile(rf"(?:^|[，,；;：:])([^，,。；;：:]{{2,80}}?)为(?:牵头|主责){_ROLE_NOUN}"), LEAD),
    (re.compile(rf"(?:协同|配合|参与|协办){_ROLE_NOUN}为([^，,。；;]{{2,80}})"), OTHER),
    (re.compile(rf"(?:^|[，,；;：:])([^，,。；;：:]{{2,80}}?)为(?:协同|配合|参与|协办){_ROLE_NOUN}"), OTHER),
)


@dataclass(frozen=True)
class Responsibility:
    """The units of one measure: the lead and the others, with the words they were read from.

    ``own_line``: the units stand on lines of their own under the measure's text (they may close a block
    of sub-items and then belong to the parent item). Frozen: :func:`read` hands the same answer to every
    caller asking about the same text."""

    lead: DepartmentMention | None
    others: tuple[DepartmentMention, ...]
    evidence: str
    own_line: bool = False


def of_item(item: Item, scope: str | None) -> Responsibility | None:
    """The responsibility of a numbered item.

    Lines of units after the last of several sub-items, none of which has units of its own, belong to
    the parent item (1.某环节 ↵ （1）… ↵ （2）… ↵ 责任单位：…): the parent gets them, the sub-item not.
    """
    own = read(item.text, scope)
    if own is not None and own.own_line and _closes_siblings(item, scope):
        return None
    if own is None and item.children and item.children[-1] is not item:
        last = read(item.children[-1].text, scope)
        if last is not None and last.own_line and _closes_siblings(item.children[-1], scope):
            return last
    return own


def _closes_siblings(item: Item, scope: str | None) -> bool:
    """Whether ``item`` is the last of several sub-items and the only one with units."""
    parent = item.parent
    if parent is None or len(parent.children) < 2 or parent.children[-1] is not item:
        return False
    return all(read(sibling.text, scope) is None for sibling in parent.children[:-1])


@lru_cache(maxsize=4096)
def read(text: str, scope: str | None) -> Responsibility | None:
    """The responsibility a measure's text states (lines of units, else a bracket, else prose), or None.

    Cached: a block of sub-items is read once for each sub-item, again by the parent that may own the units
    under its last one and by that sub-item (:func:`of_item`, :func:`_closes_siblings`).
    """
    lines = [m.group(0).strip() for m in _LABEL_LINE.finditer(text) if m.start() > 0]
    if lines:
        found = _resolve(_labelled("\n".join(lines), LISTED), scope, "\n".join(lines))
        if found is not None:
            return replace(found, own_line=True)
    for opened, body in reversed(_brackets(text)):
        found = _bracket(text, opened, body, scope)
        if found is not None:
            return found
    return _prose(text, scope)


def _brackets(text: str) -> list[tuple[int, str]]:
    """Every outermost bracketed group of ``text``: (where it opens, its contents); brackets nest."""
    out: list[tuple[int, str]] = []
    depth, opened = 0, 0
    for bracket in _BRACKET.finditer(text):  # the brackets only: a measure is mostly words between them
        at, char = bracket.start(), bracket.group()
        if char in _OPENERS:
            if depth == 0:
                opened = at
            depth += 1
        elif char in _CLOSERS and depth:
            depth -= 1
            if depth == 0:
                out.append((opened, text[opened + 1 : at]))
    return out


def _bracket(text: str, opened: int, body: str, scope: str | None) -> Responsibility | None:
    """The units of a bracket: labelled, with role words, or (closing its line) units only."""
    evidence = text[opened : opened + len(body) + 2]
    stripped = body.strip()
    if _LABEL.match(stripped):
        return _resolve(_labelled(stripped, LISTED), scope, evidence)
    parts = _labelled(stripped, LISTED)
    if not parts:
        return None
    found = _resolve(parts, scope, evidence)
    if found is None or found.lead is None:
        return None
    has_role = any(role != LISTED for role, _ in parts) or any(w in stripped for w, _ in _ROLE_WORDS)
    if has_role and _first_is_unit(parts, scope):
        return found
    closes_line = not text[opened + len(evidence) :].split("\n", 1)[0].strip(" 。；;")
    if closes_line and _all_units(parts, scope):
        return found
    return None


def _prose(text: str, scope: str | None) -> Responsibility | None:
    """Units named in running text: 由A牵头，B配合; A会同B、C; A、B按职责分工负责; 牵头部门为A，B为协同部门.

    Each pattern holds a word no match can lack (单位 or 部门; 牵头, 会同, 按职责分工负责), and most measures
    name no unit in prose: a text or clause without the word is passed over by ``in`` (a scan in C) rather
    than by the pattern, whose lazy groups are tried at every character.
    """
    if any(noun in text for noun in _ROLE_NOUNS):
        for sentence in re.split(r"[。\n]", text):
            found = _role_statements(sentence, scope)
            if found is not None:
                return found
    if not any(word in text for word, _, _ in _PROSE_PATTERNS):
        return None
    for clause in re.split(r"[。；;\n]", text):
        for word, pattern, roles in _PROSE_PATTERNS:
            if word not in clause:
                continue
            for match in pattern.finditer(clause):
                found = _prose_match(match, roles, scope)
                if found is not None:
                    return found
    return None


def _role_statements(sentence: str, scope: str | None) -> Responsibility | None:
    """The units of a sentence naming roles (牵头部门为A，B、C为协同部门), when a lead is among them."""
    found: list[tuple[int, str, str]] = []
    for pattern, role in _ROLE_STATEMENTS:
        for match in pattern.finditer(sentence):
            parts = [(role, part) for part in _split_units(match.group(1))]
            if parts and _first_is_unit(parts, scope):
                found += [(match.start(1), role, part) for _, part in parts]
    if not any(role == LEAD for _, role, _ in found):
        return None
    return _resolve([(role, part) for _, role, part in sorted(found)], scope, sentence.strip())


def _prose_match(match: re.Match[str], roles: tuple[str, ...], scope: str | None) -> Responsibility | None:
    """The units of a prose statement, when its first group is wholly a list of units."""
    lead_parts = [(roles[0], part) for part in _split_units(match.group(1))]
    if not lead_parts or not _all_units(lead_parts, scope):
        return None
    parts = list(lead_parts)
    if len(roles) > 1 and match.lastindex and match.lastindex > 1 and match.group(2):
        others = [(roles[1], part) for part in _split_units(match.group(2))]
        parts += [p for p in others if _first_is_unit([p], scope)]
    return _resolve(parts, scope, match.group(0).lstrip("，,：:由"))


def _labelled(body: str, role: str) -> list[tuple[str, str]]:
    """(role, written unit) for every unit of a body, in order: labels and closing role words set roles."""
    out: list[tuple[str, str]] = []
    labels = list(_LABEL.finditer(body))
    cuts = [(role, 0, labels[0].start() if labels else len(body))]
    for i, label in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(body)
        cuts.append((_LABEL_ROLES[label.group(1)], label.end(), end))
    for segment_role, start, end in cuts:
        for clause in _clauses(body[start:end]):
            out += _clause_units(clause, segment_role)
    return out


def _clauses(segment: str) -> list[str]:
    """A segment cut at clause marks, collective units (各州、市人民政府) and inner brackets kept whole."""
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return f"\x00{len(kept) - 1}\x00"

    segment = departments.COLLECTIVE.sub(keep, _META.sub("", segment))
    segment = _INCLUDING.sub("、", segment)
    segment = _CLOSING.sub(lambda m: m.group(0) if segment[: m.start()].endswith("牵头") else "", segment)
    restore = re.compile("\x00(\\d+)\x00")
    return [restore.sub(lambda m: kept[int(m.group(1))], c).strip() for c in _CLAUSE_SEPARATOR.split(segment)]


def _clause_units(clause: str, role: str) -> list[tuple[str, str]]:
    """(role, written unit) of one clause: its role word (A、B牵头; C配合), 会同 (A会同B), a 牵头 mark."""
    clause = clause.strip().removeprefix("由").strip()
    clause = _META.sub("", clause).strip()
    for word, word_role in _ROLE_WORDS:
        if clause.endswith(word) and len(clause) > len(word):
            clause = _META.sub("", clause[: -len(word)]).strip()
            role = word_role if word_role != LISTED else role
            break
    if "会同" in clause:
        lead, _, rest = clause.partition("会同")
        return [(LEAD, p) for p in _split_units(lead)] + [(OTHER, p) for p in _split_units(rest)]
    out = []
    for part in _split_units(clause):
        if _LEAD_MARK.search(part):
            out.append((LEAD, _LEAD_MARK.sub("", part).strip()))
        else:
            out.append((role, part))
    return out


def _split_units(text: str) -> list[str]:
    """The written units of a clause (cut at 、), without a closing 等."""
    return [p.strip().removesuffix("等").strip() for p in _split_keep_collectives(text) if p.strip()]


def _split_keep_collectives(text: str) -> list[str]:
    """``text`` cut at 、, a collective unit (各州、市人民政府) kept whole."""
    out: list[str] = []
    at = 0
    for match in departments.COLLECTIVE.finditer(text):
        out += text[at : match.start()].split(_UNIT_SEPARATOR)
        out[-1] += match.group(0)
        at = match.end()
    rest = text[at:].split(_UNIT_SEPARATOR)
    if out and rest:
        out[-1] += rest[0]
        rest = rest[1:]
    return out + rest


def _resolve(parts: list[tuple[str, str]], scope: str | None, evidence: str) -> Responsibility | None:
    """The lead and the others of a list of (role, written unit)."""
    units: list[tuple[str, DepartmentMention]] = []
    prefix: str | None = None
    if any(written.endswith("区管委会") for _, written in parts):  # 南太湖新区、长合区管委会: the body word is shared
        parts = [(role, w + "管委会" if w.endswith("区") else w) for role, w in parts]
    for role, written in parts:
        unit, prefix = _read_unit(written, scope, prefix)
        if unit is not None and all(u.name != unit.name for _, u in units):
            units.append((role, unit))
    if not units:
        return None
    lead = next((u for role, u in units if role == LEAD), units[0][1])
    others = tuple(u for _, u in units if u.name != lead.name)
    return Responsibility(lead, others, evidence)


def _read_unit(written: str, scope: str | None, prefix: str | None) -> tuple[DepartmentMention | None, str | None]:
    """A written unit read in ``scope`` and the level prefix the next unit inherits.

    A bare core (财政厅, 发展改革委) takes the prefix of the unit before it, else the one of the document's
    level (a 厅 is a province's)."""
    if not written:
        return None, prefix
    if written in departments.known_cores():
        implied = "省" if written.endswith("厅") and prefix != "自治区" else prefix or _own_prefix(scope)
        unit = departments.read_unit(implied + written, scope) if implied else None
        return (unit or departments.read_unit(written, scope)), prefix
    unit = departments.read_unit(written, scope)
    level = _LEVEL_PREFIX.match(written)
    if unit is not None and level is not None:
        prefix = level.group(0)
    return unit, prefix


def _own_prefix(scope: str | None) -> str:
    """The level prefix a document's own bodies are written with (省, 市, 区, 县)."""
    div = divisions.division(scope) if scope else None
    if div is None:
        return ""
    if div.level == "province":
        return "自治区" if div.name.endswith("自治区") else "省"
    if div.level == "city":
        return "州" if div.name.endswith("自治州") else "市"
    return div.name[-1] if div.name[-1] in "区县市" else ""


def _first_is_unit(parts: list[tuple[str, str]], scope: str | None) -> bool:
    return _read_unit(parts[0][1], scope, None)[0] is not None


def _all_units(parts: list[tuple[str, str]], scope: str | None) -> bool:
    prefix: str | None = None
    for _, written in parts:
        unit, prefix = _read_unit(written, scope, prefix)
        if unit is None:
            return False
    return True
