// name: chain_support
// title: 支持产业链的政策与举措 / Measures and policies supporting a chain
// description: Every measure and policy that SUPPORTS the chain, or a cluster the chain is PART_OF (via names the
// description: cluster), with the policy a measure belongs to, its lead and other responsible departments, and the
// description: documents and sentences behind the support.
// param: chain string 智能物流装备产业链 | uid, name or alias of the chain
// returns: kind (measure/policy), uid, name, code, policy, lead, involved, via, sources, evidence — by policy, code
MATCH (c:IndustryChain) WHERE c.uid = $chain OR c.name = $chain OR $chain IN coalesce(c.aliases, [])
CALL (c) {
  MATCH (s:Measure|Policy)-[r:SUPPORTS]->(c) RETURN s, r, null AS via
  UNION
  MATCH (c)-[:PART_OF]->(k:Cluster)<-[r:SUPPORTS]-(s:Measure|Policy) RETURN s, r, k.name AS via
}
WITH s, r, via, CASE WHEN s:Policy THEN 'policy' ELSE 'measure' END AS kind
RETURN kind, s.uid AS uid, coalesce(s.title, s.name) AS name, s.code AS code,
  CASE kind WHEN 'policy' THEN s.name
    ELSE head(COLLECT { MATCH (s)-[:PART_OF*1..4]->(p:Policy) WITH DISTINCT p ORDER BY p.name RETURN p.name }) END
    AS policy,
  COLLECT { MATCH (s)-[:LED_BY]->(d) WITH DISTINCT d ORDER BY d.name RETURN d.name } AS lead,
  COLLECT { MATCH (s)-[:INVOLVES]->(d) WITH DISTINCT d ORDER BY d.name RETURN d.name } AS involved,
  via, coalesce(r.sources, [r.source]) AS sources, coalesce(r.evidences, [r.evidence]) AS evidence
ORDER BY policy, kind DESC, code, name, uid, via
