-- Each room, user and account document is a snapshot (a few parts) plus a log of accepted updates.
CREATE TABLE doc_updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  doc TEXT NOT NULL,
  data BLOB NOT NULL,
  meta BLOB NOT NULL
);
CREATE INDEX doc_updates_by_doc ON doc_updates (doc, id);

CREATE TABLE doc_snapshots (
  doc TEXT NOT NULL,
  part INTEGER NOT NULL,
  data BLOB NOT NULL,
  meta BLOB NOT NULL,
  PRIMARY KEY (doc, part)
);
