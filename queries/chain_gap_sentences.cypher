// name: chain_gap_sentences
// title: 提及产业链短板的文件 / Documents of a chain that speak of gaps
// description: The documents an industry chain is mentioned in whose text holds a gap word (短板, 空白, 缺失, 补链),
// description: with their text: the placement rule (chainkg.queries.placement) finds the sentences that name a gap
// description: word with a link or its products (the links the text itself calls weak).
// param: chain string 智能物流装备 | uid, name or alias of the chain
// returns: uid, title, text — one row per document, by uid
MATCH (c:IndustryChain) WHERE c.uid = $chain OR c.name = $chain OR $chain IN coalesce(c.aliases, [])
MATCH (c)-[:MENTIONED_IN]->(d:Document)
WHERE any(w IN ['短板', '空白', '缺失', '补链'] WHERE d.text CONTAINS w)
WITH DISTINCT d
RETURN d.uid AS uid, coalesce(d.title, d.name) AS title, d.text AS text
ORDER BY uid
