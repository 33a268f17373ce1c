// name: targets
// title: 目标与指标清单 / Targets
// description: Every target or reported figure: its indicator, value, unit, year, comparator, kind (target/actual),
// description: scope (FOR) and the measure or policy that sets it (SETS). Given a chain, the targets for that chain
// description: or set by a measure or policy that supports it.
// param: chain string 智能物流装备 | uid or name of a chain; empty for all
// returns: uid, name, indicator, value, unit, year, comparator, kind, scope, set_by — by indicator, year
CALL () {
  UNWIND CASE WHEN coalesce($chain, '') = '' THEN [true] ELSE [] END AS every
  MATCH (t:Target) RETURN t
  UNION
  // Given a chain, walked from it: testing every target of the graph took a quarter second per chain map.
  MATCH (c:IndustryChain) WHERE c.uid = $chain OR c.name = $chain OR $chain IN coalesce(c.aliases, [])
  CALL (c) {
    MATCH (t:Target)-[:FOR]->(c) RETURN t
    UNION
    MATCH (t:Target)<-[:SETS]-()-[:SUPPORTS]->(c) RETURN t
  }
  RETURN t
}
RETURN t.uid AS uid, t.name AS name,
  head(COLLECT { MATCH (t)-[:OF_INDICATOR]->(i:Indicator) RETURN i.name ORDER BY i.name }) AS indicator,
  t.value AS value, t.unit AS unit, t.year AS year, t.comparator AS comparator, t.kind AS kind,
  COLLECT { MATCH (t)-[:FOR]->(s) RETURN s.name ORDER BY s.name } AS scope,
  COLLECT { MATCH (x)-[:SETS]->(t) RETURN x.name ORDER BY x.name } AS set_by
ORDER BY indicator, year, uid
