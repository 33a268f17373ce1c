// name: region_facts
// title: 区域归属的事实 / The facts that put things in regions
// description: For every district (区域), platform (平台), department, firm, project, policy, measure, target and document,
// description: the places it names itself (places: uids of Districts and Platforms — a district's PART_OF, a
// description: platform's, firm's or project's LOCATED_IN, a measure's or policy's APPLIES_TO, a target's FOR, a department's
// description: PART_OF, and a document's scope (the Districts it speaks for) when it states no policy or measure) and the
// description: nodes it takes its region from when it names none (via: a department's PART_OF
// description: department, a policy's issuer ISSUED_BY, a measure's PART_OF measure or policy, a target's setter
// description: SETS, a document's policies and measures). Only fetches facts: chainkg.queries.region decides what is in a region.
// returns: uid, label, name, level, places, via — one row per node, by uid
MATCH (n)
WHERE n:District OR n:Platform OR n:Department OR n:Enterprise OR n:Policy OR n:Measure OR n:Target OR n:Document OR n:Project
WITH n, head([l IN labels(n) WHERE l IN ['District', 'Platform', 'Department', 'Enterprise', 'Policy', 'Measure', 'Target', 'Document', 'Project']]) AS label
WITH n, label,
  COLLECT {
    CALL (n, label) {
      MATCH (n)-[r:PART_OF|ISSUED_BY]->(p)
      WHERE (label = 'Department' AND type(r) = 'PART_OF' AND p:Department)
        OR (label = 'Policy' AND type(r) = 'ISSUED_BY')
        OR (label = 'Measure' AND type(r) = 'PART_OF' AND (p:Measure OR p:Policy))
      RETURN p.uid AS u
      UNION
      MATCH (n)<-[:SETS]-(p) WHERE label = 'Target' RETURN p.uid AS u
      UNION
      MATCH (n)<-[:MENTIONED_IN]-(p) WHERE label = 'Document' AND (p:Policy OR p:Measure) RETURN p.uid AS u
    }
    WITH DISTINCT u ORDER BY u
    RETURN u
  } AS via
RETURN n.uid AS uid, label, n.name AS name, n.level AS level,
  CASE WHEN label = 'Document' THEN
    CASE WHEN size(via) = 0 THEN
      COLLECT { UNWIND coalesce(n.scope, []) AS s MATCH (p:District {uid: s}) RETURN DISTINCT p.uid AS u ORDER BY u }
    ELSE [] END
  ELSE COLLECT {
    MATCH (n)-[r:PART_OF|LOCATED_IN|APPLIES_TO|FOR]->(p)
    WHERE (p:District OR p:Platform)
      AND ((label IN ['District', 'Department'] AND type(r) = 'PART_OF')
        OR (label IN ['Platform', 'Enterprise', 'Project'] AND type(r) = 'LOCATED_IN')
        OR (label IN ['Policy', 'Measure'] AND type(r) = 'APPLIES_TO')
        OR (label = 'Target' AND type(r) = 'FOR'))
    RETURN DISTINCT p.uid AS u ORDER BY u
  } END AS places,
  via
ORDER BY uid
