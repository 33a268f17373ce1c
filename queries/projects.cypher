// name: projects
// title: 项目清单 / Projects
// description: Every investment or construction project with its investment (亿元), area (亩), status, chains,
// description: investing firms (INVESTS_IN) and where it is located. Given a chain, only that chain's projects.
// param: chain string 智能物流装备 | uid, name or alias of a chain; empty for all
// returns: uid, name, investment, area, status, chains, investors, districts, platforms — by name
MATCH (p:Project)
WHERE coalesce($chain, '') = ''
  OR EXISTS { (p)-[:IN_CHAIN]->(c:IndustryChain) WHERE c.uid = $chain OR c.name = $chain OR $chain IN coalesce(c.aliases, []) }
RETURN p.uid AS uid, p.name AS name, p.investment AS investment, p.area AS area, p.status AS status,
  COLLECT { MATCH (p)-[:IN_CHAIN]->(c:IndustryChain) RETURN c.name ORDER BY c.name } AS chains,
  COLLECT { MATCH (e:Enterprise)-[:INVESTS_IN]->(p) RETURN e.name ORDER BY e.name } AS investors,
  COLLECT { MATCH (p)-[:LOCATED_IN*1..3]->(d:District) WITH DISTINCT d RETURN d.name ORDER BY d.name } AS districts,
  COLLECT { MATCH (p)-[:LOCATED_IN*1..2]->(f:Platform) WITH DISTINCT f RETURN f.name ORDER BY f.name } AS platforms
ORDER BY name, uid
