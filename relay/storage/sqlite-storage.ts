import type Database from 'better-sqlite3'
import type { DocTail, NewUpdate, Storage, StoredUpdate } from './storage.js'

export class SqliteStorage implements Storage {
  private readonly statements

  constructor(private readonly db: Database.Database) {
    this.statements = {
      snapshot: db.prepare<[string], { data: Buffer; meta: Buffer }>('SELECT data, meta FROM doc_snapshots WHERE doc = ? ORDER BY part'),
      log: db.prepare<[string], { id: number; data: Buffer; meta: Buffer }>('SELECT id, data, meta FROM doc_updates WHERE doc = ? ORDER BY id'),
      insert: db.prepare<[string, Uint8Array, Uint8Array]>('INSERT INTO doc_updates (doc, data, meta) VALUES (?, ?, ?)'),
      tail: db.prepare<[string], { rows: number; bytes: number | null }>('SELECT COUNT(*) AS rows, SUM(LENGTH(data)) AS bytes FROM doc_updates WHERE doc = ?'),
      dropLog: db.prepare<[string, number]>('DELETE FROM doc_updates WHERE doc = ? AND id <= ?'),
      dropSnapshot: db.prepare<[string]>('DELETE FROM doc_snapshots WHERE doc = ?'),
      // A doc and its segments: the name itself, then every name from `<doc>:` up to `<doc>;` (':' + 1).
      eraseLog: db.prepare<[string, string, string]>('DELETE FROM doc_updates WHERE doc = ? OR (doc >= ? AND doc < ?)'),
      eraseSnapshots: db.prepare<[string, string, string]>('DELETE FROM doc_snapshots WHERE doc = ? OR (doc >= ? AND doc < ?)'),
      insertPart: db.prepare<[string, number, Uint8Array, Uint8Array]>('INSERT INTO doc_snapshots (doc, part, data, meta) VALUES (?, ?, ?, ?)'),
    }
  }

  loadDoc(doc: string): StoredUpdate[] {
    const parts = this.statements.snapshot.all(doc).map(({ data, meta }) => ({ id: 0, data: bytes(data), meta: bytes(meta) }))
    const log = this.statements.log.all(doc).map(({ id, data, meta }) => ({ id, data: bytes(data), meta: bytes(meta) }))
    return [...parts, ...log]
  }

  appendUpdates(updates: NewUpdate[]): number[] {
    return this.db.transaction(() =>
      updates.map(({ doc, data, meta }) => Number(this.statements.insert.run(doc, data, meta).lastInsertRowid)),
    )()
  }

  tail(doc: string): DocTail {
    const { rows, bytes } = this.statements.tail.get(doc)!
    return { rows, bytes: bytes ?? 0 }
  }

  replaceWithSnapshot(doc: string, upTo: number, parts: Array<{ data: Uint8Array; meta: Uint8Array }>): void {
    this.db.transaction(() => {
      this.statements.dropLog.run(doc, upTo)
      this.statements.dropSnapshot.run(doc)
      parts.forEach(({ data, meta }, index) => this.statements.insertPart.run(doc, index, data, meta))
    })()
  }

  erase(doc: string): void {
    const range = [doc, `${doc}:`, `${doc};`] as const
    this.db.transaction(() => {
      this.statements.eraseLog.run(...range)
      this.statements.eraseSnapshots.run(...range)
    })()
  }

  /**
   * After compaction: copy the WAL back into the database and truncate it, so pages that held
   * deleted content (already zeroed by secure_delete in the main file) leave the WAL file too.
   */
  vacuumLater(): void {
    setImmediate(() => {
      if (this.db.open) this.db.pragma('wal_checkpoint(TRUNCATE)')
    })
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}

/** better-sqlite3 returns Buffers that may share a pool; give each row its own bytes. */
function bytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer)
}
