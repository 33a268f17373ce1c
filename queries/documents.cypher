// name: documents
// title: 已加载的文件 / Documents loaded
// description: 已加载的每份文件：标题（无标题时为文件名）、类型（policy 政策文件 / news 新闻）和提及的产业链数；仍在分批写入的大文件不列出。
// description: Every document loaded, by title: its kind and how many industry chains it mentions; a large document still being written in stages is left out.
// returns: uid, title, kind, chains — one row per document, by title
MATCH (d:Document) WHERE d.unfinishedWrite IS NULL
RETURN d.uid AS uid, coalesce(d.title, d.name) AS title, d.kind AS kind,
  COUNT { MATCH (c:IndustryChain)-[:MENTIONED_IN]->(d) RETURN DISTINCT c } AS chains
ORDER BY title, uid
