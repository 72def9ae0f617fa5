import type { DocTail, NewUpdate, Storage, StoredUpdate } from './storage.js'

/** The in-memory twin of SqliteStorage, for tests that need determinism and no files. */
export class MemoryStorage implements Storage {
  private nextId = 1
  private readonly logs = new Map<string, StoredUpdate[]>()
  private readonly snapshots = new Map<string, StoredUpdate[]>()

  loadDoc(doc: string): StoredUpdate[] {
    return [...(this.snapshots.get(doc) ?? []), ...(this.logs.get(doc) ?? [])].map((row) => ({ id: row.id, data: row.data.slice(), meta: row.meta.slice() }))
  }

  appendUpdates(updates: NewUpdate[]): number[] {
    return updates.map(({ doc, data, meta }) => {
      const row = { id: this.nextId++, data: data.slice(), meta: meta.slice() }
      const log = this.logs.get(doc) ?? []
      log.push(row)
      this.logs.set(doc, log)
      return row.id
    })
  }

  tail(doc: string): DocTail {
    const log = this.logs.get(doc) ?? []
    return { rows: log.length, bytes: log.reduce((sum, row) => sum + row.data.length, 0) }
  }

  replaceWithSnapshot(doc: string, upTo: number, parts: Array<{ data: Uint8Array; meta: Uint8Array }>): void {
    this.logs.set(doc, (this.logs.get(doc) ?? []).filter((row) => row.id > upTo))
    this.snapshots.set(doc, parts.map(({ data, meta }) => ({ id: 0, data: data.slice(), meta: meta.slice() })))
  }

  erase(doc: string): void {
    for (const rows of [this.logs, this.snapshots]) {
      for (const name of [...rows.keys()]) if (name === doc || name.startsWith(`${doc}:`)) rows.delete(name)
    }
  }

  close(): void {
    this.logs.clear()
    this.snapshots.clear()
  }
}
