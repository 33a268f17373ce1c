// name: policy_citations
// title: 政策引用关系 / Policies citing a policy
// description: The policies that cite a policy (CITES: 根据《…》, 贯彻落实《…》), or that it cites, with their 文号,
// description: issuing departments and the citing sentence.
// param: policy string 浙江省先进制造业集群培育方案 | uid, name, alias or 文号 of the policy
// param: direction string cited_by | cited_by (who cites it, the default), cites (what it cites) or both
// returns: policy, direction, uid, name, doc_number, issued_by, sources, evidence — by direction, then name
MATCH (p:Policy)
WHERE p.uid = $policy OR p.name = $policy OR p.docNumber = $policy OR $policy IN coalesce(p.aliases, [])
CALL (p) {
  MATCH (o:Policy)-[r:CITES]->(p) RETURN 'cited_by' AS direction, o, r
  UNION
  MATCH (p)-[r:CITES]->(o:Policy) RETURN 'cites' AS direction, o, r
}
WITH p, direction, o, r WHERE coalesce($direction, 'cited_by') IN [direction, 'both']
RETURN p.name AS policy, direction, o.uid AS uid, o.name AS name, o.docNumber AS doc_number,
  COLLECT { MATCH (o)-[:ISSUED_BY]->(d) WITH DISTINCT d ORDER BY d.name RETURN d.name } AS issued_by,
  coalesce(r.sources, [r.source]) AS sources, coalesce(r.evidences, [r.evidence]) AS evidence
ORDER BY direction, name, uid
