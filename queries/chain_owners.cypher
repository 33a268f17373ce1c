// name: chain_owners
// title: 各产业链的链主企业 / Chain owners per chain
// description: The chain-owner firms (链主, CHAIN_OWNER_OF) of every chain, or of one chain, with the documents and
// description: sentences that say so. A chain with no known owner is one row with null owner fields, so the chains
// description: still lacking a 链主 show up too.
// param: chain string 智能物流装备产业链 | uid, name or alias of a chain; empty for all chains
// returns: chain_uid, chain, uid, owner, tags, sources, evidence — one row per chain and owner, by chain then owner
MATCH (c:IndustryChain)
WHERE coalesce($chain, '') = '' OR c.uid = $chain OR c.name = $chain OR $chain IN coalesce(c.aliases, [])
OPTIONAL MATCH (e:Enterprise)-[r:CHAIN_OWNER_OF]->(c)
RETURN c.uid AS chain_uid, c.name AS chain, e.uid AS uid, e.name AS owner, coalesce(e.tags, []) AS tags,
  CASE WHEN r IS NULL THEN [] ELSE coalesce(r.sources, [r.source]) END AS sources,
  CASE WHEN r IS NULL THEN [] ELSE coalesce(r.evidences, [r.evidence]) END AS evidence
ORDER BY chain, chain_uid, owner, uid
