// name: department_workload
// title: 部门任务量 / Each department's workload
// description: How many measures each department leads (LED_BY) and takes part in (INVOLVES), in how many policies,
// description: and how many indicators it is responsible for (OWNED_BY). Departments with none of these are left
// description: out. Given a district, only the departments of that district (PART_OF).
// param: district string 湖州市 | uid, name or alias of a district; empty for all departments
// returns: uid, department, lead, involved, total, policies, indicators — most measures first
MATCH (d:Department)
WHERE coalesce($district, '') = '' OR EXISTS {
  MATCH (d)-[:PART_OF]->(x:District) WHERE x.uid = $district OR x.name = $district OR $district IN coalesce(x.aliases, [])
}
WITH d,
  COUNT { (:Measure)-[:LED_BY]->(d) } AS lead,
  COUNT { (:Measure)-[:INVOLVES]->(d) } AS involved,
  COUNT { (:Indicator)-[:OWNED_BY]->(d) } AS indicators
WHERE lead + involved + indicators > 0
RETURN d.uid AS uid, d.name AS department, lead, involved, lead + involved AS total,
  COUNT {
    MATCH (m:Measure)-[:LED_BY|INVOLVES]->(d) MATCH (m)-[:PART_OF*1..4]->(p:Policy) RETURN DISTINCT p
  } AS policies,
  indicators
ORDER BY total DESC, lead DESC, indicators DESC, department, uid
