// name: evidence
// title: 关系的证据句 / Evidence sentences behind a relationship
// description: For every relationship between a node and (optionally) another, of (optionally) one type, in either
// description: direction: each source document with its title and the sentence the fact was read from. One row per
// description: relationship and source, so a fact stated by three documents gives three rows.
// param: start string 浙江中力机械股份有限公司 | uid or name of one end
// param: type string CHAIN_OWNER_OF | relationship type; empty for any
// param: end string 智能物流装备产业链 | uid or name of the other end; empty for any
// returns: start_uid, start, type, end_uid, end, source, document, evidence — by type, end, start, document
MATCH (a:Entity) WHERE a.uid = $start OR a.name = $start
MATCH (a)-[r]-(b:Entity)
WHERE (coalesce($type, '') = '' OR type(r) = $type)
  AND (coalesce($end, '') = '' OR b.uid = $end OR b.name = $end)
WITH DISTINCT r
WITH r, startNode(r) AS s, endNode(r) AS e, coalesce(r.sources, [r.source]) AS sources,
  coalesce(r.evidences, [r.evidence]) AS sentences
UNWIND range(0, size(sources) - 1) AS i
OPTIONAL MATCH (d:Document {uid: sources[i]})
RETURN s.uid AS start_uid, s.name AS start, type(r) AS type, e.uid AS end_uid, e.name AS end,
  sources[i] AS source, coalesce(d.title, d.name) AS document, sentences[i] AS evidence
ORDER BY type, end, end_uid, start, start_uid, source
