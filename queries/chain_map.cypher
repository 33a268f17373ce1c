// name: chain_map
// title: 产业链图的环节 / Links of a chain map
// description: The links (环节) of one chain, upstream first: position, order, the products under each link and the
// description: links directly downstream of it (UPSTREAM_OF). A chain without links gives one row whose link fields
// description: are null. Firms come from chain_firms.
// param: chain string 智能物流装备 | uid, name or alias of the chain
// returns: chain_uid, chain, category, uid, name, position, order, products [{uid, name}], downstream [uid]
MATCH (c:IndustryChain) WHERE c.uid = $chain OR c.name = $chain OR $chain IN coalesce(c.aliases, [])
OPTIONAL MATCH (c)-[:HAS_SEGMENT]->(s:ChainSegment)
RETURN c.uid AS chain_uid, c.name AS chain, c.category AS category, s.uid AS uid, s.name AS name,
  s.position AS position, s.order AS order,
  COLLECT { MATCH (s)-[:INCLUDES]->(p:Product) RETURN {uid: p.uid, name: p.name} ORDER BY p.name, p.uid } AS products,
  COLLECT { MATCH (s)-[:UPSTREAM_OF]->(d:ChainSegment) RETURN d.uid ORDER BY d.uid } AS downstream
ORDER BY chain_uid, order, name, uid
