// name: shortest_path
// title: 两个节点之间的最短路径 / Shortest paths between two nodes
// description: The shortest chains of relationships (either direction, at most 8 steps) linking two nodes, e.g. how a
// description: firm is tied to a department. Paths through documents (MENTIONED_IN) are left out unless asked for,
// description: since any two things in one document would otherwise be two steps apart.
// neo4j_only: 最短路径由 Neo4j 的 allShortestPaths 求出 / all shortest paths are found by Neo4j's allShortestPaths
// param: from string 浙江中力机械股份有限公司 | uid or name of the first node
// param: to string 湖州市经济和信息化局 | uid or name of the second node
// param: via_documents bool false | also walk through MENTIONED_IN
// param: limit int 5 | at most this many paths of the shortest length
// returns: length, nodes [{uid, label, name}], relationships [{type, start, end, evidence}] — by the names on the path
MATCH (a:Entity) WHERE a.uid = $from OR a.name = $from
MATCH (b:Entity) WHERE (b.uid = $to OR b.name = $to) AND a <> b
MATCH p = allShortestPaths((a)-[*..8]-(b))
WHERE coalesce($via_documents, false) OR none(r IN relationships(p) WHERE type(r) = 'MENTIONED_IN')
WITH p, [n IN nodes(p) | {uid: n.uid, label: [l IN labels(n) WHERE l <> 'Entity'][0], name: n.name}] AS path_nodes
RETURN length(p) AS length, path_nodes AS nodes,
  [r IN relationships(p) | {type: type(r), start: startNode(r).uid, end: endNode(r).uid, evidence: r.evidence}]
    AS relationships
ORDER BY length, [n IN path_nodes | n.name], [n IN path_nodes | n.uid]
LIMIT coalesce($limit, 5)
