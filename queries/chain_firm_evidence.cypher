// name: chain_firm_evidence
// title: 产业链企业及其证据句 / Firms of a chain with the facts and sentences that place them on links
// description: The candidate firms of one chain (IN_CHAIN, CHAIN_OWNER_OF, IN_SEGMENT to one of its links, or MAKES a
// description: product one of its links INCLUDES), each with its facts: IN_SEGMENT, MAKES and LOCATED_IN relationships,
// description: and IN_CHAIN / CHAIN_OWNER_OF to this chain, each with the target and the documents and sentences it was
// description: read from. The placement rule (chainkg.queries.placement) puts firms on links from these rows, the same
// description: way on both stores.
// param: chain string 智能物流装备 | uid, name or alias of the chain
// returns: uid, name, owner, facts [{type, uid, name, sources, evidences}] — one row per firm, by name
MATCH (c:IndustryChain) WHERE c.uid = $chain OR c.name = $chain OR $chain IN coalesce(c.aliases, [])
CALL (c) {
  MATCH (e:Enterprise)-[:IN_CHAIN|CHAIN_OWNER_OF]->(c) RETURN e
  UNION
  MATCH (e:Enterprise)-[:IN_SEGMENT]->(:ChainSegment)<-[:HAS_SEGMENT]-(c) RETURN e
  UNION
  MATCH (e:Enterprise)-[:MAKES]->(:Product)<-[:INCLUDES]-(:ChainSegment)<-[:HAS_SEGMENT]-(c) RETURN e
}
RETURN e.uid AS uid, e.name AS name, EXISTS { (e)-[:CHAIN_OWNER_OF]->(c) } AS owner,
  COLLECT {
    MATCH (e)-[r:IN_SEGMENT|MAKES|LOCATED_IN|IN_CHAIN|CHAIN_OWNER_OF]->(x)
    WHERE NOT (type(r) IN ['IN_CHAIN', 'CHAIN_OWNER_OF'] AND x <> c)
    WITH r, x ORDER BY type(r), x.uid
    RETURN {type: type(r), uid: x.uid, name: x.name, sources: coalesce(r.sources, [r.source]),
      evidences: coalesce(r.evidences, [r.evidence])}
  } AS facts
ORDER BY name, uid
