// name: neighbourhood
// title: 节点的关系与证据 / Relationships of a node with their evidence
// description: Every relationship of one node, in both directions, with the node at the other end and, for each
// description: source document, the sentence the fact was read from.
// param: uid string enterprise-0123456789abcdef | the node's uid
// param: limit int 500 | at most this many relationships
// returns: type, direction (out/in), uid, label, name, evidence [{document, title, evidence}] — by type, direction, name
MATCH (n:Entity {uid: $uid})-[r]-(m:Entity)
WITH n, r, m, coalesce(r.sources, [r.source]) AS srcs, coalesce(r.evidences, [r.evidence]) AS evs
RETURN type(r) AS type, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
  m.uid AS uid, [l IN labels(m) WHERE l <> 'Entity'][0] AS label, m.name AS name,
  COLLECT {
    UNWIND range(0, size(srcs) - 1) AS i
    OPTIONAL MATCH (d:Document {uid: srcs[i]})
    RETURN {document: srcs[i], title: coalesce(d.title, d.name), evidence: evs[i]} ORDER BY i
  } AS evidence
ORDER BY type, direction, name, uid
LIMIT coalesce($limit, 500)
