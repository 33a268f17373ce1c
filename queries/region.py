"""The one definition of "in the region": which firms, measures, targets and documents belong to a region.

A region is a ``District`` (province, city, county, town, zone) or a ``Platform`` (园区, 平台). Every page
and list the viewer shows for a chosen region decides here, from the rows of the named query
``region_facts`` (Cypher and its embedded twin, held equal by ``tests/test_query_parity.py``), which
only fetches facts; as with :mod:`chainkg.queries.placement`, the decision is made in Python, once.

**Own places.** A node names places of its own (``places``): a district its PART_OF district, a platform
or a firm its LOCATED_IN district or platform, a measure or policy its APPLIES_TO districts, a target its
FOR district or platform, a department its PART_OF district, a document that states no policy or measure
its ``scope`` (the districts it speaks for, read by the loader from its title or the places it names most;
the districts an imported firm list's rows lie in).

**Inherited places.** A node that names none takes the places of the nodes it comes from (``via``): a
measure those of its PART_OF measure or policy, a policy those of its issuer (ISSUED_BY department), a
department those of its PART_OF department, a target those of the measure or policy that SETS it, a
document those of the policies and measures it states.

**Up the hierarchy.** The regions of a node are its places and every region they lie in (District PART_OF
District, Platform LOCATED_IN District or Platform), transitively. A node is *in* region R when R is one
of its regions: a firm of 东区 is in 东区 and in the city 东区 is PART_OF, not in a neighbouring city; a
city's measure is in the city and its province, not in each of its districts.

**Imported firm lists.** A region *has a firm list* when an imported firm list (a Document of kind
``firm_table``) is in it by this rule (:meth:`Regions.has_firm_list`): a link none of its firms is on is
then a confirmed gap, not merely unknown (:func:`chainkg.queries.placement.link_state`).

A node with no region at all (a news item naming no policy and no place, a target of no place) is in no region: a page
for a region shows it under "未定区域" only where it says so (:meth:`Regions.unplaced`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from chainkg.queries.placement import FIRM_TABLE, link_state

Row = dict[str, Any]
RunQuery = Callable[[str, dict[str, Any]], list[Row]]

#: Chinese names of the levels of a region, most general first (the picker's order).
LEVEL_ZH = {
    "province": "省",
    "city": "市",
    "county": "区县",
    "town": "镇街",
    "zone": "功能区",
    "platform": "平台",
}
_LEVEL_ORDER = {level: i for i, level in enumerate(LEVEL_ZH)}
REGION_LABELS = ("District", "Platform")


@dataclass
class Regions:
    """The regions of a graph and what lies in each, from ``region_facts`` rows."""

    rows: dict[str, Row]
    _memo: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _choices: list[Row] | None = field(default=None, repr=False)
    _lists: frozenset[str] | None = field(default=None, repr=False)

    @classmethod
    def from_rows(cls, rows: Iterable[Row]) -> Regions:
        return cls({r["uid"]: r for r in rows})

    # -- the rule -------------------------------------------------------------------------------------

    def regions_of(self, uid: str | None) -> frozenset[str]:
        """Every region ``uid`` is in: its own places (or, naming none, those it inherits), and all above them."""
        if not uid:
            return frozenset()
        if uid in self._memo:
            return self._memo[uid]
        self._memo[uid] = frozenset()  # a cycle (A PART_OF B PART_OF A) ends here
        row = self.rows.get(uid)
        found: set[str] = set()
        if row is not None:
            if row["label"] in REGION_LABELS:
                found.add(uid)
            places = row.get("places") or []
            if places:
                for place in places:
                    found |= self.regions_of(place)
            elif row["label"] not in REGION_LABELS:
                for parent in row.get("via") or []:
                    found |= self.regions_of(parent)
        result = frozenset(found)
        self._memo[uid] = result
        return result

    def contains(self, region: str | None, uid: str | None) -> bool:
        """Whether ``uid`` is in ``region`` (every node is, when no region is chosen)."""
        return not region or region in self.regions_of(uid)

    def has_firm_list(self, region: str | None) -> bool:
        """Whether an imported firm list covers ``region`` (never when no region is chosen)."""
        if not region:
            return False
        if self._lists is None:
            self._lists = frozenset(
                place
                for uid, row in self.rows.items()
                if row["label"] == "Document" and row.get("kind") == FIRM_TABLE
                for place in self.regions_of(uid)
            )
        return region in self._lists

    def unplaced(self, uid: str | None) -> bool:
        """The node lies in no region at all."""
        return not self.regions_of(uid)

    # -- the regions themselves ------------------------------------------------------------------------

    def region(self, uid: str) -> Row | None:
        row = self.rows.get(uid)
        if row is None or row["label"] not in REGION_LABELS:
            return None
        level = "platform" if row["label"] == "Platform" else (row.get("level") or "zone")
        return {
            "uid": uid,
            "name": row["name"],
            "label": row["label"],
            "level": level,
            "level_zh": LEVEL_ZH.get(level, level),
        }

    def resolve(self, key: str | None) -> Row | None:
        """The region whose uid or name is ``key`` (the first by uid when two share a name), or None."""
        if not key:
            return None
        found = self.region(key)
        if found is not None:
            return found
        named = sorted(uid for uid, r in self.rows.items() if r["label"] in REGION_LABELS and r["name"] == key)
        return self.region(named[0]) if named else None

    def find(self, key: str | None) -> list[Row]:
        """The regions ``key`` may mean: the one whose uid or name it is, else every region of the picker whose
        name contains it (吴兴区 for 湖州市吴兴区: users type the short form), in the picker's order. The CLI
        names the candidates when there are several; the viewer takes a key only when it means one region."""
        exact = self.resolve(key)
        if exact is not None:
            return [exact]
        if not key:
            return []
        return [self.region(r["uid"]) or r for r in self.choices() if key in r["name"]]

    def choices(self) -> list[Row]:
        """Regions the graph has firms, measures, targets or documents in (a picker's list), with their counts.

        Most general level first, then most things, then name. Counted once (every page's picker shows them:
        counting the nodes of a 300-document graph takes a tenth of a second); callers must not modify the list.
        """
        if self._choices is not None:
            return self._choices
        counts: dict[str, dict[str, int]] = {}
        for uid, row in self.rows.items():
            if row["label"] not in ("Enterprise", "Measure", "Policy", "Target", "Document"):
                continue
            kind = (
                "firms" if row["label"] == "Enterprise" else "documents" if row["label"] == "Document" else "measures"
            )
            for place in self.regions_of(uid):
                counts.setdefault(place, {"firms": 0, "documents": 0, "measures": 0})[kind] += 1
        out: list[Row] = []
        for uid, c in counts.items():
            found = self.region(uid)
            if found is not None:
                out.append({**found, **c})
        out.sort(
            key=lambda r: (
                _LEVEL_ORDER.get(r["level"], len(_LEVEL_ORDER)),
                -(r["firms"] + r["measures"] + r["documents"]),
                r["name"],
                r["uid"],
            )
        )
        self._choices = out
        return out


def regions(run: RunQuery) -> Regions:
    """The regions of the store ``run`` queries (the viewer's cached ``run_query``, or ``queries.run``)."""
    return Regions.from_rows(run("region_facts", {}))


def scoped_picture(pic: dict[str, Any], rg: Regions, region: str | None) -> dict[str, Any]:
    """A chain picture (:func:`chainkg.queries.placement.chain_picture`) for one region: its links keep only the
    firms in the region and the stated gaps of documents in the region, and their states follow
    (:func:`chainkg.queries.placement.link_state`; ``firm_list`` says whether the region's firm list is
    imported). Without a region, the picture itself."""
    if not region:
        return {**pic, "firm_list": False}
    firm_list = rg.has_firm_list(region)
    links = []
    for entry in pic["links"]:
        firms = [u for u in entry["firms"] if rg.contains(region, u)]
        gaps = [g for g in entry["stated_gaps"] if rg.contains(region, g.get("source"))]
        links.append({**entry, "firms": firms, "stated_gaps": gaps, "state": link_state(firms, gaps, firm_list)})
    return {
        **pic,
        "firm_list": firm_list,
        "links": links,
        "placements": {u: ps for u, ps in pic["placements"].items() if rg.contains(region, u)},
        "owners": {u for u in pic["owners"] if rg.contains(region, u)},
    }
