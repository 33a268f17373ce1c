// name: document_mentions
// title: 文档提及的实体 / Entities a document mentions
// description: Every node MENTIONED_IN one document, with its aliases (the surface forms to find in the text) and how
// description: many times it was mentioned.
// param: uid string document-0123456789abcdef | the Document's uid
// returns: uid, label, name, aliases, count — by label, name
MATCH (n:Entity)-[r:MENTIONED_IN]->(d:Document {uid: $uid})
RETURN n.uid AS uid, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name,
  coalesce(n.aliases, []) AS aliases, r.count AS count
ORDER BY label, name, uid
