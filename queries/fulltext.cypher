// name: fulltext
// title: 全文检索名称与别名 / Full-text search over names and aliases
// description: Nodes whose name or an alias matches the words of q in the full-text index entity_names (the cjk
// description: analyzer indexes Chinese as character pairs, so each word is searched as a quoted phrase: 经信局 finds
// description: 湖州市经信局, not every name with 经 or 局). Several words separated by spaces: any of them, the
// description: best matches first. Neo4j only (the embedded store has no full-text index; the viewer's search
// description: query works on both).
// neo4j_only: 全文索引只在 Neo4j 中（嵌入式存储请用 search 查询） / the full-text index lives in Neo4j (use search on the embedded store)
// param: q string 经信局 | the words to find, separated by spaces
// param: label string Department | only nodes with this label; empty for all
// param: limit int 20 | at most this many rows
// returns: uid, label, name, aliases, score — best score first, then by name
WITH [w IN split(trim(coalesce($q, '')), ' ') WHERE w <> ''
  | '"' + replace(replace(w, '\\', '\\\\'), '"', '\\"') + '"'] AS words
WHERE size(words) > 0
CALL db.index.fulltext.queryNodes('entity_names', reduce(s = '', w IN words | s + ' ' + w)) YIELD node, score
WITH node, score
WHERE coalesce($label, '') = '' OR $label IN labels(node)
RETURN node.uid AS uid, [l IN labels(node) WHERE l <> 'Entity'][0] AS label, node.name AS name,
  coalesce(node.aliases, []) AS aliases, score
ORDER BY score DESC, name, uid
LIMIT coalesce($limit, 20)
