/**
 * The docs the relay writes: `account` (people, open rooms, settings) and each `user:<id>` (that
 * person's rooms). SQLite is the truth; these docs are how it reaches clients, offline included.
 * Each refresh reads the desired state, diffs it against a Y.Doc the relay keeps per server doc,
 * and writes only what changed through the doc's ordinary persist-then-broadcast path.
 */
import * as Y from 'yjs'
import type { DocRegistry } from '../docs/doc-registry.js'
import type { Log } from '../log.js'

/** root name -> key -> fields (a Y.Map per key) */
export type DesiredMaps = Record<string, Record<string, Record<string, unknown>>>
/** root name -> fields (the root map itself holds the fields) */
export type DesiredFields = Record<string, Record<string, unknown>>

export interface DesiredDoc {
  maps?: DesiredMaps
  fields?: DesiredFields
}

export class ServerDocs {
  private readonly ydocs = new Map<string, Y.Doc>()
  private readonly dirty = new Set<string>()
  private running: Promise<void> | undefined

  constructor(
    private readonly docs: DocRegistry,
    private readonly desired: (docName: string) => DesiredDoc | undefined,
    private readonly log: Log,
  ) {}

  /** Marks docs for a rewrite on the next turn; many changes in one request cost one write each. */
  refreshLater(...docNames: string[]): void {
    for (const name of docNames) this.dirty.add(name)
    this.running ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain())
  }

  /** Resolves once every pending refresh has been written (committed or not: the commit queue owns that). */
  async settled(): Promise<void> {
    while (this.running) await this.running
  }

  private async drain(): Promise<void> {
    try {
      while (this.dirty.size > 0) {
        const [name] = this.dirty
        this.dirty.delete(name!)
        await this.refresh(name!).catch((error: Error) => this.log.error(`rewriting ${name} failed: ${error.message}`))
      }
    } finally {
      this.running = undefined
    }
  }

  private async refresh(name: string): Promise<void> {
    const desired = this.desired(name)
    if (!desired) return
    const doc = await this.docs.open(name)
    let ydoc = this.ydocs.get(name)
    if (!ydoc) {
      ydoc = new Y.Doc()
      for (const row of doc.storedUpdates) Y.applyUpdate(ydoc, row.data)
      this.ydocs.set(name, ydoc)
    }
    const updates: Uint8Array[] = []
    const collect = (update: Uint8Array) => updates.push(update)
    ydoc.on('update', collect)
    ydoc.transact(() => {
      for (const [root, fields] of Object.entries(desired.fields ?? {})) writeFields(ydoc.getMap(root), fields)
      for (const [root, entries] of Object.entries(desired.maps ?? {})) writeEntries(ydoc.getMap(root), entries)
    })
    ydoc.off('update', collect)
    if (updates.length > 0) doc.write(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates))
    // A doc nobody has open and nothing to commit need not stay loaded for us.
    else this.docs.unload(doc)
  }
}

function writeEntries(root: Y.Map<unknown>, entries: Record<string, Record<string, unknown>>): void {
  for (const key of [...root.keys()]) if (!(key in entries)) root.delete(key)
  for (const [key, fields] of Object.entries(entries)) {
    let entry = root.get(key)
    if (!(entry instanceof Y.Map)) {
      entry = new Y.Map<unknown>()
      root.set(key, entry)
    }
    writeFields(entry as Y.Map<unknown>, fields)
  }
}

function writeFields(map: Y.Map<unknown>, fields: Record<string, unknown>): void {
  for (const key of [...map.keys()]) if (!(key in fields)) map.delete(key)
  for (const [key, value] of Object.entries(fields)) {
    if (!same(map.get(key), value)) map.set(key, value)
  }
}

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b)
