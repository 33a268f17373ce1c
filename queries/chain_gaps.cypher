// name: chain_gaps
// title: 文件所列环节中无企业者与缺链主的产业链 / Document links no firm is stated on, chains without an owner
// description: The facts a gap list starts from, as the graph holds them: every link (环节) the documents give a chain
// description: that no document puts a firm on (no IN_SEGMENT, no MAKES of a product the link INCLUDES) (kind
// description: missing_firms), with the products under it, and every chain with no chain-owner firm (kind missing_owner,
// description: 缺链主; link fields null). Not the viewer's 问题/短板清单: the placement rule (chainkg.queries.placement)
// description: also places firms by the keywords of their evidence sentences, adds the links of the chain's template,
// description: and calls a link 短板 only where a document says so; that list (/lists/gaps) is decided there.
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
