/**
 * Loaded docs: a doc is loaded on first join and unloaded when its last peer leaves and nothing is
 * waiting to commit. Concurrent joins of one doc share a single load.
 */
import type { Storage } from '../storage/storage.js'
import { RelayDoc, type RelayDocContext } from './relay-doc.js'

export class DocRegistry {
  private readonly loaded = new Map<string, RelayDoc>()
  private readonly loading = new Map<string, Promise<RelayDoc>>()
  /** How many times a doc was read from storage (tests check that 100 joins cost one load). */
  loads = 0

  constructor(private readonly storage: Storage, private readonly context: RelayDocContext) {}

  get(name: string): RelayDoc | undefined {
    return this.loaded.get(name)
  }

  all(): IterableIterator<RelayDoc> {
    return this.loaded.values()
  }

  open(name: string): Promise<RelayDoc> {
    const doc = this.loaded.get(name)
    if (doc) return Promise.resolve(doc)
    let pending = this.loading.get(name)
    if (!pending) {
      pending = Promise.resolve().then(() => {
        this.loads++
        const fresh = new RelayDoc(name, this.storage.loadDoc(name), this.context)
        this.loaded.set(name, fresh)
        this.loading.delete(name)
        return fresh
      })
      pending.catch(() => this.loading.delete(name))
      this.loading.set(name, pending)
    }
    return pending
  }

  /** Drops an idle doc from memory; it is reloaded from storage on the next join. */
  unload(doc: RelayDoc): void {
    if (this.loaded.get(doc.name) !== doc || !doc.isIdle) return
    this.loaded.delete(doc.name)
    doc.dispose()
  }
}
