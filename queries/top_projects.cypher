// name: top_projects
// title: 重大项目：按投资额排序 / Projects by investment
// description: Projects with a stated investment, largest first, in 亿元 (an investment given in 万元 is divided by
// description: 10,000; other units are kept as stated and named in unit). Optionally only those of at least an amount,
// description: of one chain, or located in a district or platform (or inside it).
// param: min_investment float 10 | only projects of at least this many 亿元; empty for all
// param: chain string 智能物流装备产业链 | uid, name or alias of a chain; empty for any
// param: place string 湖州市 | uid, name or alias of a district or platform; empty for anywhere
// param: limit int 20 | at most this many projects
// returns: uid, name, investment (亿元), unit (as stated), area, status, chains, investors, located_in — largest first
MATCH (p:Project) WHERE p.investment IS NOT NULL
WITH p,
  CASE p.investmentUnit WHEN '万元' THEN toFloat(p.investment) / 10000 ELSE toFloat(p.investment) END AS investment
WHERE ($min_investment IS NULL OR investment >= $min_investment)
  AND (coalesce($chain, '') = '' OR EXISTS {
    MATCH (p)-[:IN_CHAIN]->(c:IndustryChain) WHERE c.uid = $chain OR c.name = $chain OR $chain IN coalesce(c.aliases, [])
  })
  AND (coalesce($place, '') = '' OR EXISTS {
    MATCH (p)-[:LOCATED_IN|PART_OF*1..4]->(x:District|Platform)
    WHERE x.uid = $place OR x.name = $place OR $place IN coalesce(x.aliases, [])
  })
RETURN p.uid AS uid, p.name AS name, investment, coalesce(p.investmentUnit, '亿元') AS unit, p.area AS area,
  p.status AS status,
  COLLECT { MATCH (p)-[:IN_CHAIN]->(c) WITH DISTINCT c ORDER BY c.name RETURN c.name } AS chains,
  COLLECT { MATCH (e:Enterprise)-[:INVESTS_IN]->(p) WITH DISTINCT e ORDER BY e.name RETURN e.name } AS investors,
  COLLECT { MATCH (p)-[:LOCATED_IN]->(x) WITH DISTINCT x ORDER BY x.name RETURN x.name } AS located_in
ORDER BY investment DESC, name, uid
LIMIT coalesce($limit, 20)
