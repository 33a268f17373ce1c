// name: chain_list
// title: 产业链一览 / Industry chains
// description: Every industry chain with how many links (环节) the documents give it, its firms and chain owners (链主),
// description: and how many of those links no document puts a firm on. A firm is the chain's through IN_CHAIN,
// description: CHAIN_OWNER_OF, IN_SEGMENT to one of the chain's links or MAKES a product one of them INCLUDES (the
// description: candidates the placement rule places). gaps counts document links without such a firm: the viewer's
// description: map and home page decide 待梳理 and 短板 by the placement rule (chainkg.queries.placement), with
// description: template links and keyword placement, so their counts may differ.
// returns: uid, name, category, segments, firms, owners, gaps — one row per chain, by name
MATCH (c:IndustryChain)
WITH c, COLLECT { MATCH (c)-[:HAS_SEGMENT]->(s:ChainSegment) RETURN DISTINCT s } AS segs
RETURN c.uid AS uid, c.name AS name, c.category AS category, size(segs) AS segments,
  COUNT {
    MATCH (e:Enterprise)-[:IN_CHAIN|CHAIN_OWNER_OF]->(c) RETURN e
    UNION
    MATCH (e:Enterprise)-[:IN_SEGMENT]->(:ChainSegment)<-[:HAS_SEGMENT]-(c) RETURN e
    UNION
    MATCH (e:Enterprise)-[:MAKES]->(:Product)<-[:INCLUDES]-(:ChainSegment)<-[:HAS_SEGMENT]-(c) RETURN e
  } AS firms,
  COUNT { MATCH (e:Enterprise)-[:CHAIN_OWNER_OF]->(c) RETURN DISTINCT e } AS owners,
  size([s IN segs WHERE NOT (EXISTS { (:Enterprise)-[:IN_SEGMENT]->(s) } OR EXISTS { (:Enterprise)-[:MAKES]->(:Product)<-[:INCLUDES]-(s) })]) AS gaps
ORDER BY name, uid
