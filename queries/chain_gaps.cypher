// name: chain_gaps
// title: 短板清单：补链环节与缺链主的产业链 / Gaps: links without firms, chains without an owner
// description: What an investment-attraction team goes looking for: every link (环节) of a chain that no firm is on
// description: (IN_SEGMENT, or MAKES a product the link INCLUDES)
// description: (kind missing_firms, 补链), with the products under it, and every chain with no chain-owner firm
// description: (kind missing_owner, 缺链主; link fields null).
// param: chain string 智能物流装备 | uid, name or alias of a chain; empty for all
// returns: chain_uid, chain, kind, uid, segment, position, order, products — by chain, kind, order
CALL () {
  MATCH (c:IndustryChain)-[:HAS_SEGMENT]->(s:ChainSegment)
  WHERE NOT (EXISTS { (:Enterprise)-[:IN_SEGMENT]->(s) } OR EXISTS { (:Enterprise)-[:MAKES]->(:Product)<-[:INCLUDES]-(s) })
  RETURN c, 'missing_firms' AS kind, s
  UNION
  MATCH (c:IndustryChain)
  WHERE NOT EXISTS { (:Enterprise)-[:CHAIN_OWNER_OF]->(c) }
  RETURN c, 'missing_owner' AS kind, null AS s
}
WITH c, kind, s
WHERE coalesce($chain, '') = '' OR c.uid = $chain OR c.name = $chain OR $chain IN coalesce(c.aliases, [])
RETURN c.uid AS chain_uid, c.name AS chain, kind, s.uid AS uid, s.name AS segment, s.position AS position,
  s.order AS order, COLLECT { MATCH (s)-[:INCLUDES]->(p:Product) RETURN p.name ORDER BY p.name } AS products
ORDER BY chain, chain_uid, kind, order, segment, uid
