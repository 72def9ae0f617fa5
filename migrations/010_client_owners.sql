-- Which user owns each Yjs client id of each doc: the first user whose connection sent structs
-- under it. The write authorizer refuses structs under a client id someone else owns, so nobody
-- can extend (or pose as) another person's edit history. '@relay' marks the relay's own writes.
CREATE TABLE client_owners (
  doc TEXT NOT NULL,
  client INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  PRIMARY KEY (doc, client)
) WITHOUT ROWID;
