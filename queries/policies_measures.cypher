// name: policies_measures
// title: 政策与举措清单 / Policies and their measures
// description: Every measure (举措) with its policy, lead department (牵头, LED_BY), the other responsible units
// description: (INVOLVES) and the chains it supports; a policy without measures is one row with null measure fields.
// description: Given a chain, only the measures (or measure-less policies) that SUPPORT it.
// param: chain string 智能物流装备 | uid, name or alias of a chain; empty for all
// returns: policy_uid, policy, doc_number, uid, code, title, text, lead, involved, chains — by policy, code
// Given a chain, walked from it (what SUPPORTS it): testing every measure of the graph took a tenth of a second.
CALL () {
  CALL () {
    UNWIND CASE WHEN coalesce($chain, '') = '' THEN [true] ELSE [] END AS every
    MATCH (m:Measure) RETURN m
    UNION
    MATCH (c:IndustryChain) WHERE c.uid = $chain OR c.name = $chain OR $chain IN coalesce(c.aliases, [])
    MATCH (m:Measure)-[:SUPPORTS]->(c) RETURN m
  }
  WITH m, head(COLLECT { MATCH (m)-[:PART_OF*1..6]->(p:Policy) WITH DISTINCT p ORDER BY p.uid RETURN p }) AS p
  RETURN p, m
  UNION
  CALL () {
    UNWIND CASE WHEN coalesce($chain, '') = '' THEN [true] ELSE [] END AS every
    MATCH (p:Policy) RETURN p
    UNION
    MATCH (c:IndustryChain) WHERE c.uid = $chain OR c.name = $chain OR $chain IN coalesce(c.aliases, [])
    MATCH (p:Policy)-[:SUPPORTS]->(c) RETURN p
  }
  WITH p WHERE NOT EXISTS { (:Measure)-[:PART_OF*1..6]->(p) }
  RETURN p, null AS m
}
WITH p, m, coalesce(m, p) AS x
RETURN p.uid AS policy_uid, p.name AS policy, p.docNumber AS doc_number,
  m.uid AS uid, m.code AS code, coalesce(m.title, m.name) AS title, m.text AS text,
  COLLECT { MATCH (m)-[:LED_BY]->(d:Department) RETURN d.name ORDER BY d.name } AS lead,
  COLLECT { MATCH (m)-[:INVOLVES]->(d:Department) RETURN d.name ORDER BY d.name } AS involved,
  COLLECT { MATCH (x)-[:SUPPORTS]->(c) RETURN c.name ORDER BY c.name } AS chains
ORDER BY policy, policy_uid, code, title, uid
