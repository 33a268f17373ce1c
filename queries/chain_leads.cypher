// name: chain_leads
// title: 产业链招商线索的事实 / Firms with evidence for a chain's links, wherever they are (招商 leads)
// description: Every firm with evidence for one of the chain's links: tied to it by the documents (IN_CHAIN,
// description: CHAIN_OWNER_OF, IN_SEGMENT to one of its links, MAKES a product one of its links INCLUDES), making a
// description: product named by one of the words, or with one of the words in its imported business scope (经营范围)
// description: or industry (所属行业). The words are the chain's template words (products, keywords) separated by |.
// description: Each firm comes with what ranks it (tags, registered capital), where it is, its imported rows and
// description: its facts with their sentences. Only fetches facts: chainkg.queries.placement places the firms and
// description: chainkg.queries.leads ranks those of other regions for a region's gaps.
// param: chain string 智能物流装备 | uid, name or alias of the chain
// param: words string 堆垛机|穿梭车|AGV | words that place a firm by its products or business scope, separated by |
// returns: uid, name, aliases, tags, owner, registered_capital, registered_capital_text, business_scope, industry,
// returns: import_sources, tables [{uid, title}], districts [{uid, name}], platforms [{uid, name}],
// returns: sources [{uid, name}], facts [{type, uid, name, sources, evidences}] — one row per firm, by name
MATCH (c:IndustryChain) WHERE c.uid = $chain OR c.name = $chain OR $chain IN coalesce(c.aliases, [])
WITH c, [w IN split(coalesce($words, ''), '|') WHERE w <> ''] AS words
CALL (c, words) {
  MATCH (e:Enterprise)-[:IN_CHAIN|CHAIN_OWNER_OF]->(c) RETURN e
  UNION
  MATCH (e:Enterprise)-[:IN_SEGMENT]->(:ChainSegment)<-[:HAS_SEGMENT]-(c) RETURN e
  UNION
  MATCH (e:Enterprise)-[:MAKES]->(:Product)<-[:INCLUDES]-(:ChainSegment)<-[:HAS_SEGMENT]-(c) RETURN e
  UNION
  UNWIND words AS w MATCH (p:Product {name: w})<-[:MAKES]-(e:Enterprise) RETURN e
  UNION
  UNWIND words AS w MATCH (e:Enterprise) WHERE e.business_scope CONTAINS w RETURN e
  UNION
  UNWIND words AS w MATCH (e:Enterprise) WHERE e.industry CONTAINS w RETURN e
}
RETURN e.uid AS uid, e.name AS name, coalesce(e.aliases, []) AS aliases, coalesce(e.tags, []) AS tags,
  EXISTS { (e)-[:CHAIN_OWNER_OF]->(c) } AS owner,
  e.registered_capital AS registered_capital, e.registered_capital_text AS registered_capital_text,
  e.business_scope AS business_scope, e.industry AS industry, coalesce(e.import_sources, []) AS import_sources,
  COLLECT {
    MATCH (e)-[:MENTIONED_IN]->(d:Document) WHERE d.kind = 'firm_table'
    WITH DISTINCT d ORDER BY d.uid RETURN {uid: d.uid, title: coalesce(d.title, d.name)}
  } AS tables,
  COLLECT {
    MATCH (e)-[:LOCATED_IN*1..3]->(d:District) WITH DISTINCT d ORDER BY d.name, d.uid RETURN {uid: d.uid, name: d.name}
  } AS districts,
  COLLECT {
    MATCH (e)-[:LOCATED_IN*1..2]->(p:Platform) WITH DISTINCT p ORDER BY p.name, p.uid RETURN {uid: p.uid, name: p.name}
  } AS platforms,
  COLLECT {
    MATCH (e)-[:MENTIONED_IN]->(d:Document) WITH DISTINCT d ORDER BY d.name, d.uid
    RETURN {uid: d.uid, name: coalesce(d.title, d.name)}
  } AS sources,
  COLLECT {
    MATCH (e)-[r:IN_SEGMENT|MAKES|LOCATED_IN|IN_CHAIN|CHAIN_OWNER_OF]->(x)
    WHERE NOT (type(r) IN ['IN_CHAIN', 'CHAIN_OWNER_OF'] AND x <> c)
    WITH r, x ORDER BY type(r), x.uid
    RETURN {type: type(r), uid: x.uid, name: x.name, sources: coalesce(r.sources, [r.source]),
      evidences: coalesce(r.evidences, [r.evidence])}
  } AS facts
ORDER BY name, uid
