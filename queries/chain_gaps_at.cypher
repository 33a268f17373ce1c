// name: chain_gaps_at
// title: 本地补链目标：本地没有企业的环节 / Links of a chain with no local firm (补链 targets in a place)
// description: The links (环节) of a chain that no firm located in a district or platform (directly or inside it)
// description: fills (IN_SEGMENT, or MAKES a product the link INCLUDES), with the firms elsewhere that do fill each link (at most 10, by name): the
// description: candidates an investment team courts. Without a place, links with no firm at all (like chain_gaps).
// param: chain string 智能物流装备产业链 | uid, name or alias of a chain; empty for every chain
// param: place string 吴兴区 | uid, name or alias of a district or platform; empty: firms anywhere count
// returns: chain_uid, chain, uid, segment, position, order, products, firms_elsewhere — by chain, then link order
MATCH (c:IndustryChain)
WHERE coalesce($chain, '') = '' OR c.uid = $chain OR c.name = $chain OR $chain IN coalesce(c.aliases, [])
MATCH (c)-[:HAS_SEGMENT]->(s:ChainSegment)
OPTIONAL MATCH (place:District|Platform)
WHERE coalesce($place, '') <> ''
  AND (place.uid = $place OR place.name = $place OR $place IN coalesce(place.aliases, []))
WITH c, s, place
WHERE (coalesce($place, '') = '' OR place IS NOT NULL)
  AND NOT EXISTS {
    MATCH (e:Enterprise)-[:IN_SEGMENT|MAKES]->(x)
    WHERE (x = s OR (s)-[:INCLUDES]->(x:Product))
      AND (place IS NULL OR EXISTS { (e)-[:LOCATED_IN|PART_OF*1..4]->(place) })
  }
RETURN c.uid AS chain_uid, c.name AS chain, s.uid AS uid, s.name AS segment, s.position AS position, s.order AS order,
  COLLECT { MATCH (s)-[:INCLUDES]->(p:Product) WITH DISTINCT p ORDER BY p.name RETURN p.name } AS products,
  COLLECT {
    MATCH (e:Enterprise)-[:IN_SEGMENT|MAKES]->(x) WHERE place IS NOT NULL AND (x = s OR (s)-[:INCLUDES]->(x:Product))
    WITH DISTINCT e ORDER BY e.name, e.uid LIMIT 10 RETURN e.name
  } AS firms_elsewhere
ORDER BY chain, chain_uid, order, segment, uid
