// name: chain_list
// title: 产业链一览 / Industry chains
// description: Every industry chain with how many links (环节), firms and chain owners (链主) it has, and how many
// description: of its links have no firm (补链 gaps). A firm belongs to a chain through IN_CHAIN, CHAIN_OWNER_OF or
// description: IN_SEGMENT to one of the chain's links or MAKES a product one of them INCLUDES.
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
