// name: search
// title: 按名称和别名搜索 / Search names and aliases
// description: Nodes whose name, alias or (for a document) title contains the text, case-insensitive, so a part of
// description: a Chinese name finds it. Exact names first, then names starting with the text, then names containing
// description: it, then alias-only matches; shorter names first within each.
// param: q string 物流 | the text to find
// param: label string Enterprise | only nodes with this label; empty for all
// param: limit int 50 | at most this many rows
// returns: uid, label, name, title, aliases, matched, rank — the best matches first
// searchKey holds the node's name, aliases and title, lowered: its text index finds the candidates (a scan of
// every node's names took about a second on a 300-document graph); the forms below say which one matched.
MATCH (n:Entity)
WHERE n.searchKey CONTAINS toLower(coalesce($q, '')) AND (coalesce($label, '') = '' OR $label IN labels(n))
WITH n, toLower(coalesce($q, '')) AS needle
WITH n, needle, [n.name] + coalesce(n.aliases, []) + CASE WHEN n.title IS NULL THEN [] ELSE [n.title] END AS forms
WITH n, needle, [x IN forms WHERE toLower(x) CONTAINS needle] AS hits
WHERE size(hits) > 0
RETURN n.uid AS uid, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name, n.title AS title,
  coalesce(n.aliases, []) AS aliases, hits[0] AS matched,
  CASE WHEN toLower(n.name) = needle THEN 0 WHEN toLower(n.name) STARTS WITH needle THEN 1
    WHEN toLower(n.name) CONTAINS needle THEN 2 ELSE 3 END AS rank
ORDER BY rank, size(name), name, uid
LIMIT coalesce($limit, 50)
