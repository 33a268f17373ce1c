// name: indicator_owners
// title: 指标及其责任部门 / Indicators and the departments responsible for them
// description: Every indicator (or those whose name contains the text) with the departments responsible for it
// description: (OWNED_BY: the 责任部门 column of an indicator table), its unit, how many targets and figures are set on
// description: it and for which years.
// param: indicator string 亩均税收 | part of an indicator's name, or its uid; empty for all
// returns: uid, indicator, unit, owners, targets, years — by indicator name
MATCH (i:Indicator)
WHERE coalesce($indicator, '') = '' OR i.uid = $indicator OR i.name CONTAINS $indicator
RETURN i.uid AS uid, i.name AS indicator, i.unit AS unit,
  COLLECT { MATCH (i)-[:OWNED_BY]->(d) WITH DISTINCT d ORDER BY d.name RETURN d.name } AS owners,
  COUNT { (t:Target)-[:OF_INDICATOR]->(i) } AS targets,
  COLLECT {
    MATCH (t:Target)-[:OF_INDICATOR]->(i) WHERE t.year IS NOT NULL WITH DISTINCT t.year AS y ORDER BY y RETURN y
  } AS years
ORDER BY indicator, uid
