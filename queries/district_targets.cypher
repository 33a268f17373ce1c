// name: district_targets
// title: 地区目标：按指标和年份 / Targets of a district by indicator and year
// description: The targets and reported figures whose scope (FOR) is the district, by indicator and year, with the
// description: measures or policies that set them (SETS) and the sentence stating each.
// param: district string 湖州市 | uid, name or alias of a district
// param: indicator string 亩均税收 | only indicators whose name contains this (or whose uid it is); empty for all
// param: year int 2025 | only this year; empty for all
// returns: district, indicator, year, value, unit, comparator, kind, set_by, evidence, uid — by indicator, year
MATCH (x:District) WHERE x.uid = $district OR x.name = $district OR $district IN coalesce(x.aliases, [])
MATCH (t:Target)-[r:FOR]->(x)
MATCH (t)-[:OF_INDICATOR]->(i:Indicator)
WHERE (coalesce($indicator, '') = '' OR i.uid = $indicator OR i.name CONTAINS $indicator)
  AND ($year IS NULL OR toString(t.year) = toString($year))
RETURN x.name AS district, i.name AS indicator, t.year AS year, t.value AS value, t.unit AS unit,
  t.comparator AS comparator, t.kind AS kind,
  COLLECT { MATCH (s)-[:SETS]->(t) WITH DISTINCT s ORDER BY s.name RETURN coalesce(s.title, s.name) } AS set_by,
  r.evidence AS evidence, t.uid AS uid
ORDER BY indicator, year, kind, value, uid
