// name: chain_firms_at
// title: 某地的产业链企业 / Firms of a chain in a district or platform
// description: The firms of one chain (IN_CHAIN, CHAIN_OWNER_OF, or IN_SEGMENT to one of its links: the firms the
// description: documents tie to it, not the placement rule's) located in a
// description: district or platform: directly, or through a platform, town or county inside it (LOCATED_IN and
// description: PART_OF up to four steps), so 湖州市 includes the firms of 吴兴区 and of its 高新区.
// param: chain string 智能物流装备产业链 | uid, name or alias of the chain
// param: place string 吴兴区 | uid, name or alias of a district or platform
// returns: uid, name, tags, owner (链主 of this chain), segments, located_in — one row per firm, by name
MATCH (c:IndustryChain) WHERE c.uid = $chain OR c.name = $chain OR $chain IN coalesce(c.aliases, [])
MATCH (place:District|Platform) WHERE place.uid = $place OR place.name = $place OR $place IN coalesce(place.aliases, [])
CALL (c) {
  MATCH (e:Enterprise)-[:IN_CHAIN|CHAIN_OWNER_OF]->(c) RETURN e
  UNION
  MATCH (e:Enterprise)-[:IN_SEGMENT]->(:ChainSegment)<-[:HAS_SEGMENT]-(c) RETURN e
}
WITH DISTINCT c, place, e WHERE EXISTS { (e)-[:LOCATED_IN|PART_OF*1..4]->(place) }
RETURN e.uid AS uid, e.name AS name, coalesce(e.tags, []) AS tags,
  EXISTS { (e)-[:CHAIN_OWNER_OF]->(c) } AS owner,
  COLLECT {
    MATCH (e)-[:IN_SEGMENT]->(s:ChainSegment)<-[:HAS_SEGMENT]-(c) WITH DISTINCT s ORDER BY s.order, s.name RETURN s.name
  } AS segments,
  COLLECT { MATCH (e)-[:LOCATED_IN]->(x) WITH DISTINCT x ORDER BY x.name RETURN x.name } AS located_in
ORDER BY name, uid
