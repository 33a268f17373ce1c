// name: document
// title: 文档原文 / One source document
// description: A loaded document by uid: its file name, title, kind, date, 文号, path and full text.
// param: uid string document-0123456789abcdef | the Document's uid
// returns: uid, name, title, kind, date, doc_number, path, text — one row, or none
MATCH (d:Document {uid: $uid})
RETURN d.uid AS uid, d.name AS name, d.title AS title, d.kind AS kind, d.date AS date, d.docNumber AS doc_number,
  d.path AS path, d.text AS text
