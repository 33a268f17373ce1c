// name: node
// title: 节点详情 / One node
// description: One node by uid: label, name, aliases, the merge rule behind each alias (mergedBy) and its other
// description: properties as [key, value] pairs sorted by key (a document's full text is left to the document query).
// param: uid string enterprise-0123456789abcdef | the node's uid
// returns: uid, label, name, aliases, merged_by, props — one row, or none if the uid is unknown
MATCH (n:Entity {uid: $uid})
RETURN n.uid AS uid, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name,
  coalesce(n.aliases, []) AS aliases, coalesce(n.mergedBy, []) AS merged_by,
  COLLECT {
    UNWIND keys(n) AS k WITH k WHERE NOT k IN ['uid', 'name', 'aliases', 'mergedBy', 'searchText', 'searchKey', 'text']
    RETURN [k, n[k]] ORDER BY k
  } AS props
