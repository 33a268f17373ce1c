"""Task forces (工作专班, 领导小组) and who sits on them.

A 专班方案 names the task force in a sentence such as
``决定成立…工作专班``, then lists members one per line as
``姓名（单位职务）`` and its working groups as ``（一）综合协调组`` headings.
Each member's unit is a Department MEMBER_OF the task force (or of the group
the line stands under); each group is PART_OF the task force.
"""

from __future__ import annotations

import re

from chainkg.graph.model import Node
from chainkg.loaders.extract import departments
from chainkg.loaders.extract.builder import DocumentGraph
from chainkg.loaders.extract.findings import Findings
from chainkg.loaders.text.document import ParsedDocument
from chainkg.loaders.text.evidence import quote, sentence_at
from chainkg.loaders.text.keyword_scan import matches_near

_FOUNDING = ("成立", "组建", "设立")
_FOUNDED = re.compile(f"(?:{'|'.join(_FOUNDING)})" + r"了?([\u4e00-\u9fff]{2,40}?(?:工作专班|领导小组|专班))")
_GENERIC = re.compile(r"(?:[市区县]级)?(?:工作)?(?:专班|领导小组)")
_GROUP_HEADING = re.compile(r"^[（(][一二三四五六七八九十]+[）)]\s*([\u4e00-\u9fff]{2,12}组)$")
_TOP_HEADING = re.compile(r"^[一二三四五六七八九十]+、\s*(.+)$")
_UNIT_SEPARATOR = re.compile(r"[、，,]")
_MEMBER = re.compile(r"[\u4e00-\u9fff]{1,4}[（(]([^）)]{2,40})[）)]")


def _full_name(name: str, scope: str | None) -> tuple[str, str]:
    """The task force's name with its area (市先进…专班 → 湖州市先进…专班) and level."""
    if name[0] in "省市区县":
        place = departments._prefix_division(name[0], scope)
        if place:
            return place[0] + name[1:], place[1]
    return name, "city" if scope else "county"


def extract(doc: ParsedDocument, graph: DocumentGraph, findings: Findings) -> None:
    """MEMBER_OF from each member's unit to the task force or working group it is listed under."""
    text = doc.text
    for founded in matches_near(_FOUNDED, text, _FOUNDING):
        if _GENERIC.fullmatch(founded.group(1)):
            continue  # 成立工作专班: a task force in general, not a named body
        name, level = _full_name(founded.group(1), doc.scope)
        evidence = sentence_at(doc, founded.start())
        force = graph.node("Department", name, evidence, aliases={founded.group(1): "written"}, level=level)
        if findings.sections:  # member lists are a policy's (a 专班方案); news only names the task force
            _read_section(doc, graph, force, founded.end(), level)


def _read_section(doc: ParsedDocument, graph: DocumentGraph, force: Node, start: int, level: str) -> None:
    """Member lines after the founding sentence, until a top heading that is not about members or groups."""
    owner = force
    offset = start
    for raw in doc.text[start:].split("\n"):
        here = offset
        offset += len(raw) + 1
        line = raw.strip()
        top = _TOP_HEADING.match(line)
        if top and "成员" not in top.group(1) and "组" not in top.group(1):
            break
        group = _GROUP_HEADING.match(line)
        # a member is named with its unit in brackets: a line without one is not scanned (the pattern opens with
        # a class most characters are in, tried from every one of them)
        members = list(_MEMBER.finditer(line)) if not group and ("（" in line or "(" in line) else []
        if not group and not members:
            continue  # body text: no need to look up its source wording
        quoted = quote(doc, here, here + len(raw)) if line else line  # the line as the file writes it
        if group:
            short = group.group(1)
            owner = graph.node(
                "Department", force.name + short, quoted, aliases={short: "group-of-task-force"}, level=level
            )
            graph.edge("PART_OF", owner, force, quoted)
            continue
        for member in members:
            for part in _UNIT_SEPARATOR.split(member.group(1)):
                unit = departments.read_unit(part, doc.scope)
                if unit is not None and unit.name != owner.name:
                    node = departments.add(graph, unit, quoted)
                    graph.edge("MEMBER_OF", node, owner, quoted)
                    break
