// name: chain_firms
// title: 产业链企业清单 / Firms of a chain
// description: Every firm of one chain (IN_CHAIN, CHAIN_OWNER_OF, IN_SEGMENT to one of its links, or MAKES a product
// description: one of its links INCLUDES) with the links the documents put it on (segments: by IN_SEGMENT or by that
// description: product; the viewer's firm list and map show its placements by the placement rule instead, which
// description: adds keyword placements and template links), whether it is a chain owner (链主), its tags, the
// description: districts and platforms it is located in (directly or through its platform) and the documents that
// description: mention it.
// param: chain string 智能物流装备 | uid, name or alias of the chain
// returns: uid, name, aliases, tags, owner, segments [{uid, name}], districts [{uid, name}], platforms [{uid, name}],
// returns: sources [{uid, name}] — one row per firm, by name
MATCH (c:IndustryChain) WHERE c.uid = $chain OR c.name = $chain OR $chain IN coalesce(c.aliases, [])
CALL (c) {
  MATCH (e:Enterprise)-[:IN_CHAIN|CHAIN_OWNER_OF]->(c) RETURN e
  UNION
  MATCH (e:Enterprise)-[:IN_SEGMENT]->(:ChainSegment)<-[:HAS_SEGMENT]-(c) RETURN e
  UNION
  MATCH (e:Enterprise)-[:MAKES]->(:Product)<-[:INCLUDES]-(:ChainSegment)<-[:HAS_SEGMENT]-(c) RETURN e
}
RETURN e.uid AS uid, e.name AS name, coalesce(e.aliases, []) AS aliases, coalesce(e.tags, []) AS tags,
  EXISTS { (e)-[:CHAIN_OWNER_OF]->(c) } AS owner,
  COLLECT {
    MATCH (c)-[:HAS_SEGMENT]->(s:ChainSegment)
    WHERE (e)-[:IN_SEGMENT]->(s) OR (e)-[:MAKES]->(:Product)<-[:INCLUDES]-(s)
    WITH DISTINCT s ORDER BY s.name, s.uid
    RETURN {uid: s.uid, name: s.name}
  } AS segments,
  COLLECT {
    MATCH (e)-[:LOCATED_IN*1..3]->(d:District) WITH DISTINCT d ORDER BY d.name, d.uid RETURN {uid: d.uid, name: d.name}
  } AS districts,
  COLLECT {
    MATCH (e)-[:LOCATED_IN*1..2]->(p:Platform) WITH DISTINCT p ORDER BY p.name, p.uid RETURN {uid: p.uid, name: p.name}
  } AS platforms,
  COLLECT {
    MATCH (e)-[:MENTIONED_IN]->(d:Document) WITH DISTINCT d ORDER BY d.name, d.uid
    RETURN {uid: d.uid, name: coalesce(d.title, d.name)}
  } AS sources
ORDER BY name, uid
