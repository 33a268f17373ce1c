"""Who is responsible for a measure: （责任单位：…）, （牵头单位：…；配合单位：…）.

The first unit listed leads (LED_BY), the others are involved (INVOLVES);
an explicit 牵头单位 list leads whatever its place. A clause such as
``…为责任主体`` adds the units it names as involved; bracketed inclusions
(各区县人民政府〈含南太湖新区、长合区管委会〉) are units of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chainkg.loaders.extract import departments
from chainkg.loaders.extract.departments import DepartmentMention

_BRACKET = re.compile(
    r"[（(]\s*(责任单位|牵头单位|责任部门|主责单位)\s*[:：](.+?)[）)](?=[^）)]*$|\s*$|[。；\n])", re.DOTALL
)
_ROLE = re.compile(r"(牵头单位|配合单位|责任单位|参与单位|协同单位)\s*[:：]")
_META = re.compile(r"列第一位的为牵头单位|[，,]?下同|排名第一的为牵头单位")


@dataclass
class Responsibility:
    """The units of one measure: the lead and the others, each with the sentence it was read from."""

    lead: DepartmentMention | None
    others: list[DepartmentMention]
    evidence: str


_BODY_TAIL = re.compile(r"为责任主体.*$")
_INCLUDING = re.compile(r"[〈<（(]含")
_CLOSING = re.compile(r"[〉>）)]")
_UNIT_SEPARATOR = re.compile(r"[、，,；;。]")


def _units(text: str, scope: str | None) -> list[DepartmentMention]:
    text = _META.sub("", text)
    text = _BODY_TAIL.sub("", text)
    text = _INCLUDING.sub("、", text)
    text = _CLOSING.sub("", text)
    out: list[DepartmentMention] = []
    parts = [p.strip() for p in _UNIT_SEPARATOR.split(text) if p.strip()]
    shared = any(p.endswith("区管委会") for p in parts)
    for part in parts:
        if shared and part.endswith("区"):
            part += "管委会"  # 南太湖新区、长合区管委会: the body word is shared by the list
        unit = departments.read_unit(part, scope)
        if unit is not None and all(u.name != unit.name for u in out):
            out.append(unit)
    return out


def read(text: str, scope: str | None) -> Responsibility | None:
    """The responsibility a measure's text states, or None."""
    matches = list(_BRACKET.finditer(text))
    if not matches:
        return None
    match = matches[-1]  # the list closing the measure, not one quoted inside it
    body = match.group(2)
    lead: DepartmentMention | None = None
    others: list[DepartmentMention] = []
    roles = list(_ROLE.finditer(body))
    if roles:
        # 牵头单位：A；配合单位：B、C (the bracket's own role word is the first)
        first_role = match.group(1)
        segments = [(first_role, body[: roles[0].start()])]
        segments += [
            (r.group(1), body[r.end() : roles[i + 1].start() if i + 1 < len(roles) else len(body)])
            for i, r in enumerate(roles)
        ]
        for role, segment in segments:
            units = _units(segment, scope)
            if role == "牵头单位" and units and lead is None:
                lead, units = units[0], units[1:]
            others += units
    else:
        units = _units(body, scope)
        if units:
            lead, others = units[0], units[1:]
    if lead is None and others:
        lead, others = others[0], others[1:]
    return Responsibility(lead, [u for u in others if lead is None or u.name != lead.name], match.group(0))
