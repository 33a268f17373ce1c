// name: department_measures
// title: 部门牵头或参与的举措 / Measures led by or involving a department
// description: The measures (举措) a department leads (牵头, LED_BY: the first unit of （责任单位：…）) or takes part
// description: in (INVOLVES: the other units), with the policy each belongs to, the chains it supports and the
// description: sentence that names the department.
// param: department string 湖州市经济和信息化局 | uid, name or alias (市经信局) of a department
// param: role string lead | lead, involved, or empty for both
// returns: department, role, uid, code, measure, policy, chains, evidence — by policy, then measure code
MATCH (d:Department)
WHERE d.uid = $department OR d.name = $department OR $department IN coalesce(d.aliases, [])
MATCH (m:Measure)-[r:LED_BY|INVOLVES]->(d)
WITH d, m, r, CASE type(r) WHEN 'LED_BY' THEN 'lead' ELSE 'involved' END AS role
WHERE coalesce($role, '') = '' OR role = $role
RETURN d.name AS department, role, m.uid AS uid, m.code AS code, coalesce(m.title, m.name) AS measure,
  head(COLLECT { MATCH (m)-[:PART_OF*1..4]->(p:Policy) WITH DISTINCT p ORDER BY p.name RETURN p.name }) AS policy,
  COLLECT { MATCH (m)-[:SUPPORTS]->(c) WITH DISTINCT c ORDER BY c.name RETURN c.name } AS chains,
  r.evidence AS evidence
ORDER BY policy, code, measure, uid, role
