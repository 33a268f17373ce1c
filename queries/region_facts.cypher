// name: region_facts
// title: 区域归属的事实 / The facts that put things in regions
// description: For every district (区域), platform (平台), department, firm, project, policy, measure, target and document,
// description: the places it names itself (places: uids of Districts and Platforms — a district's PART_OF, a
// description: platform's, firm's or project's LOCATED_IN, a measure's or policy's APPLIES_TO, a target's FOR, a department's
// description: PART_OF, a document's scope: the districts an imported firm list covers) and the nodes it takes its region from when it names none (via: a department's PART_OF
// description: department, a policy's issuer ISSUED_BY, a measure's PART_OF measure or policy, a target's setter
// description: SETS, a document's policies and measures). Only fetches facts: chainkg.queries.region decides what is in a region.
// description: A document's kind (firm_table: an imported firm list) comes along.
// returns: uid, label, name, level, kind, places, via — one row per node, by uid
MATCH (n)
WHERE n:District OR n:Platform OR n:Department OR n:Enterprise OR n:Policy OR n:Measure OR n:Target OR n:Document OR n:Project
WITH n, head([l IN labels(n) WHERE l IN ['District', 'Platform', 'Department', 'Enterprise', 'Policy', 'Measure', 'Target', 'Document', 'Project']]) AS label
RETURN n.uid AS uid, label, n.name AS name, n.level AS level, CASE WHEN label = 'Document' THEN n.kind END AS kind,
  COLLECT {
    CALL (n, label) {
      MATCH (n)-[r:PART_OF|LOCATED_IN|APPLIES_TO|FOR]->(p)
      WHERE (p:District OR p:Platform)
        AND ((label IN ['District', 'Department'] AND type(r) = 'PART_OF')
          OR (label IN ['Platform', 'Enterprise', 'Project'] AND type(r) = 'LOCATED_IN')
          OR (label IN ['Policy', 'Measure'] AND type(r) = 'APPLIES_TO')
          OR (label = 'Target' AND type(r) = 'FOR'))
      RETURN p.uid AS u
      UNION
      UNWIND CASE WHEN label = 'Document' THEN coalesce(n.scope, []) ELSE [] END AS s
      MATCH (p:Entity {uid: s}) WHERE p:District OR p:Platform
      RETURN p.uid AS u
    }
    WITH DISTINCT u ORDER BY u
    RETURN u
  } AS places,
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
ORDER BY uid
