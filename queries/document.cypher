// name: document
// title: 文档原文 / One source document
// description: A loaded document by uid: its file name, title, kind, date, 文号, path, the length of its text and
// description: its text from offset `start` (0 if not given), at most `size` characters (all if not given), so a
// description: long document is read a page at a time; with `find`, also where that wording first occurs in it.
// param: uid string document-0123456789abcdef | the Document's uid
// param: start int 0 | offset of the first character of text to return (0 if not given)
// param: size int 50000 | characters of text to return at most (the rest of the text if not given)
// param: find string 加快建设 | wording to look for (the evidence of a fact); empty for none
// returns: uid, name, title, kind, date, doc_number, path, length, text, found (offset of `find`, or null) — one row, or none
MATCH (d:Document {uid: $uid})
WITH d, coalesce($start, 0) AS start
RETURN d.uid AS uid, d.name AS name, d.title AS title, d.kind AS kind, d.date AS date, d.docNumber AS doc_number,
  d.path AS path, size(d.text) AS length,
  substring(d.text, start, coalesce($size, size(d.text))) AS text,
  CASE WHEN $find <> '' AND d.text CONTAINS $find THEN size(split(d.text, $find)[0]) END AS found
