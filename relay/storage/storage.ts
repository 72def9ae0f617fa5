/**
 * What the relay keeps, behind one small interface: each doc is an ordered list of stored updates,
 * a compacted snapshot (a few parts) followed by the update log's tail. Implementations: SQLite
 * (the product) and an in-memory twin (tests that need no file); one contract suite covers both.
 *
 * FIXME: synchronous because better-sqlite3 is; a PostgreSQL store for scale-out will need the
 * same methods returning promises.
 */
export interface StoredUpdate {
  /** Log rows have their row id; snapshot parts have 0 (they always come first). */
  id: number
  data: Uint8Array
  /** What the update creates and deletes, encoded (see docs/update-meta.ts). */
  meta: Uint8Array
}

export interface NewUpdate {
  doc: string
  data: Uint8Array
  meta: Uint8Array
}

export interface DocTail {
  rows: number
  bytes: number
}

export interface Storage {
  /** The snapshot parts, then the log rows in commit order. */
  loadDoc(doc: string): StoredUpdate[]
  /** Appends all in one transaction; returns the new row ids in order. */
  appendUpdates(updates: NewUpdate[]): number[]
  /** How much log has piled up since the last snapshot. */
  tail(doc: string): DocTail
  /** In one transaction: drop log rows with id <= upTo and the old snapshot, store the new snapshot. */
  replaceWithSnapshot(doc: string, upTo: number, parts: Array<{ data: Uint8Array; meta: Uint8Array }>): void
  /** Removes a doc and its segments (`<doc>:<segment>`) for good: log rows and snapshots. */
  erase(doc: string): void
  /** Frees the space of deleted rows so removed content leaves the files. */
  vacuumLater?(): void
  close(): void
}
