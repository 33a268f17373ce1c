// name: chain_carriers
// title: 产业链的承载平台与区域 / Platforms and districts carrying a chain
// description: The platforms that host one chain (HOSTS) and the districts or platforms it is developed in
// description: (DEVELOPED_IN), as the documents state them.
// param: chain string 智能物流装备 | uid, name or alias of the chain
// returns: uid, label, name, relation — one row per carrier and relation, by label then name
MATCH (c:IndustryChain) WHERE c.uid = $chain OR c.name = $chain OR $chain IN coalesce(c.aliases, [])
CALL (c) {
  MATCH (n:Platform)-[:HOSTS]->(c) RETURN n, 'HOSTS' AS relation
  UNION
  MATCH (c)-[:DEVELOPED_IN]->(n) RETURN n, 'DEVELOPED_IN' AS relation
}
RETURN n.uid AS uid, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name, relation
ORDER BY label, name, uid, relation
