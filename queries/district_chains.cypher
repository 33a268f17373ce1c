// name: district_chains
// title: 地区的产业链 / Chains of a district
// description: The chains present in a district (its towns, counties and platforms included): developed there
// description: (DEVELOPED_IN), hosted by a platform there (HOSTS), or with firms located there; with the platforms
// description: that host each, how many of its firms are there and which of them are chain owners (链主, by name).
// param: district string 吴兴区 | uid, name or alias of a district
// returns: uid, chain, developed_in, platforms, firms, owners — most firms first
MATCH (x:District) WHERE x.uid = $district OR x.name = $district OR $district IN coalesce(x.aliases, [])
MATCH (c:IndustryChain)
WHERE EXISTS { (c)-[:DEVELOPED_IN]->(:District|Platform)-[:LOCATED_IN|PART_OF*0..4]->(x) }
  OR EXISTS { (c)<-[:HOSTS]-(:Platform)-[:LOCATED_IN|PART_OF*1..4]->(x) }
  OR EXISTS { (c)<-[:IN_CHAIN|CHAIN_OWNER_OF]-(:Enterprise)-[:LOCATED_IN|PART_OF*1..4]->(x) }
WITH x, c,
  COLLECT {
    MATCH (c)<-[:IN_CHAIN|CHAIN_OWNER_OF]-(e:Enterprise) WHERE EXISTS { (e)-[:LOCATED_IN|PART_OF*1..4]->(x) }
    WITH DISTINCT e ORDER BY e.name, e.uid
    RETURN e
  } AS firms
RETURN c.uid AS uid, c.name AS chain,
  COLLECT {
    MATCH (c)-[:DEVELOPED_IN]->(d) WHERE EXISTS { (d)-[:LOCATED_IN|PART_OF*0..4]->(x) }
    WITH DISTINCT d ORDER BY d.name RETURN d.name
  } AS developed_in,
  COLLECT {
    MATCH (c)<-[:HOSTS]-(p:Platform) WHERE EXISTS { (p)-[:LOCATED_IN|PART_OF*1..4]->(x) }
    WITH DISTINCT p ORDER BY p.name RETURN p.name
  } AS platforms,
  size(firms) AS firms,
  [e IN firms WHERE EXISTS { (e)-[:CHAIN_OWNER_OF]->(c) } | e.name] AS owners
ORDER BY firms DESC, chain, uid
