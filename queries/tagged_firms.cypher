// name: tagged_firms
// title: 按标签查企业 / Enterprises by tag (链主, 专精特新, 上市 …)
// description: Firms carrying a tag (链主, 龙头, 专精特新, 单项冠军, 上市, 外资, 世界500强 …); for 链主 a firm that is
// description: CHAIN_OWNER_OF some chain counts even without the tag. Optionally only the firms of one chain or
// description: located in one district or platform (or inside it).
// param: tag string 专精特新 | the tag
// param: chain string 智能物流装备产业链 | uid, name or alias of a chain; empty for any
// param: place string 湖州市 | uid, name or alias of a district or platform; empty for anywhere
// param: limit int 500 | at most this many firms
// returns: uid, name, tags, chains, located_in — by name
MATCH (e:Enterprise)
WHERE $tag IN coalesce(e.tags, []) OR ($tag = '链主' AND EXISTS { (e)-[:CHAIN_OWNER_OF]->(:IndustryChain) })
WITH e,
  COLLECT {
    MATCH (e)-[:IN_CHAIN|CHAIN_OWNER_OF]->(c:IndustryChain) RETURN c
    UNION
    MATCH (e)-[:IN_SEGMENT]->(:ChainSegment)<-[:HAS_SEGMENT]-(c:IndustryChain) RETURN c
  } AS chains
WHERE (coalesce($chain, '') = ''
    OR any(c IN chains WHERE c.uid = $chain OR c.name = $chain OR $chain IN coalesce(c.aliases, [])))
  AND (coalesce($place, '') = '' OR EXISTS {
    MATCH (e)-[:LOCATED_IN|PART_OF*1..4]->(x:District|Platform)
    WHERE x.uid = $place OR x.name = $place OR $place IN coalesce(x.aliases, [])
  })
RETURN e.uid AS uid, e.name AS name, coalesce(e.tags, []) AS tags,
  COLLECT { UNWIND chains AS c WITH DISTINCT c ORDER BY c.name RETURN c.name } AS chains,
  COLLECT { MATCH (e)-[:LOCATED_IN]->(x) WITH DISTINCT x ORDER BY x.name RETURN x.name } AS located_in
ORDER BY name, uid
LIMIT coalesce($limit, 500)
