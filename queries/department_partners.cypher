// name: department_partners
// title: 部门协同关系 / Departments that share measures
// description: Pairs of departments named together in the responsible units of the same measures (LED_BY or
// description: INVOLVES), with how many measures they share and the first of them by title. Without a department
// description: each pair is listed once; with one, every department it shares measures with.
// param: department string 湖州市经济和信息化局 | uid, name or alias of a department; empty for every pair
// param: limit int 100 | at most this many pairs
// returns: uid, department, partner_uid, partner, shared, measures (at most 5 titles) — most shared first
MATCH (a:Department)<-[:LED_BY|INVOLVES]-(m:Measure)-[:LED_BY|INVOLVES]->(b:Department)
WHERE a <> b AND CASE
    WHEN coalesce($department, '') = '' THEN a.uid < b.uid
    ELSE a.uid = $department OR a.name = $department OR $department IN coalesce(a.aliases, [])
  END
WITH a, b, m ORDER BY coalesce(m.title, m.name), m.uid
WITH a, b, collect(DISTINCT coalesce(m.title, m.name)) AS titles, count(DISTINCT m) AS shared
RETURN a.uid AS uid, a.name AS department, b.uid AS partner_uid, b.name AS partner, shared, titles[..5] AS measures
ORDER BY shared DESC, department, partner, uid, partner_uid
LIMIT coalesce($limit, 100)
