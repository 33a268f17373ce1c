// name: region_facts
// title: 区域归属的事实 / The facts that put things in regions
// description: For every district (区域), platform (平台), department, firm, project, policy, measure, target and document,
// description: the places it names itself (places: uids of Districts and Platforms — a district's PART_OF, a
// description: platform's, firm's or project's LOCATED_IN, a measure's or policy's APPLIES_TO, a target's FOR, a department's
// description: PART_OF, and a document's scope (the districts and platforms it speaks for, or an imported firm list covers) when
// description: it states no policy or measure) and the
// description: nodes it takes its region from when it names none (via: a department's PART_OF
// description: department, a policy's issuer ISSUED_BY, a measure's PART_OF measure or policy, a target's setter
// description: SETS, a document's policies and measures). Only fetches facts: chainkg.queries.region decides what is in a region.
// description: A document's kind (firm_table: an imported firm list) comes along.
// returns: uid, label, name, level, kind, places, via — one row per node, by uid
// One branch per label: each reads only the relationships that place its nodes.
CALL () {
  MATCH (n:District)
  RETURN n, 'District' AS label, [] AS via,
    COLLECT { MATCH (n)-[:PART_OF]->(p:District|Platform) RETURN DISTINCT p.uid AS u ORDER BY u } AS places
  UNION ALL
  MATCH (n:Platform)
  RETURN n, 'Platform' AS label, [] AS via,
    COLLECT { MATCH (n)-[:LOCATED_IN]->(p:District|Platform) RETURN DISTINCT p.uid AS u ORDER BY u } AS places
  UNION ALL
  MATCH (n:Department)
  RETURN n, 'Department' AS label,
    COLLECT { MATCH (n)-[:PART_OF]->(p:Department) RETURN DISTINCT p.uid AS u ORDER BY u } AS via,
    COLLECT { MATCH (n)-[:PART_OF]->(p:District|Platform) RETURN DISTINCT p.uid AS u ORDER BY u } AS places
  UNION ALL
  MATCH (n:Enterprise)
  RETURN n, 'Enterprise' AS label, [] AS via,
    COLLECT { MATCH (n)-[:LOCATED_IN]->(p:District|Platform) RETURN DISTINCT p.uid AS u ORDER BY u } AS places
  UNION ALL
  MATCH (n:Project)
  RETURN n, 'Project' AS label, [] AS via,
    COLLECT { MATCH (n)-[:LOCATED_IN]->(p:District|Platform) RETURN DISTINCT p.uid AS u ORDER BY u } AS places
  UNION ALL
  MATCH (n:Policy)
  RETURN n, 'Policy' AS label,
    COLLECT { MATCH (n)-[:ISSUED_BY]->(p) RETURN DISTINCT p.uid AS u ORDER BY u } AS via,
    COLLECT { MATCH (n)-[:APPLIES_TO]->(p:District|Platform) RETURN DISTINCT p.uid AS u ORDER BY u } AS places
  UNION ALL
  MATCH (n:Measure)
  RETURN n, 'Measure' AS label,
    COLLECT { MATCH (n)-[:PART_OF]->(p:Measure|Policy) RETURN DISTINCT p.uid AS u ORDER BY u } AS via,
    COLLECT { MATCH (n)-[:APPLIES_TO]->(p:District|Platform) RETURN DISTINCT p.uid AS u ORDER BY u } AS places
  UNION ALL
  MATCH (n:Target)
  RETURN n, 'Target' AS label,
    COLLECT { MATCH (n)<-[:SETS]-(p) RETURN DISTINCT p.uid AS u ORDER BY u } AS via,
    COLLECT { MATCH (n)-[:FOR]->(p:District|Platform) RETURN DISTINCT p.uid AS u ORDER BY u } AS places
  UNION ALL
  MATCH (n:Document)
  WITH n, COLLECT { MATCH (n)<-[:MENTIONED_IN]-(p:Policy|Measure) RETURN DISTINCT p.uid AS u ORDER BY u } AS via
  RETURN n, 'Document' AS label, via,
    CASE WHEN size(via) = 0
      THEN COLLECT {
        UNWIND coalesce(n.scope, []) AS s MATCH (p:Entity {uid: s}) WHERE p:District OR p:Platform
        RETURN DISTINCT p.uid AS u ORDER BY u
      }
      ELSE [] END AS places
}
RETURN n.uid AS uid, label, n.name AS name, n.level AS level, CASE WHEN label = 'Document' THEN n.kind END AS kind,
  places, via
ORDER BY uid
